import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from './app/shell.view.tsx';
import { initI18n } from './i18n/i18n.ts';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  const lang = await initI18n();
  createRoot(root).render(
    <StrictMode>
      <Shell initialLang={lang} />
    </StrictMode>,
  );
}

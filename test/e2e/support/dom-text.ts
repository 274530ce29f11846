import type { Page } from 'playwright-core';

/*
 * Visible UI text of the page: text nodes and accessible labels, leaving out record content
 * (`data-user-content`) and what is never translated (`translate="no"`: grid references,
 * language names). Plain JavaScript source: the TypeScript loader would wrap named functions
 * in a helper that does not exist inside the page.
 */
const UI_TEXTS = `(() => {
  const skipSel = '[data-user-content],[translate="no"],script,style,noscript';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    if (text && n.parentElement && !n.parentElement.closest(skipSel)) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label],[title],[placeholder]')) {
    if (el.closest(skipSel)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
})()`;

export const uiTexts = (page: Page): Promise<string[]> => page.evaluate(UI_TEXTS) as Promise<string[]>;

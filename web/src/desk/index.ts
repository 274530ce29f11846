export { DeskView } from './desk.view.tsx';

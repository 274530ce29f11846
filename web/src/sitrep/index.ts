export { SitrepView } from './sitrep.view.tsx';

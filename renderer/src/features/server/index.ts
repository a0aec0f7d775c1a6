export { ServerPage } from './components/ServerPage';
export { checkServer } from './api';

/** Any signed-in account's own settings. */
export { AccountPage } from '../pages/AccountPage';

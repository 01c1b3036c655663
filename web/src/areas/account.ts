/** Any signed-in account's own settings. */
export { AccountPage } from '../pages/AccountPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';

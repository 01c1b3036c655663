/** The local outbox (npm start only): a developer's page, never part of anyone's first load. */
export { OutboxPage } from '../pages/OutboxPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';

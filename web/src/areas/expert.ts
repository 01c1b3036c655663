/** The chapter member's chunk: their editions, bidding and conflicts, and the score sheets. */
export { ExpertEditionPage } from '../pages/expert/ExpertEditionPage';
export { ExpertEditionsPage } from '../pages/expert/ExpertEditionsPage';
export { ReviewPage } from '../pages/expert/ReviewPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';

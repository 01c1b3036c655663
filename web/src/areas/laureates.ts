/** The published results' chunk (public): the laureates of every edition and one edition's list. */
export { LaureatesPage } from '../pages/results/LaureatesPage';
export { PublishedResultsPage } from '../pages/results/PublishedResultsPage';

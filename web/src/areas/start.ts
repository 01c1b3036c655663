/** The start page's chunk (public): what an anonymous first visit to `/` loads after the entry — no forms. */
export { HomePage, NotFoundPage } from '../pages/HomePage';

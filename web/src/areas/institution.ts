/** The institution's chunk: its profile and members, its applications and its own results. */
export { ApplicationPage } from '../pages/applications/ApplicationPage';
export { ApplicationsPage } from '../pages/applications/ApplicationsPage';
export { InstitutionPage } from '../pages/InstitutionPage';
export { OwnResultPage } from '../pages/results/OwnResultPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';

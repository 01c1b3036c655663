/** The organizer's chunk: editions with every tab, applications, users and the audit log. */
export { OrganizerApplicationPage } from '../pages/organizer/OrganizerApplicationPage';
export { OrganizerAuditPage } from '../pages/OrganizerAuditPage';
export { OrganizerEditionPage } from '../pages/organizer/OrganizerEditionPage';
export { OrganizerEditionsPage } from '../pages/organizer/OrganizerEditionsPage';
export { OrganizerUsersPage } from '../pages/OrganizerUsersPage';
export { OrganizerMeasurementPage } from '../pages/measurement/OrganizerMeasurementPage';
export { QueryProvider as AreaProvider } from '../queries/shared-client';

import { PageTitle } from '../../components/PageTitle';

/** Placeholder until the page is built. */
export function OrganizerEditionPage() {
  return <PageTitle>OrganizerEditionPage</PageTitle>;
}

import { PageTitle } from '../../components/PageTitle';

/** Placeholder until the page is built. */
export function OrganizerEditionsPage() {
  return <PageTitle>OrganizerEditionsPage</PageTitle>;
}

import { PageTitle } from '../../components/PageTitle';

/** Placeholder until the page is built. */
export function OrganizerApplicationPage() {
  return <PageTitle>OrganizerApplicationPage</PageTitle>;
}

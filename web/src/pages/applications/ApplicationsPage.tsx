import { PageTitle } from '../../components/PageTitle';

/** Placeholder until the page is built. */
export function ApplicationsPage() {
  return <PageTitle>ApplicationsPage</PageTitle>;
}

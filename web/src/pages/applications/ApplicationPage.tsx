import { PageTitle } from '../../components/PageTitle';

/** Placeholder until the page is built. */
export function ApplicationPage() {
  return <PageTitle>ApplicationPage</PageTitle>;
}

import { Layout } from './components/Layout';
import { HomePage, NotFoundPage } from './pages/HomePage';

/** Routing stays this small until there are pages to route to; the server answers every path with this SPA. */
export function App() {
  const path = window.location.pathname;
  return <Layout>{path === '/' ? <HomePage /> : <NotFoundPage />}</Layout>;
}

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { syncLanguageCookie } from './language';
import { meQuery } from './queries/accounts';
import { createQueryClient } from './queries/client';
import { installLinkInterception } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
const queryClient = createQueryClient();
installLinkInterception();
syncLanguageCookie();
// Every page waits for the session: ask for it now rather than after the first render.
void queryClient.prefetchQuery(meQuery);
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

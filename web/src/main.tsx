import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { textsReady } from './i18n';
import './styles.css';
import { App, pageAt } from './App';
import { syncLanguageCookie } from './language';
import { installLinkInterception } from './router';
import { createSessionStore } from './session';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
const session = createSessionStore();
installLinkInterception();
syncLanguageCookie();
// Every page waits for the session: ask for it now rather than after the first render.
void session.load();
// The first render waits for the common texts and the page's chunk, both requested now, side by side:
// the page then appears whole, with no loading line and no keys in place of words. A failed chunk is
// left to the page's own boundary (App.tsx), which says so and offers a reload.
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
void Promise.allSettled([textsReady, pageAt(window.location.pathname).preload()]).then(render);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { syncLanguageCookie } from './language';
import { installLinkInterception } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
installLinkInterception();
syncLanguageCookie();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

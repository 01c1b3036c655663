import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The web benchmark's baseline (bench/web/web-bundle.ts): React + ReactDOM rendering one heading, built
// with the app's Vite settings, so the ratio shows what the app adds on top of React itself.
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <h1>Przyjazny Urząd</h1>
  </StrictMode>,
);

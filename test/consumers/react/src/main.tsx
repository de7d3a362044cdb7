// Registers <lk-login-form> before React renders it, so React 19 sees a
// defined custom element and sets what the element has as properties.
import 'lk-widgets/login-form';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Where the API is: here from the address, as the test serves the sandbox API on a port it picks.
const apiBase = new URLSearchParams(location.search).get('api-base') ?? '/api/';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App apiBase={apiBase} />
  </StrictMode>,
);

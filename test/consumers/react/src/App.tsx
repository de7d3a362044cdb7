// The lk-* tags in JSX, typed by the package: attributes, properties and
// handlers named as React 19 listens to a custom element's events
// (`onlk-login` listens to `lk-login`).
import type {} from 'lk-widgets/react-jsx';
import { useState } from 'react';

export function App({ apiBase }: { apiBase: string }) {
  const [loggedInAs, setLoggedInAs] = useState('');
  return (
    <main>
      {/* The handler's event is typed from the package: no annotation, yet `detail.user` type-checks. */}
      <lk-login-form api-base={apiBase} onlk-login={(event) => setLoggedInAs(event.detail.user.email)} />
      <p id="host-log">{loggedInAs && `lk-login: ${loggedInAs}`}</p>
    </main>
  );
}

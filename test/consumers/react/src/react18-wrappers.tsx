// The same form through lk-widgets/react's wrappers, as a React 18 host
// writes it (props set as properties, one onLk… handler per event). Checked
// with the app's types so the wrappers' declarations prove to resolve from
// the installed package; not rendered, as importing them registers every tag.
import type { LkLoginEvent } from 'lk-widgets';
import { LkLoginForm } from 'lk-widgets/react';

export function WrappedLoginForm({ apiBase, onLogin }: { apiBase: string; onLogin: (email: string) => void }) {
  const handle = (event: LkLoginEvent) => onLogin(event.detail.user.email);
  return <LkLoginForm apiBase={apiBase} onLkLogin={handle} />;
}

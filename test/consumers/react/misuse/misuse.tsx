// Misuse the typed tags must refuse: compiled on its own (tsconfig.misuse.json),
// expected to fail with exactly the two errors its lines name.
// TypeScript leaves a JSX name with a dash unchecked when the type does not
// know it (as it does for data-*), so the misspelling here drops the dash.
import type {} from 'lk-widgets/react-jsx';
import type { LkPaymentEvent } from 'lk-widgets';

export const misspeltAttribute = <lk-login-form apibase="/api/" />; // error TS2322: misspelt attribute
export const wrongHandler = <lk-login-form onlk-login={(event: LkPaymentEvent) => event.detail} />; // error TS2322: wrong handler type

import type { CheckFamily } from '../check.js';
import { hasSession, logInUser } from '../flows.js';
import { isRemoval, pathMatches } from '../cookies.js';

export const sessionCookie: CheckFamily = {
  id: 'session-cookie',
  title: 'The session is an HttpOnly cookie that logout ends',
  checks: [
    {
      id: 'session-cookie.flags',
      title: 'Every cookie the login sets (the session) is HttpOnly, SameSite Lax or Strict, Secure over https, with a Path covering the API base',
      needs: ['user'],
      async run(context) {
        const agent = context.agent();
        await logInUser(context, agent);
        const login = context.exchanges.at(-1)!;
        const cookies = login.setCookies.filter((cookie) => cookie.value !== '');
        if (cookies.length === 0) context.stop('The login answer sets no cookie', { expected: 'Set-Cookie with the session', got: 'none', exchange: login });
        const basePath = context.baseUrl.pathname;
        for (const cookie of cookies) {
          const { attributes } = cookie;
          const flag = (message: string, expected: string, got: string) =>
            context.fail(`Cookie "${cookie.name}": ${message}`, { expected, got, exchange: login });
          if (!('httponly' in attributes)) flag('not HttpOnly, so any script on the page can read the session', 'HttpOnly', 'no HttpOnly attribute');
          const sameSite = attributes.samesite?.toLowerCase();
          if (sameSite !== 'lax' && sameSite !== 'strict') flag('SameSite is not Lax or Strict', 'SameSite=Lax (or Strict)', attributes.samesite === undefined ? 'no SameSite attribute' : `SameSite=${attributes.samesite}`);
          if (context.baseUrl.protocol === 'https:' && !('secure' in attributes)) flag('not Secure, though the API is https', 'Secure', 'no Secure attribute');
          const path = attributes.path;
          if (path === undefined || !path.startsWith('/')) flag('no Path: the browser then limits it to the login path, so other calls go without it', `Path=${basePath} (or a parent)`, 'no Path attribute');
          else if (!pathMatches(path, basePath)) flag('its Path does not cover the API base, so calls there go without it', `Path=${basePath} (or a parent)`, `Path=${path}`);
        }
        const session = await hasSession(context, agent);
        if (!session.live) context.fail('The session cookie does not open the session', { expected: 'GET auth/session: the user', got: 'user null', exchange: session.exchange });
      },
    },
    {
      id: 'session-cookie.logout',
      title: 'Logout clears the cookie and ends the session on the backend: the old cookie no longer works',
      needs: ['user'],
      async run(context) {
        const agent = await logInUser(context);
        const login = context.exchanges.at(-1)!;
        const cookies = login.setCookies.filter((cookie) => cookie.value !== '');
        if (cookies.length === 0) context.stop('The login answer sets no cookie', { exchange: login });
        const logout = await agent.send('auth/logout', { method: 'POST' });
        context.expectStatus(logout, [200, 204], 'Logout failed');
        for (const cookie of cookies) {
          const cleared = logout.setCookies.find((candidate) => candidate.name === cookie.name);
          if (!cleared || !(isRemoval(cleared) || cleared.value === '')) {
            context.fail(`Logout does not clear the cookie "${cookie.name}"`, {
              expected: `Set-Cookie: ${cookie.name}=; Max-Age=0 (or an Expires in the past), with the login's Path`,
              got: cleared ? 'a Set-Cookie that keeps it' : 'no Set-Cookie for it',
              exchange: logout,
            });
          } else if ((cleared.attributes.path ?? '') !== (cookie.attributes.path ?? '')) {
            context.fail(`Logout clears the cookie "${cookie.name}" on another Path, so the browser keeps the login's`, {
              expected: `Path=${cookie.attributes.path ?? '(none)'}`,
              got: `Path=${cleared.attributes.path ?? '(none)'}`,
              exchange: logout,
            });
          }
        }
        // A client that kept the old cookie (or a thief who copied it) must find the session gone.
        const replay = context.agent();
        for (const cookie of cookies) replay.jar.set(cookie.name, cookie.value, context.baseUrl.pathname);
        const session = await hasSession(context, replay);
        if (session.live) {
          context.fail('The session still works with the old cookie after logout', { expected: 'GET auth/session with the old cookie: {"user": null}', got: 'the user', exchange: session.exchange });
        }
      },
    },
  ],
};

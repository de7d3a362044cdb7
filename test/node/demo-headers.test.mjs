// The demo server's security headers: every HTML page forbids being framed by
// another site (frame-ancestors 'self', which works only as an HTTP header),
// on top of the SDK's strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY as SDK_POLICY, FRAME_ANCESTORS, securityHeaders } from '../../scripts/csp.mjs';
import { CONTENT_SECURITY_POLICY, DEMO_PAGES, startDemoServer } from '../../scripts/serve-demo.mjs';

/** The directives of a policy, by name: `{ 'frame-ancestors': ["'self'"], … }`. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

describe('securityHeaders()', () => {
  test('sends the SDK policy with frame-ancestors \'self\'', () => {
    const policy = securityHeaders()['Content-Security-Policy'];
    assert.deepEqual(directives(policy)['frame-ancestors'], ["'self'"]);
    assert.equal(FRAME_ANCESTORS, "frame-ancestors 'self'");
    for (const [name, values] of Object.entries(directives(SDK_POLICY))) {
      assert.deepEqual(directives(policy)[name], values, `${name} is kept`);
    }
    assert.equal(policy, CONTENT_SECURITY_POLICY);
  });
});

describe('demo server', () => {
  let server;
  before(async () => {
    server = await startDemoServer({ port: 0, build: false, quiet: true });
  });
  after(async () => {
    await server?.stop();
  });

  const pages = [...Object.values(DEMO_PAGES), 'demo/agreement.html'];
  for (const page of pages) {
    test(`sends frame-ancestors 'self' in the Content-Security-Policy header of ${page}`, async () => {
      const response = await fetch(new URL(page, server.url));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const policy = response.headers.get('content-security-policy');
      assert.ok(policy, `${page} has a Content-Security-Policy header`);
      assert.deepEqual(directives(policy)['frame-ancestors'], ["'self'"]);
      assert.deepEqual(directives(policy)['script-src'], ["'self'"]);
      assert.deepEqual(directives(policy)['require-trusted-types-for'], ["'script'"]);
      await response.arrayBuffer();
    });
  }

  test('sends it with the redirect from / too', async () => {
    const response = await fetch(server.url, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.deepEqual(directives(response.headers.get('content-security-policy'))['frame-ancestors'], ["'self'"]);
  });
});

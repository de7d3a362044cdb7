import { expect } from '@open-wc/testing';
import { WORKER_SCRIPT_PATH, installWorkerScriptPolicy, isWorkerScriptUrl } from '../../mocks/trusted-types.js';
import { useMockBackend } from './helpers.js';

interface Policy {
  createScriptURL(input: string): unknown;
  createHTML?(input: string): unknown;
  createScript?(input: string): unknown;
}
const trustedTypes = (globalThis as unknown as { trustedTypes: { defaultPolicy: Policy | null } }).trustedTypes;

describe('mock backend: Trusted Types', () => {
  useMockBackend();

  it('installs a default policy that lets through only the worker script', () => {
    const policy = trustedTypes.defaultPolicy!;
    expect(String(policy.createScriptURL(WORKER_SCRIPT_PATH))).to.equal(WORKER_SCRIPT_PATH);
    expect(String(policy.createScriptURL(`${location.origin}${WORKER_SCRIPT_PATH}`))).to.include(WORKER_SCRIPT_PATH);
    const others = [
      '/evil.js',
      'https://evil.example/mockServiceWorker.js',
      '//evil.example/mockServiceWorker.js',
      '/mockServiceWorker.js?x=1',
    ];
    for (const other of others) {
      expect(() => policy.createScriptURL(other), other).to.throw(TypeError);
    }
  });

  it('defines no HTML or script conversion, so those sinks stay blocked', () => {
    const policy = trustedTypes.defaultPolicy!;
    expect(() => policy.createHTML!('<img src=x onerror=alert(1)>')).to.throw(TypeError);
    expect(() => policy.createScript!('alert(1)')).to.throw(TypeError);
  });

  it('leaves an existing default policy alone', () => {
    expect(installWorkerScriptPolicy()).to.equal(false);
  });

  it('recognises the worker script URL on this origin only', () => {
    expect(isWorkerScriptUrl('/mockServiceWorker.js')).to.equal(true);
    expect(isWorkerScriptUrl('mockServiceWorker.js#x')).to.equal(false);
    expect(isWorkerScriptUrl('/demo/mockServiceWorker.js')).to.equal(false);
  });
});

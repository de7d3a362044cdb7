import type { RequestSpec } from './client.js';
import type { RequestTarget } from './errors.js';

/** The request an error names: the method, the absolute URL and the endpoint path. */
export function requestTarget(baseUrl: string, spec: Pick<RequestSpec<unknown>, 'method' | 'path'>): RequestTarget {
  return { method: spec.method, url: new URL(spec.path, new URL(baseUrl, document.baseURI)).href, path: spec.path };
}

/**
 * Byte encodings and WebCrypto helpers of the mock backend. Everything here
 * runs in browsers and in Node (`globalThis.crypto`).
 */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Base64url without padding (RFC 4648 §5): safe in cookies and URLs. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** `bytes` random bytes, base64url: safe in cookies and URLs. The ids made of it are in ids.ts. */
export function randomToken(bytes = 32): string {
  return toBase64Url(randomBytes(bytes));
}

/**
 * SHA-256 of a secret, base64url. The mock stores secrets it hands out only
 * in this form (docs/promises.md#8, #15): a leaked store reveals no live secret.
 * A plain hash suffices because the secrets are 256 random bits, not guessable.
 */
export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase64Url(new Uint8Array(digest));
}

/** Compares two byte strings in time that depends only on their length. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/**
 * Every piece of text a listener could reach from a value: what a host page's
 * logger would see of an error it was handed. JSON.stringify is not enough:
 * it skips non-enumerable properties (`cause`, `stack`), getters, symbols,
 * and the insides of `Headers`, `Request` and `Response`, where a bearer
 * token or a request body would sit.
 */
export async function reachableText(root: unknown): Promise<string[]> {
  const texts: string[] = [];
  const seen = new Set<object>();

  async function visit(value: unknown): Promise<void> {
    switch (typeof value) {
      case 'string':
        texts.push(value);
        return;
      case 'number':
      case 'bigint':
      case 'boolean':
        texts.push(String(value));
        return;
      case 'symbol':
        texts.push(value.description ?? '');
        return;
      case 'undefined':
        return;
    }
    if (value === null || seen.has(value as object)) return;
    const object = value as object;
    seen.add(object);

    if (object instanceof Headers) {
      for (const [name, text] of object) texts.push(name, text);
      return;
    }
    if (object instanceof Request || object instanceof Response) {
      texts.push(object.url);
      await visit(object.headers);
      if (object instanceof Request) texts.push(object.method, object.referrer);
      else texts.push(String(object.status), object.statusText);
      // A body not yet read (a request's password) is reachable too.
      if (!object.bodyUsed) texts.push(await object.clone().text().catch(() => ''));
      return;
    }
    if (object instanceof URL || object instanceof URLSearchParams) {
      texts.push(object.toString());
      return;
    }
    if (object instanceof ArrayBuffer || ArrayBuffer.isView(object)) {
      texts.push(new TextDecoder().decode(object as ArrayBuffer));
      return;
    }
    if (object instanceof Map) {
      for (const [key, item] of object) {
        await visit(key);
        await visit(item);
      }
    }
    if (object instanceof Set) for (const item of object) await visit(item);
    // A DOMException's name and message, an event's detail: getters of the platform's prototypes.
    if (object instanceof Error || object instanceof DOMException) {
      for (const key of ['name', 'message', 'stack', 'cause'] as const) await visit(Reflect.get(object, key));
    }
    if (object instanceof CustomEvent) await visit(object.detail);

    for (const key of Reflect.ownKeys(object)) {
      await visit(key);
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key)!;
      if ('value' in descriptor) await visit(descriptor.value);
      else if (descriptor.get) await visit(readSafely(() => descriptor.get!.call(object)));
    }
    // Getters a script defined on the prototype chain (an error class's `code`); the platform's are skipped.
    for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Reflect.ownKeys(proto)) {
        const getter = Reflect.getOwnPropertyDescriptor(proto, key)?.get;
        if (getter && !/\[native code\]/u.test(Function.prototype.toString.call(getter))) {
          await visit(readSafely(() => getter.call(object)));
        }
      }
    }
  }

  await visit(root);
  return texts;
}

function readSafely(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The secrets among `secrets` (empty ones left out) that appear anywhere in what `root` lets a listener reach. */
export async function leakedSecrets(root: unknown, secrets: readonly string[]): Promise<string[]> {
  const texts = await reachableText(root);
  return secrets.filter((secret) => secret !== '' && texts.some((text) => text.includes(secret)));
}

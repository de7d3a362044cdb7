/** msw 3 calls `Promise.withResolvers`, which Node 20 lacks. */
interface Resolvers<T> {
  promise: Promise<T>;
  resolve(value: T | PromiseLike<T>): void;
  reject(reason?: unknown): void;
}

// ES2024 typings are not in the project's `lib`, which targets what Node 20 has.
const PromiseClass = Promise as PromiseConstructor & { withResolvers?: <T>() => Resolvers<T> };

/**
 * Adds `Promise.withResolvers` where it is missing. A function to call, not
 * an import for its effect: package.json's `sideEffects` lets bundlers drop
 * bare imports of this folder.
 */
export function polyfillPromiseWithResolvers(): void {
  if (typeof PromiseClass.withResolvers === 'function') return;
  PromiseClass.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

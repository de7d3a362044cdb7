/**
 * `load` run once, when first needed: every call gets the same promise,
 * except after a failure (a module that could not be fetched while the
 * network was away), which is forgotten so that the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

import DataLoader from 'dataloader';

const byRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * The request's loader called `name`, made on its first use and dropped with the request: the rows a
 * list's field resolvers ask for one by one are read in one query, and each at most once per request.
 * `context` is the GraphQL context, one object per request.
 */
export function requestLoader<V>(
  context: object,
  name: string,
  batch: (keys: readonly string[]) => Promise<(V | Error)[]>,
): DataLoader<string, V> {
  let loaders = byRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    byRequest.set(context, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch);
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** The values for keys, in the keys' order, from rows in any order (fallback where a key has none). */
export function inKeyOrder<R, V>(
  keys: readonly string[],
  rows: R[],
  keyOf: (row: R) => string,
  combine: (rows: R[]) => V,
): V[] {
  const grouped = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = grouped.get(key);
    if (group) group.push(row);
    else grouped.set(key, [row]);
  }
  return keys.map((key) => combine(grouped.get(key) ?? []));
}

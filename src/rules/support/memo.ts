import type { ResourceGraph } from '../../graph/graph.js';

/**
 * Memoized views. Many rules read the same derived view of a resource (a channel's output groups,
 * a template's ladders): computed once, shared by every rule. Graph values never change once the
 * graph is built, and the views are read-only for the rules, so sharing them is safe. Weak maps
 * let a graph and its views be collected together.
 */
export function perResource<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      cache.set(key, value);
    }
    return value as V;
  };
}

/** A view of the whole graph, computed once per graph. */
export function perGraph<V>(compute: () => V, graph: ResourceGraph, cache: WeakMap<ResourceGraph, V>): V {
  if (cache.has(graph)) return cache.get(graph)!;
  const value = compute();
  cache.set(graph, value);
  return value;
}

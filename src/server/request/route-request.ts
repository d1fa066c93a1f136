/** Which resource of the API a path names. */
export type Route = { readonly kind: 'collection' } | { readonly kind: 'item'; readonly segment: string } | { readonly kind: 'none' };

/**
 * Matches a request path (query removed, still percent-encoded) against `{base}` and
 * `{base}/{backupId}`. `{base}/` is the collection too: clients often add the slash, and the spec's
 * path for it is `/`.
 */
export function routeRequest(basePath: string, path: string): Route {
  if (path === basePath || path === `${basePath}/`) return { kind: 'collection' };
  if (!path.startsWith(`${basePath}/`)) return { kind: 'none' };
  const segment = path.slice(basePath.length + 1);
  return segment.includes('/') ? { kind: 'none' } : { kind: 'item', segment };
}

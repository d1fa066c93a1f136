/**
 * True for `application/json` and `application/*+json`, with or without parameters such as
 * charset: the media types a JSON request body may be declared with.
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return essence === 'application/json' || /^application\/[^/\s]+\+json$/.test(essence);
}

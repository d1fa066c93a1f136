/** The media type without parameters, lower-case: `application/json; charset=UTF-8` → `application/json`. */
export function mediaTypeEssence(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Whether a received Content-Type satisfies a documented media type. Parameters are ignored, and a
 * documented `application/json` accepts any `application/*+json`, since Spring actuator answers
 * `application/vnd.spring-boot.actuator.v3+json` (spec/NOTES.md#media-types).
 */
export function mediaTypeMatches(received: string, documented: string): boolean {
  const got = mediaTypeEssence(received);
  const want = mediaTypeEssence(documented);
  if (got === want || want === '*/*') return true;
  if (want === 'application/json') return got.startsWith('application/') && got.endsWith('+json');
  const [wantType, wantSubtype] = want.split('/');
  return wantSubtype === '*' && got.startsWith(`${wantType}/`);
}

// Characters that have no business in a page (NUL, other C0 controls, lone surrogates): a hostile
// server's bytes are shown as U+FFFD rather than passed to the browser.
const UNPRINTABLE = /[^\u0009\u000A\u000D\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for HTML element content and quoted attribute values (also inside inline SVG). */
export function escapeHtml(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SAFE = Symbol('safe-html');

/** Markup built by `html` (or a constant of this codebase): the only kind that is not escaped again. */
export interface SafeHtml {
  readonly [SAFE]: string;
}

/** A value that may be interpolated into `html`: strings and numbers are escaped, markup is kept. */
export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | readonly HtmlPart[];

/**
 * Template tag for markup: every interpolated string is escaped, so text from the server can never
 * become markup, whatever it contains. Nested `html` results, and arrays of them, are kept as they
 * are; `false`, `null` and `undefined` render as nothing, for conditional parts.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { [SAFE]: out };
}

/** Markup written by this codebase, such as the style sheet: never call it with outside text. */
export function trustedHtml(markup: string): SafeHtml {
  return { [SAFE]: markup };
}

/** The markup as a string, for writing to a file. */
export function renderHtml(part: HtmlPart): string {
  return render(part);
}

function render(value: HtmlPart): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (isSafe(value)) return value[SAFE];
  return (value as readonly HtmlPart[]).map(render).join('');
}

function isSafe(value: object): value is SafeHtml {
  return SAFE in value;
}

/**
 * The two taxonomy values that reach pages and exports as links and styles, and the one rule for each,
 * applied wherever a value comes in (the term and kind forms, a JSON file) and again whenever the
 * taxonomy is read from its Yjs document, so that a value written raw into the taxonomy room (by a
 * hostile facilitator or an old client) never becomes a `javascript:` link, a `data:` page, a
 * `seeAlso` of an exported annotation or a CSS `url(...)`.
 */

/** A kind's colour when its stored one is missing or not `#rrggbb`. */
export const DEFAULT_KIND_COLOR = '#4b5563';

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** The colour in lower case when it is exactly `#rrggbb`, otherwise undefined. */
export function hexColor(value: unknown): string | undefined {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value.toLowerCase() : undefined;
}

/** An absolute http(s) address, as the URL parser writes it (escaped, no stray spaces), otherwise undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The link targets an export keeps: http(s), mailto and in-document fragments. Anything else
 * (javascript:, data:, vbscript:, relative paths that would resolve against the reader's disk)
 * is dropped and the words stay as plain text.
 */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  if (/^#[\w-]+$/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

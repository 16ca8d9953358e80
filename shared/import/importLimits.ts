/**
 * What an import may cost, checked before each parser sees the file (see `server/config.ts` for
 * the settings and their defaults): the import worker refuses a file that exceeds one with an
 * `ImportRefused` naming the limit, and nothing is created.
 */
export interface ImportLimits {
  /** Characters of HTML or Markdown parsed: the file, and the HTML a Word or Markdown file converts to. */
  maxMarkupCharacters: number;
  /** Bytes the XML parts of a Word file may unpack to (declared and actual). */
  maxUnzippedBytes: number;
  /** Entries of a Word file's zip. */
  maxZipEntries: number;
  /** Uncompressed ÷ compressed size of one XML part that unpacks to more than `RATIO_CHECKED_ABOVE` bytes. */
  maxCompressionRatio: number;
  /** Elements in HTML, quotes and lists in Markdown, nodes in the content made. */
  maxNesting: number;
  /** Runs of `*` or `_` in one Markdown paragraph before they are all escaped. */
  maxMarkdownDelimiters: number;
}

/** Parts smaller than this are not held to the compression ratio (small repetitive parts compress well). */
export const RATIO_CHECKED_ABOVE = 1024 * 1024;

/** A file refused for what it would cost: 413 when it is too large, 422 when it is too complex. */
export class ImportRefused extends Error {
  constructor(
    readonly status: 413 | 422,
    message: string,
  ) {
    super(message);
  }
}

export const count = (value: number) => Math.round(value).toLocaleString('en');

/** Bytes as a reader would say them: "20 MB", "64 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function tooDeeplyNested(limit: number): ImportRefused {
  return new ImportRefused(
    422,
    `This file is too complex to import: its lists, quotes or other parts are nested more than ${count(limit)} levels deep. Flatten the structure (or copy the text into a simpler file) and import it again.`,
  );
}

import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import type { ReportDocument } from './ReportModel.ts';
import { termLabel } from './termLabel.ts';
import { resolveTermId } from '../taxonomy/resolveTerm.ts';

/**
 * One CSV field (RFC 4180): quoted when needed, and defused when a spreadsheet would read it as
 * a formula (a leading =, +, -, @, tab or carriage return gets a leading apostrophe).
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const PASSAGE_CSV_COLUMNS = ['document', 'document_id', 'annotation_id', 'quote', 'tags', 'tag_ids', 'author', 'created', 'start', 'end', 'orphaned'];

/** Tagged passages, one row each; UTF-8 with a byte-order mark so spreadsheets read accents right. */
export function passagesCsv(documents: readonly ReportDocument[], taxonomy: Taxonomy): string {
  const rows = [PASSAGE_CSV_COLUMNS.join(',')];
  for (const document of documents) {
    for (const passage of document.passages) {
      const orphaned = passage.ranges.length === 0;
      rows.push(
        [
          document.title,
          document.id,
          passage.id,
          passage.quote,
          passage.termIds.map((id) => termLabel(taxonomy, id)).join('; '),
          passage.termIds.map((id) => resolveTermId(taxonomy, id)).join('; '),
          passage.author.name,
          new Date(passage.createdAt).toISOString(),
          orphaned ? '' : passage.ranges[0]!.from,
          orphaned ? '' : passage.ranges.at(-1)!.to,
          orphaned ? 'yes' : 'no',
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

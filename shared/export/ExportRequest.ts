import { z } from 'zod';
import { TITLE_MAX_LENGTH } from '../api.ts';
import { DocumentIdSchema } from '../ids.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from './exportFormats.ts';

/** The analysis annexes a report can end with. */
export const ANNEX_KINDS = ['norm-classes', 'matrix', 'coverage', 'passages-by-norm'] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

export const ANNEX_LABELS: Record<AnnexKind, string> = {
  'norm-classes': 'Horizontal and initiative-specific norms',
  matrix: 'Norms × agreements matrix',
  coverage: 'Stakeholder-group coverage',
  'passages-by-norm': 'Tagged passages by norm',
};

/** How tags appear in a report: not at all, as numbered notes at the tagged words, or as an annex. */
export const TAG_PLACEMENTS = ['none', 'footnotes', 'annex'] as const;
export type TagPlacement = (typeof TAG_PLACEMENTS)[number];

export const PAGE_SIZES = ['a4', 'letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Most documents one export may assemble. */
export const MAX_EXPORT_DOCUMENTS = 100;

/** Body of `POST /api/workspaces/:workspace/exports`. */
export const ExportRequestSchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    /** The documents, in the order they appear in the report. */
    documents: z
      .array(DocumentIdSchema)
      .max(MAX_EXPORT_DOCUMENTS, `at most ${MAX_EXPORT_DOCUMENTS} documents`)
      .refine((ids) => new Set(ids).size === ids.length, 'a document is listed twice')
      .default([]),
    title: z.string().trim().max(TITLE_MAX_LENGTH).optional(),
    titlePage: z.boolean().default(false),
    tableOfContents: z.boolean().default(false),
    /** Open comment threads with their replies (Word comments in DOCX, notes elsewhere). */
    comments: z.boolean().default(false),
    tags: z.enum(TAG_PLACEMENTS).default('none'),
    annexes: z.array(z.enum(ANNEX_KINDS)).max(ANNEX_KINDS.length).default([]),
    pageSize: z.enum(PAGE_SIZES).default('a4'),
    /** PDF only: tag the structure (headings, lists, tables, reading order) for screen readers; takes about twice as long. */
    taggedPdf: z.boolean().default(false),
  })
  .refine((request) => !EXPORT_FORMAT_INFO[request.format].needsDocuments || request.documents.length > 0, {
    message: 'choose at least one document',
    path: ['documents'],
  });

export type ExportRequest = z.output<typeof ExportRequestSchema>;
export type ExportRequestInput = z.input<typeof ExportRequestSchema>;

/** Response header of an export: how many malformed tag records and comment threads it left out. */
export const EXPORT_SKIPPED_HEADER = 'Normspace-Export-Skipped';
/** Response header of an export: how many documents nested so deeply that their deepest content was flattened. */
export const EXPORT_FLATTENED_HEADER = 'Normspace-Export-Flattened';

/**
 * What the export dialog tells whoever exported, from an export's response headers, or undefined when
 * nothing was left out or flattened.
 */
export function exportProblemsNotice(headers: { get(name: string): string | null }): string | undefined {
  const count = (name: string) => Math.max(0, Math.trunc(Number(headers.get(name)) || 0));
  const skipped = count(EXPORT_SKIPPED_HEADER);
  const flattened = count(EXPORT_FLATTENED_HEADER);
  const sentences: string[] = [];
  if (skipped > 0) sentences.push(`${skipped} damaged ${skipped === 1 ? 'tag or comment thread was' : 'tags or comment threads were'} left out.`);
  if (flattened > 0) sentences.push(`${flattened === 1 ? 'One document nests' : `${flattened} documents nest`} too deeply: the innermost quotes and lists became plain paragraphs.`);
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

import { z } from 'zod';
import { TITLE_MAX_LENGTH } from '../api.ts';
import { DocumentKindSchema } from '../documentKinds.ts';
import type { DocumentMeta } from '../workspaceIndex.ts';

export const IMPORT_FORMATS = ['docx', 'markdown', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  docx: 'Word (.docx)',
  markdown: 'Markdown (.md)',
  html: 'Web page (.html)',
};

/** File name endings accepted by the import dialog's file picker. */
export const IMPORT_ACCEPT = '.docx,.md,.markdown,.txt,.html,.htm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/html';

/**
 * Query of `POST /api/workspaces/:workspace/imports`; the body is the file's bytes
 * (`application/octet-stream`). The format is detected from the bytes and the file name.
 */
export const ImportQuerySchema = z.strictObject({
  kind: DocumentKindSchema.default('contribution'),
  /** Title of the new document; defaults to the file's first heading, then its name. */
  title: z.string().trim().max(TITLE_MAX_LENGTH).optional(),
  fileName: z.string().max(255).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
});
export type ImportQuery = z.output<typeof ImportQuerySchema>;

export interface ImportResponse {
  document: DocumentMeta;
  format: ImportFormat;
  /** What did not come across (images, unknown tags …), one sentence each. */
  warnings: string[];
  /** Tagged passages recreated from a Normspace HTML export. */
  annotations: number;
}

import { z } from 'zod';

export const DOCUMENT_KINDS = [
  'outcome-document',
  'background-paper',
  'session-report',
  'contribution',
  'meeting-notes',
] as const;

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  'outcome-document': 'Outcome document',
  'background-paper': 'Background paper',
  'session-report': 'Session report',
  contribution: 'Contribution',
  'meeting-notes': 'Meeting notes',
};

/** What a workspace can be exported as: report formats render text, data formats carry tags and terms. */
export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'markdown'] as const;
export const DATA_FORMATS = ['annotations-jsonld', 'passages-csv', 'taxonomy-json', 'taxonomy-qdc'] as const;
export const EXPORT_FORMATS = [...REPORT_FORMATS, ...DATA_FORMATS] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  label: string;
  extension: string;
  contentType: string;
  /** Whether the export reads documents (the taxonomy formats do not). */
  needsDocuments: boolean;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  docx: {
    label: 'Word (.docx)',
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    needsDocuments: true,
  },
  pdf: { label: 'PDF', extension: 'pdf', contentType: 'application/pdf', needsDocuments: true },
  html: { label: 'Web page (.html)', extension: 'html', contentType: 'text/html; charset=utf-8', needsDocuments: true },
  markdown: { label: 'Markdown (.md)', extension: 'md', contentType: 'text/markdown; charset=utf-8', needsDocuments: true },
  'annotations-jsonld': {
    label: 'Tags as W3C Web Annotations (.jsonld)',
    extension: 'jsonld',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    needsDocuments: true,
  },
  'passages-csv': { label: 'Tagged passages (.csv)', extension: 'csv', contentType: 'text/csv; charset=utf-8', needsDocuments: true },
  'taxonomy-json': { label: 'Taxonomy (.json)', extension: 'json', contentType: 'application/json; charset=utf-8', needsDocuments: false },
  'taxonomy-qdc': { label: 'Taxonomy as REFI-QDA codebook (.qdc)', extension: 'qdc', contentType: 'application/xml; charset=utf-8', needsDocuments: false },
};

export function isReportFormat(format: ExportFormat): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

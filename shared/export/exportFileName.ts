import { EXPORT_FORMAT_INFO, type ExportFormat } from './exportFormats.ts';

/** A file name for an export: the title made safe for every file system, dated, with the format's extension. */
export function exportFileName(title: string, format: ExportFormat, at: number): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'export';
  const suffix = format === 'passages-csv' ? '-passages' : format === 'annotations-jsonld' ? '-annotations' : '';
  return `${base}${suffix}-${new Date(at).toISOString().slice(0, 10)}.${EXPORT_FORMAT_INFO[format].extension}`;
}

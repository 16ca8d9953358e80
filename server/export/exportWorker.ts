import type { Report } from '../../shared/export/ReportModel.ts';
import { renderPdf } from './pdf/renderPdf.ts';
import { renderDocx } from './renderDocx.ts';
import { warmExporters } from './warmExporters.ts';

/** What the export worker is asked to do: write a report as a PDF or DOCX file, or warm up. */
export type ExportTask = { kind: 'pdf' | 'docx'; report: Report } | { kind: 'warm' };

/**
 * Runs in the export worker thread (see `ExportWorkers`): laying out a long report takes seconds
 * of CPU, which on the main thread would hold up every document's sync traffic meanwhile.
 */
export default async function runExportTask(task: ExportTask): Promise<Uint8Array | null> {
  if (task.kind === 'warm') {
    await warmExporters();
    return null;
  }
  return task.kind === 'pdf' ? renderPdf(task.report) : renderDocx(task.report);
}

import { exportFileName } from '../../shared/export/exportFileName.ts';
import { EXPORT_FORMAT_INFO } from '../../shared/export/exportFormats.ts';
import type { ExportRequest } from '../../shared/export/ExportRequest.ts';
import { passagesCsv } from '../../shared/export/passagesCsv.ts';
import { refiQdaCodebook } from '../../shared/export/refiQdaCodebook.ts';
import { renderReportHtml } from '../../shared/export/renderReportHtml.ts';
import { renderReportMarkdown } from '../../shared/export/renderReportMarkdown.ts';
import { toWebAnnotations } from '../../shared/export/webAnnotations.ts';
import { exportTaxonomy } from '../../shared/taxonomy/taxonomyJson.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { loadReport, loadTaxonomy, type ExportProblems } from './loadReport.ts';
import type { ExportWorkers } from './ExportWorkers.ts';

export interface ExportDeps {
  rooms: RoomRegistry;
  workspaces: WorkspaceService;
  /** Where PDF and DOCX files are written (a worker thread). */
  workers: ExportWorkers;
}

export type ExportResult =
  | { ok: true; body: Buffer; contentType: string; fileName: string; problems: ExportProblems }
  | { ok: false; status: 404; error: string; details?: string[] };

/**
 * Runs one export: reads what it needs from the live rooms and writes the requested format.
 * `origin` is the server's public origin, for the URIs in Web Annotations.
 */
export async function runExport(deps: ExportDeps, workspaceId: string, request: ExportRequest, origin: string): Promise<ExportResult> {
  const info = EXPORT_FORMAT_INFO[request.format];
  const now = Date.now();
  if (!info.needsDocuments) {
    const workspace = await deps.workspaces.getWorkspace(workspaceId);
    if (!workspace) return { ok: false, status: 404, error: 'workspace not found' };
    const taxonomy = await loadTaxonomy(deps.rooms, workspaceId);
    const text = request.format === 'taxonomy-qdc' ? refiQdaCodebook(taxonomy) : `${JSON.stringify(exportTaxonomy(taxonomy), null, 2)}\n`;
    const fileName = exportFileName(`${workspace.workspace.name} taxonomy`, request.format, now);
    return { ok: true, body: Buffer.from(text, 'utf8'), contentType: info.contentType, fileName, problems: { skipped: 0, flattened: 0 } };
  }
  const loaded = await loadReport(deps.rooms, deps.workspaces, workspaceId, request);
  if (!loaded.ok) return loaded;
  const { report, problems } = loaded;
  const fileName = exportFileName(report.title, request.format, report.generatedAt);
  const done = (body: Buffer | string) => ({ ok: true as const, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, contentType: info.contentType, fileName, problems });
  switch (request.format) {
    case 'docx':
    case 'pdf':
      return done(await deps.workers.render(request.format, report));
    case 'html':
      return done(renderReportHtml(report));
    case 'markdown':
      return done(renderReportMarkdown(report));
    case 'annotations-jsonld':
      return done(`${JSON.stringify(toWebAnnotations(report.documents, report.taxonomy, { origin, workspaceId }, report.generatedAt), null, 2)}\n`);
    case 'passages-csv':
      return done(passagesCsv(report.documents, report.taxonomy));
    default:
      throw new Error(`unhandled export format ${request.format}`);
  }
}

import type { Person } from '../../shared/annotations/annotationDoc.ts';
import type { ImportLimits } from '../../shared/import/importLimits.ts';
import type { ImportQuery, ImportResponse } from '../../shared/import/ImportRequest.ts';
import { titleFromFileName } from '../../shared/import/titleFromFileName.ts';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';
import { loadTaxonomy } from '../export/loadReport.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import type { ImportWorkers } from './ImportWorkers.ts';

export type ImportResult = { ok: true; response: ImportResponse } | { ok: false; status: 404 | 413 | 422; error: string };

export interface ImportDeps {
  rooms: RoomRegistry;
  workspaces: WorkspaceService;
  /** Where files are converted (a worker thread with time and memory limits). */
  workers: ImportWorkers;
  limits: ImportLimits;
}

/**
 * Imports a file as a new document. The file is converted to editor content in the import worker
 * (`convertImport`: format detection, limits checked before each parser, DOCX via mammoth,
 * Markdown via marked, then the editor schema's HTML parser, tags kept only when the workspace's
 * taxonomy knows them, the result checked against the schema and written as Yjs updates), within
 * a time and memory limit. Only then, on the main thread, the document is created: its updates
 * (content, and any tags a Normspace HTML export carried) applied through the room one by one
 * (one for an ordinary file; a long one is cut so that no step holds up the event loop), then its
 * index entry, so that every open workspace page sees it at once and whole. Nothing is created
 * when any step fails. `by` (the member who imported) is credited with the recreated tags.
 */
export async function runImport(deps: ImportDeps, workspaceId: string, bytes: Uint8Array, query: ImportQuery, by: Person): Promise<ImportResult> {
  if (!(await deps.workspaces.getWorkspace(workspaceId))) return { ok: false, status: 404, error: 'workspace not found' };
  const taxonomy = await loadTaxonomy(deps.rooms, workspaceId);
  const converted = await deps.workers.convert({ bytes, fileName: query.fileName, format: query.format, knownTerms: [...taxonomy.terms.keys()], limits: deps.limits, by });
  if (!converted.ok) return converted;

  const title = (query.title || converted.headingTitle || titleFromFileName(query.fileName) || 'Imported document').slice(0, TITLE_MAX_LENGTH);
  const document = await deps.workspaces.createDocumentFromUpdates(workspaceId, { title, kind: query.kind }, converted.updates);
  if (!document) return { ok: false, status: 404, error: 'workspace not found' };
  return { ok: true, response: { document, format: converted.format, warnings: converted.warnings, annotations: converted.annotations } };
}

import { editorSchema } from '../../shared/editorExtensions.ts';
import type { ExportRequest } from '../../shared/export/ExportRequest.ts';
import { buildReport } from '../../shared/export/buildReport.ts';
import { readReportDocument, type DocumentSnapshot } from '../../shared/export/readReportDocument.ts';
import type { Report } from '../../shared/export/ReportModel.ts';
import { TAXONOMY_DOCUMENT_ID, THREADS_CHANNEL } from '../../shared/syncPath.ts';
import { readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';

/** What an export left out or changed to be written at all, to tell whoever exports. */
export interface ExportProblems {
  /** Malformed tag records and comment threads left out. */
  skipped: number;
  /** Documents whose content nested too deeply and was flattened. */
  flattened: number;
}

export type LoadedReport =
  | { ok: true; report: Report; problems: ExportProblems }
  | { ok: false; status: 404; error: string; details?: string[] };

const schema = editorSchema();

/** Reads the workspace taxonomy from its room. */
export function loadTaxonomy(rooms: RoomRegistry, workspaceId: string): Promise<Taxonomy> {
  return rooms.using({ workspaceId, documentId: TAXONOMY_DOCUMENT_ID }, (room) => readTaxonomy(room.doc));
}

/**
 * Reads the requested documents (text, tags and, when asked, open comment threads) from their
 * live rooms, each under a lease, and assembles the report. Documents are read as they are in
 * memory now: what connected editors see, every stored change included. Malformed records are left
 * out and deeply nested content flattened (`readReportDocument`); `problems` counts both.
 */
export async function loadReport(rooms: RoomRegistry, workspaces: WorkspaceService, workspaceId: string, options: ExportRequest): Promise<LoadedReport> {
  const workspace = await workspaces.getWorkspace(workspaceId);
  if (!workspace) return { ok: false, status: 404, error: 'workspace not found' };
  const metas = options.documents.map((id) => workspace.documents.find((document) => document.id === id));
  const missing = options.documents.filter((_, index) => !metas[index]);
  if (missing.length > 0) return { ok: false, status: 404, error: 'document not found', details: missing };
  const taxonomy = await loadTaxonomy(rooms, workspaceId);
  const snapshots: DocumentSnapshot[] = [];
  for (const meta of metas) {
    const snapshot = await rooms.using({ workspaceId, documentId: meta!.id }, async (room) => {
      if (!options.comments) return readReportDocument(schema, meta!, room.doc);
      return rooms.using({ workspaceId, documentId: meta!.id, channel: THREADS_CHANNEL }, (threads) => readReportDocument(schema, meta!, room.doc, threads.doc));
    });
    snapshots.push(snapshot);
  }
  const problems: ExportProblems = {
    skipped: snapshots.reduce((sum, snapshot) => sum + snapshot.skipped, 0),
    flattened: snapshots.filter((snapshot) => snapshot.flattened).length,
  };
  return { ok: true, report: buildReport({ workspaceName: workspace.workspace.name, taxonomy, documents: snapshots, options }), problems };
}

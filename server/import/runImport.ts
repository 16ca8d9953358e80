import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { createAnnotation, type Person } from '../../shared/annotations/annotationDoc.ts';
import { editorSchema } from '../../shared/editorExtensions.ts';
import { detectImportFormat } from '../../shared/import/detectImportFormat.ts';
import type { ImportQuery, ImportResponse } from '../../shared/import/ImportRequest.ts';
import { prepareImportedContent } from '../../shared/import/prepareImportedContent.ts';
import { titleFromFileName } from '../../shared/import/titleFromFileName.ts';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';
import { loadTaxonomy } from '../export/loadReport.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { DamagedFileError, docxToHtml } from './docxToHtml.ts';
import { htmlToContent } from './htmlToContent.ts';
import { markdownToHtml } from './markdownToHtml.ts';

export type ImportResult = { ok: true; response: ImportResponse } | { ok: false; status: 404 | 422; error: string };

const schema = editorSchema();

/**
 * Imports a file as a new document: detects and checks the format, converts it to editor content
 * (DOCX via mammoth, Markdown via marked, then the editor schema's HTML parser), validates it
 * against the schema, and creates the document with its content (and any tags a Normspace HTML
 * export carried) written in one Yjs transaction through the room: one stored update that every
 * open client receives at once. Nothing is created when any step fails. `by` (the member who
 * imported) is credited with the recreated tags.
 */
export async function runImport(
  deps: { rooms: RoomRegistry; workspaces: WorkspaceService },
  workspaceId: string,
  bytes: Uint8Array,
  query: ImportQuery,
  by: Person,
): Promise<ImportResult> {
  const detected = detectImportFormat(bytes, query.fileName, query.format);
  if (!detected.ok) return { ok: false, status: 422, error: detected.error };
  if (!(await deps.workspaces.getWorkspace(workspaceId))) return { ok: false, status: 404, error: 'workspace not found' };

  const warnings: string[] = [];
  let html: string;
  try {
    if (detected.format === 'docx') {
      const converted = await docxToHtml(bytes);
      html = converted.html;
      if (converted.warnings.length > 0) warnings.push(`Some Word formatting had no equivalent and was simplified (${converted.warnings.length} note${converted.warnings.length === 1 ? '' : 's'} from the converter).`);
    } else html = detected.format === 'markdown' ? markdownToHtml(detected.text!) : detected.text!;
  } catch (error) {
    if (error instanceof DamagedFileError) return { ok: false, status: 422, error: error.message };
    throw error;
  }

  const parsed = htmlToContent(html, schema);
  if (parsed.images > 0) warnings.push(`${parsed.images} image${parsed.images === 1 ? ' was' : 's were'} left out: documents hold text only.`);
  const taxonomy = await loadTaxonomy(deps.rooms, workspaceId);
  const prepared = prepareImportedContent(parsed.content, parsed.tags, new Set(taxonomy.terms.keys()));
  if (!prepared.ok) return { ok: false, status: 422, error: prepared.error };
  try {
    ProseMirrorNode.fromJSON(schema, prepared.content).check();
  } catch {
    return { ok: false, status: 422, error: 'The file’s structure could not be turned into a document (it may be damaged).' };
  }

  const title = (query.title || prepared.headingTitle || titleFromFileName(query.fileName) || 'Imported document').slice(0, TITLE_MAX_LENGTH);
  const at = Date.now();
  const document = await deps.workspaces.createDocument(workspaceId, { title, kind: query.kind }, prepared.content, (doc: Y.Doc) => {
    for (const annotation of prepared.annotations) createAnnotation(doc, { ...annotation, by, at });
  });
  if (!document) return { ok: false, status: 404, error: 'workspace not found' };
  warnings.push(...prepared.warnings);
  return { ok: true, response: { document, format: detected.format, warnings, annotations: prepared.annotations.length } };
}

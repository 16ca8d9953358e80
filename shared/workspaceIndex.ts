import * as Y from 'yjs';
import type { DocumentKind } from './documentKinds.ts';

/**
 * The workspace index is a Yjs document of its own (`<workspace>/_index`): workspace name and the
 * document list. Clients subscribe to it read-only; the server writes it through these functions.
 * Each document entry is a nested Y.Map so that concurrent changes to different fields both win.
 */
export interface DocumentMeta {
  id: string;
  title: string;
  kind: DocumentKind;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface WorkspaceMeta {
  id: string;
  name: string;
  createdAt: number;
}

const META = 'meta';
const DOCUMENTS = 'documents';

function documentsMap(index: Y.Doc): Y.Map<Y.Map<unknown>> {
  return index.getMap<Y.Map<unknown>>(DOCUMENTS);
}

export function readWorkspaceMeta(index: Y.Doc, id: string): WorkspaceMeta | undefined {
  const meta = index.getMap<unknown>(META);
  const name = meta.get('name');
  if (typeof name !== 'string') return undefined;
  const createdAt = meta.get('createdAt');
  return { id, name, createdAt: typeof createdAt === 'number' ? createdAt : 0 };
}

export function writeWorkspaceMeta(index: Y.Doc, meta: Omit<WorkspaceMeta, 'id'>): void {
  index.transact(() => {
    const map = index.getMap<unknown>(META);
    map.set('name', meta.name);
    map.set('createdAt', meta.createdAt);
  });
}

function toMeta(id: string, entry: Y.Map<unknown>): DocumentMeta {
  const title = entry.get('title');
  const kind = entry.get('kind');
  const createdAt = entry.get('createdAt');
  const updatedAt = entry.get('updatedAt');
  return {
    id,
    title: typeof title === 'string' ? title : 'Untitled',
    kind: (typeof kind === 'string' ? kind : 'meeting-notes') as DocumentKind,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    updatedAt: typeof updatedAt === 'number' ? updatedAt : 0,
    archived: entry.get('archived') === true,
  };
}

/** All documents, most recently updated first. */
export function readDocuments(index: Y.Doc): DocumentMeta[] {
  const list: DocumentMeta[] = [];
  documentsMap(index).forEach((entry, id) => list.push(toMeta(id, entry)));
  return list.sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
}

export function readDocument(index: Y.Doc, id: string): DocumentMeta | undefined {
  const entry = documentsMap(index).get(id);
  return entry ? toMeta(id, entry) : undefined;
}

export function addDocument(index: Y.Doc, meta: DocumentMeta): void {
  index.transact(() => {
    const entry = new Y.Map<unknown>();
    documentsMap(index).set(meta.id, entry);
    entry.set('title', meta.title);
    entry.set('kind', meta.kind);
    entry.set('createdAt', meta.createdAt);
    entry.set('updatedAt', meta.updatedAt);
    entry.set('archived', meta.archived);
  });
}

export type DocumentPatch = Partial<Pick<DocumentMeta, 'title' | 'kind' | 'archived' | 'updatedAt'>>;

/** Applies the fields that differ; returns false when the document does not exist. */
export function patchDocument(index: Y.Doc, id: string, patch: DocumentPatch): boolean {
  const entry = documentsMap(index).get(id);
  if (!entry) return false;
  index.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && entry.get(key) !== value) entry.set(key, value);
    }
  });
  return true;
}

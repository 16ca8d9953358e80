import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import type { CreateDocumentRequest, UpdateDocumentRequest, WorkspaceResponse } from '../../shared/api.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { DEMO_DOCUMENT_TITLE, demoDocument } from '../../shared/demoDocument.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';
import { newDocumentId } from '../../shared/ids.ts';
import { INDEX_DOCUMENT_ID, TAXONOMY_DOCUMENT_ID, THREADS_CHANNEL, roomKey, type RoomAddress } from '../../shared/syncPath.ts';
import { seedTaxonomy } from '../../shared/taxonomy/seedTaxonomy.ts';
import {
  addDocument,
  patchDocument,
  readDocument,
  readDocuments,
  readWorkspaceMeta,
  writeWorkspaceMeta,
  type DocumentMeta,
  type WorkspaceMeta,
} from '../../shared/workspaceIndex.ts';
import type { DocumentStore } from '../store/DocumentStore.ts';
import type { Room } from '../sync/Room.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

const INDEX_SUFFIX = `/${INDEX_DOCUMENT_ID}`;
/** How often a document's "updated" time in the list may change while people type. */
const TOUCH_INTERVAL_MS = 10_000;

function indexAddress(workspaceId: string): RoomAddress {
  return { workspaceId, documentId: INDEX_DOCUMENT_ID };
}

/**
 * Workspaces and their document lists. Every change goes through the workspace's index document,
 * so it is stored durably and reaches every open workspace page live.
 */
export class WorkspaceService {
  private readonly schema = editorSchema();
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly store: DocumentStore,
  ) {}

  async listWorkspaces(): Promise<WorkspaceMeta[]> {
    const keys = await this.store.listKeys('');
    const ids = keys.filter((key) => key.endsWith(INDEX_SUFFIX)).map((key) => key.slice(0, -INDEX_SUFFIX.length));
    const workspaces = await Promise.all(ids.map((id) => this.readIndex(id, (room) => readWorkspaceMeta(room.doc, id))));
    return workspaces.filter((meta): meta is WorkspaceMeta => meta !== undefined);
  }

  async getWorkspace(workspaceId: string): Promise<WorkspaceResponse | undefined> {
    if (!(await this.exists(workspaceId))) return undefined;
    return this.readIndex(workspaceId, (room) => {
      const workspace = readWorkspaceMeta(room.doc, workspaceId);
      return workspace ? { workspace, documents: readDocuments(room.doc) } : undefined;
    });
  }

  /**
   * One document's entry, read without building the whole list (a connection's authorisation
   * needs only this). Undefined when the workspace does not exist.
   */
  async findDocument(workspaceId: string, documentId: string): Promise<{ document: DocumentMeta | undefined } | undefined> {
    if (!(await this.exists(workspaceId))) return undefined;
    return this.readIndex(workspaceId, (room) =>
      readWorkspaceMeta(room.doc, workspaceId) ? { document: readDocument(room.doc, documentId) } : undefined,
    );
  }

  /** Creates a workspace; with `demo`, also a demo document. Returns undefined if the id is taken. */
  async createWorkspace(id: string, name: string, options: { demo?: boolean } = {}): Promise<WorkspaceMeta | undefined> {
    if (await this.exists(id)) return undefined;
    const createdAt = Date.now();
    await this.ensureTaxonomy(id);
    await this.rooms.using(indexAddress(id), async (room) => {
      writeWorkspaceMeta(room.doc, { name, createdAt });
      await room.settled();
    });
    if (options.demo) {
      await this.createDocument(id, { title: DEMO_DOCUMENT_TITLE, kind: 'outcome-document' }, demoDocument);
    }
    return { id, name, createdAt };
  }

  /** Creates a document, seeding its content on the server (never through an editor) in one transaction: one stored update. */
  async createDocument(workspaceId: string, request: CreateDocumentRequest, content?: JSONContent): Promise<DocumentMeta | undefined> {
    if (!(await this.exists(workspaceId))) return undefined;
    const id = newDocumentId();
    if (content) {
      await this.rooms.using({ workspaceId, documentId: id }, async (room) => {
        room.doc.transact(() => prosemirrorJSONToYXmlFragment(this.schema, content, room.doc.getXmlFragment(TEXT_FIELD)));
        await room.settled();
      });
    }
    return this.addToIndex(workspaceId, id, request);
  }

  /**
   * Creates a document from Yjs updates made elsewhere (an import, converted and merged in its
   * worker thread): they go to the store directly, so a long document costs this thread no Yjs
   * work at all; the index entry comes last, so nobody sees the document before it is whole.
   */
  async createDocumentFromUpdates(workspaceId: string, request: CreateDocumentRequest, updates: Uint8Array[]): Promise<DocumentMeta | undefined> {
    if (!(await this.exists(workspaceId))) return undefined;
    const id = newDocumentId();
    // Stored as they are, with no Y.Doc on this thread: the document is new, so no room holds it, and
    // nobody can open it before it is in the index. One update is one stored row, as compaction
    // would leave it: nothing to compact now or when it is first unloaded.
    await this.store.append(roomKey({ workspaceId, documentId: id }), updates);
    return this.addToIndex(workspaceId, id, request);
  }

  private async addToIndex(workspaceId: string, id: string, request: CreateDocumentRequest): Promise<DocumentMeta> {
    const now = Date.now();
    const meta: DocumentMeta = { id, title: request.title, kind: request.kind, createdAt: now, updatedAt: now, archived: false };
    await this.rooms.using(indexAddress(workspaceId), async (room) => {
      addDocument(room.doc, meta);
      await room.settled();
    });
    return meta;
  }

  async updateDocument(
    workspaceId: string,
    documentId: string,
    patch: UpdateDocumentRequest,
  ): Promise<DocumentMeta | undefined> {
    if (!(await this.exists(workspaceId))) return undefined;
    const updated = await this.rooms.using(indexAddress(workspaceId), async (room) => {
      const before = readDocument(room.doc, documentId);
      if (!before || !patchDocument(room.doc, documentId, { ...patch, updatedAt: Date.now() })) return undefined;
      await room.settled();
      return { before, after: readDocument(room.doc, documentId)! };
    });
    if (updated && updated.before.archived !== updated.after.archived) {
      // Access is decided when a connection opens: make open connections reconnect under the new rule.
      // …the text and its comment threads alike
      await this.rooms.disconnectPeers({ workspaceId, documentId }, CloseCodes.AccessChanged);
      await this.rooms.disconnectPeers({ workspaceId, documentId, channel: THREADS_CHANNEL }, CloseCodes.AccessChanged);
    }
    return updated?.after;
  }

  /** Gives a workspace the starter taxonomy if it has none yet (new workspaces, older data dirs). */
  async ensureTaxonomy(workspaceId: string): Promise<void> {
    const address = { workspaceId, documentId: TAXONOMY_DOCUMENT_ID };
    if ((await this.store.listKeys(`${workspaceId}/${TAXONOMY_DOCUMENT_ID}`)).length > 0) return;
    await this.rooms.using(address, async (room) => {
      seedTaxonomy(room.doc);
      await room.settled();
    });
  }

  /** Marks a text document as changed in its workspace list, at most every few seconds. */
  touchDocument(address: RoomAddress): void {
    if (address.documentId.startsWith('_')) return;
    const key = `${address.workspaceId}/${address.documentId}`;
    const now = Date.now();
    if (now - (this.lastTouched.get(key) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(key, now);
    if (this.lastTouched.size > 1000) {
      for (const [touched, at] of this.lastTouched) if (now - at >= TOUCH_INTERVAL_MS) this.lastTouched.delete(touched);
    }
    void this.rooms
      .using(indexAddress(address.workspaceId), (room) => patchDocument(room.doc, address.documentId, { updatedAt: now }))
      .catch(() => {});
  }

  private async exists(workspaceId: string): Promise<boolean> {
    const keys = await this.store.listKeys(`${workspaceId}${INDEX_SUFFIX}`);
    return keys.length > 0;
  }

  private readIndex<T>(workspaceId: string, read: (room: Room) => T): Promise<T> {
    return this.rooms.using(indexAddress(workspaceId), read);
  }
}

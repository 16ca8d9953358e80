import { createAnnotation, removeTag } from '../../../shared/annotations/annotationDoc.ts';
import type { Person } from '../../../shared/annotations/annotationDoc.ts';
import { apiRequest } from '../../helpers/apiRequest.ts';
import { connectClient, type TestClient } from '../../helpers/connectClient.ts';
import { HeadlessEditor } from '../../helpers/HeadlessEditor.ts';
import { WORKSPACE, type E2eApp } from './e2eApp.ts';

/** Who a Node member is: their name and colour (the member record is made for them). */
export type NodePerson = Omit<Person, 'id'>;

/**
 * A member working from Node with a stock y-websocket client, signed in with a session of their
 * own (an editor): writes text and tags passages exactly as the editor stores them (an
 * `annotation` mark carrying the id, and the record in the document's `annotations` map, in one
 * transaction) and credited to them, so the browser sees real, synced tags the server accepted.
 */
export class NodeTagger {
  private constructor(
    readonly documentId: string,
    readonly client: TestClient,
    readonly editor: HeadlessEditor,
    readonly person: Person,
  ) {}

  static async open(app: E2eApp, documentId: string, who: NodePerson): Promise<NodeTagger> {
    const member = await app.server.memberWith('editor', { name: who.name });
    const client = connectClient({ wsUrl: app.server.wsUrl, token: member.token }, { workspaceId: WORKSPACE, documentId });
    await client.synced;
    return new NodeTagger(documentId, client, new HeadlessEditor(client.doc), { id: member.id, ...who });
  }

  /** Tags the first occurrence of `quote` as a new passage. */
  tag(annotationId: string, quote: string, termIds: string[]): void {
    const offset = this.editor.offsetOf(quote);
    const from = this.editor.posOf(offset);
    const to = this.editor.posOf(offset + quote.length);
    this.client.doc.transact(() => {
      this.editor.edit((tr) => tr.addMark(from, to, this.editor.schema.marks.annotation!.create({ id: annotationId })));
      createAnnotation(this.client.doc, { id: annotationId, by: this.person, quote, termIds });
    });
  }

  untag(annotationId: string, termId: string): void {
    removeTag(this.client.doc, annotationId, termId);
  }

  close(): void {
    this.client.destroy();
  }
}

/** Creates a document through the API and writes its paragraphs from Node. */
export async function createTextDocument(app: E2eApp, title: string, paragraphs: string[], person: NodePerson): Promise<NodeTagger> {
  const response = await apiRequest(app.server, `/api/workspaces/${WORKSPACE}/documents`, {
    method: 'POST',
    body: JSON.stringify({ title, kind: 'background-paper' }),
  });
  if (response.status !== 201) throw new Error(`could not create "${title}": ${response.status} ${await response.text()}`);
  const { document } = (await response.json()) as { document: { id: string } };
  const tagger = await NodeTagger.open(app, document.id, person);
  tagger.editor.setParagraphs(...paragraphs);
  return tagger;
}

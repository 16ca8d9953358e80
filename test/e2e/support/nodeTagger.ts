import { createAnnotation, removeTag } from '../../../shared/annotations/annotationDoc.ts';
import type { Person } from '../../../shared/annotations/annotationDoc.ts';
import { apiRequest } from '../../helpers/apiRequest.ts';
import { connectClient, type TestClient } from '../../helpers/connectClient.ts';
import { HeadlessEditor } from '../../helpers/HeadlessEditor.ts';
import { WORKSPACE, type E2eApp } from './e2eApp.ts';

/**
 * A member working from Node with a stock y-websocket client: writes text and tags passages
 * exactly as the editor stores them (an `annotation` mark carrying the id, and the record in the
 * document's `annotations` map, in one transaction), so the browser sees real, synced tags.
 */
export class NodeTagger {
  private constructor(
    readonly documentId: string,
    readonly client: TestClient,
    readonly editor: HeadlessEditor,
    readonly person: Person,
  ) {}

  static async open(app: E2eApp, documentId: string, person: Person): Promise<NodeTagger> {
    const client = connectClient(app.server, { workspaceId: WORKSPACE, documentId });
    await client.synced;
    return new NodeTagger(documentId, client, new HeadlessEditor(client.doc), person);
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
export async function createTextDocument(app: E2eApp, title: string, paragraphs: string[], person: Person): Promise<NodeTagger> {
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

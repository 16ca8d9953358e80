import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXPORT_FLATTENED_HEADER, EXPORT_SKIPPED_HEADER } from '../../shared/export/ExportRequest.ts';
import { THREADS_CHANNEL, type RoomAddress } from '../../shared/syncPath.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { buildFixtureDocs } from '../helpers/reportFixture.ts';
import { writeOnServer } from '../helpers/writeOnServer.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';
const DEPTH = 5000;
let server: TestServer;
let brokenThreads: string;
let deep: string;

async function newDocument(title: string): Promise<string> {
  const created = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title, kind: 'contribution' }) });
  return ((await created.json()) as { document: { id: string } }).document.id;
}

const writeRaw = (address: RoomAddress, write: (doc: Y.Doc) => void) => writeOnServer(server, address, write);

beforeAll(async () => {
  server = await startTestServer();
  brokenThreads = await newDocument('Broken threads');
  const fixture = buildFixtureDocs();
  await writeRaw({ workspaceId: WS, documentId: brokenThreads }, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.doc)));
  await writeRaw({ workspaceId: WS, documentId: brokenThreads, channel: THREADS_CHANNEL }, (doc) => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.threads));
    doc.transact(() => {
      const comment = () => {
        const entry = new Y.Map<unknown>();
        entry.set('id', 'c1');
        entry.set('author', { id: 'x', name: 'Someone' });
        entry.set('body', 'A comment on a broken anchor');
        entry.set('createdAt', 1);
        return entry;
      };
      // An anchor without prefix and suffix, as an old or hostile client could store it.
      const noContext = new Y.Map<unknown>();
      doc.getMap('threads').set('t-no-context', noContext);
      noContext.set('anchor', { start: null, end: null, quote: 'supply' });
      noContext.set('createdBy', { id: 'x', name: 'Someone' });
      noContext.set('createdAt', 1);
      noContext.set('comments', Y.Array.from([comment()]));
      // Comments that are not a list of comments.
      const badComments = new Y.Map<unknown>();
      doc.getMap('threads').set('t-bad-comments', badComments);
      badComments.set('anchor', { start: null, end: null, quote: 'supply', prefix: '', suffix: '' });
      badComments.set('createdBy', { id: 'x', name: 'Someone' });
      badComments.set('createdAt', 1);
      badComments.set('comments', 'Not a list of comments');
    });
  });

  deep = await newDocument('Deep quotes');
  await writeRaw({ workspaceId: WS, documentId: deep }, (doc) => {
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      const top = new Y.XmlElement('paragraph');
      fragment.insert(0, [top]);
      top.insert(0, [new Y.XmlText('Words before the quotes.')]);
      let parent: Y.XmlFragment | Y.XmlElement = fragment;
      for (let level = 0; level < DEPTH; level++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [quote]);
        if (level % 1000 === 0) {
          const paragraph = new Y.XmlElement('paragraph');
          quote.insert(0, [paragraph]);
          paragraph.insert(0, [new Y.XmlText(`Quoted at level ${level}.`)]);
        }
        parent = quote;
      }
      const bottom = new Y.XmlElement('paragraph');
      parent.insert(parent.length, [bottom]);
      bottom.insert(0, [new Y.XmlText('The deepest words.')]);
    });
  });
}, 60_000);

afterAll(() => server.stop());

const exportOf = (documentId: string, format: string) =>
  apiRequest(server, `/api/workspaces/${WS}/exports`, { method: 'POST', body: JSON.stringify({ format, documents: [documentId], comments: true, tags: 'footnotes' }) });

describe('exports of documents holding malformed records', () => {
  it('leave out threads with a malformed anchor or comment, count them in a header, and export the rest', async () => {
    for (const format of ['markdown', 'html', 'docx', 'pdf', 'annotations-jsonld', 'passages-csv']) {
      const response = await exportOf(brokenThreads, format);
      expect(response.status, format).toBe(200);
      expect(response.headers.get(EXPORT_SKIPPED_HEADER), format).toBe('2');
      expect(response.headers.get(EXPORT_FLATTENED_HEADER), format).toBe('0');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const markdown = await (await exportOf(brokenThreads, 'markdown')).text();
    // The fixture's own threads are still there; the broken ones are not.
    expect(markdown).toMatch(/Alice Ndiaye/);
    expect(markdown).not.toContain('A comment on a broken anchor');
    expect(markdown).not.toContain('Not a list of comments');
  });

  it(`flatten ${DEPTH} quotes in quotes instead of overflowing the stack, keeping every word`, async () => {
    for (const format of ['markdown', 'html', 'docx', 'pdf']) {
      const response = await exportOf(deep, format);
      expect(response.status, format).toBe(200);
      expect(response.headers.get(EXPORT_FLATTENED_HEADER), format).toBe('1');
      expect(response.headers.get(EXPORT_SKIPPED_HEADER), format).toBe('0');
    }
    const html = await (await exportOf(deep, 'html')).text();
    for (const words of ['Words before the quotes.', 'Quoted at level 0.', 'Quoted at level 4000.', 'The deepest words.']) expect(html).toContain(words);
    expect(html.indexOf('Quoted at level 4000.')).toBeLessThan(html.indexOf('The deepest words.'));
  });

  it('say nothing is wrong about a sound document', async () => {
    const sound = await newDocument('Sound');
    const response = await exportOf(sound, 'markdown');
    expect(response.status).toBe(200);
    expect(response.headers.get(EXPORT_SKIPPED_HEADER)).toBe('0');
    expect(response.headers.get(EXPORT_FLATTENED_HEADER)).toBe('0');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { ImportResponse } from '../../shared/import/ImportRequest.ts';
import { answersDuring } from '../helpers/answersDuring.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient } from '../helpers/connectClient.ts';
import { docxBomb, docxLyingAboutSize, docxWith, documentXml, longHtml } from '../helpers/importBombs.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

const WS = 'bpf-cybersecurity';

function importFile(server: TestServer, body: Uint8Array | string, fileName: string): Promise<Response> {
  return apiRequest(server, `/api/workspaces/${WS}/imports?${new URLSearchParams({ fileName })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from(body),
  });
}

async function documentCount(server: TestServer): Promise<number> {
  return ((await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: unknown[] }).documents.length;
}

async function refusal(response: Response): Promise<{ status: number; error: string }> {
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

/** The server still answers, and still imports a small legitimate file. */
async function stillServing(server: TestServer): Promise<void> {
  expect((await apiRequest(server, '/api/health', { token: null })).status).toBe(200);
  const small = await importFile(server, '# Still here\n\nA *small* file.\n', 'small.md');
  expect(small.status).toBe(201);
  expect(((await small.json()) as ImportResponse).document.title).toBe('Still here');
}

/** The imported document's text, read back through a stock client. */
async function textOf(server: TestServer, documentId: string): Promise<string> {
  const client = connectClient(server, { workspaceId: WS, documentId });
  await client.synced;
  const text = client.doc
    .getXmlFragment(TEXT_FIELD)
    .toArray()
    .map((block) => (block as Y.XmlElement).toArray().map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<[^>]+>/g, '') : '')).join(''))
    .join('\n');
  client.destroy();
  return text;
}

describe('the security pass’s import bombs, with the default limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Raised so that the 19 MB HTML reaches the importer (the default, 20 MiB, lets it in too).
    server = await startTestServer({ maxImportBytes: 24 * 1024 * 1024 });
  });
  afterAll(() => server?.stop());

  it('refuses a DOCX whose document.xml inflates to 20 MB, from its zip directory, before mammoth sees it', async () => {
    const before = await documentCount(server);
    const bomb = docxBomb();
    expect(bomb.byteLength).toBeLessThan(100_000);
    const { status, error } = await refusal(await importFile(server, bomb, 'bomb.docx'));
    expect(status).toBe(413);
    expect(error).toMatch(/word\/document\.xml unpacks from .* to 20 MB, more than 100 times its packed size/);
    // A file that lies about its size is stopped while it inflates, at the size it declared.
    const liar = await refusal(await importFile(server, docxLyingAboutSize(900 * 1024), 'liar.docx'));
    expect(liar.status).toBe(413);
    expect(liar.error).toMatch(/unpacks to more than the 900 KB its zip directory declares/);
    expect(await documentCount(server)).toBe(before);
    await stillServing(server);
  });

  it('refuses HTML of 19 MB and of 4 MB by their length, before any parsing', async () => {
    const before = await documentCount(server);
    for (const megabytes of [19, 4]) {
      const started = performance.now();
      const { status, error } = await refusal(await importFile(server, longHtml(megabytes * 1024 * 1024), 'long.html'));
      expect(status, `${megabytes} MB`).toBe(413);
      expect(error).toMatch(/^This HTML file holds [\d,]+ characters; at most 3,000,000 can be imported/);
      // Refused from its length: no parser ran (parsing 4 MB takes about 10 s).
      expect(performance.now() - started).toBeLessThan(5000);
    }
    expect(await documentCount(server)).toBe(before);
    await stillServing(server);
  });

  it('imports Markdown "_a" × 100,000 at once, its text intact, its underscores kept as characters', async () => {
    const started = performance.now();
    const response = await importFile(server, '_a'.repeat(100_000), 'emphasis.md');
    expect(response.status).toBe(201);
    const result = (await response.json()) as ImportResponse;
    // marked alone took 19.5 s on this file.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.warnings.join(' ')).toMatch(/1 paragraph has more than 500 asterisks and underscores: they were kept as characters, without emphasis/);
    expect(await textOf(server, result.document.id)).toBe('_a'.repeat(100_000));
  });

  it('refuses HTML and Markdown nested 5,000 deep, and content nested deeper than the limit however it is written', async () => {
    const before = await documentCount(server);
    const cases: [string, string][] = [
      ['nested.html', `<html><body>${'<blockquote>'.repeat(5000)}deep${'</blockquote>'.repeat(5000)}</body></html>`],
      ['divs.html', `${'<div>'.repeat(5000)}<p>deep</p>`],
      ['quotes.md', `${'> '.repeat(5000)}deep\n`],
      ['lists.md', `${'- '.repeat(5000)}deep\n`],
      ['indented.md', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')],
      // 40 lists inside one another: 80 elements.
      ['lists.html', `${'<ul><li>'.repeat(40)}deep${'</li></ul>'.repeat(40)}`],
    ];
    for (const [fileName, body] of cases) {
      const { status, error } = await refusal(await importFile(server, body, fileName));
      expect(status, fileName).toBe(422);
      expect(error, fileName).toMatch(/too complex to import: its lists, quotes or other parts are nested more than 64 levels deep/);
    }
    expect(await documentCount(server)).toBe(before);
    // Nesting within the limit imports as it is.
    const nested = await importFile(server, `${'<blockquote>'.repeat(20)}<p>twenty quotes deep</p>${'</blockquote>'.repeat(20)}`, 'ok.html');
    expect(nested.status).toBe(201);
    await stillServing(server);
  });

  it('keeps importing a legitimate Word file (headings, paragraphs)', async () => {
    const response = await importFile(server, docxWith(documentXml(['First paragraph.', 'Second paragraph.'], 'A Word contribution')), 'contribution.docx');
    expect(response.status).toBe(201);
    const result = (await response.json()) as ImportResponse;
    expect(result.document.title).toBe('A Word contribution');
    expect(await textOf(server, result.document.id)).toBe('A Word contribution\nFirst paragraph.\nSecond paragraph.');
  });
});

describe('a long import', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('runs off the main thread: the server answers health checks sent during it before the import’s answer', async () => {
    // About 2.5 million characters of plain HTML (the default limit is 3 million): seconds of parsing.
    const { result: response, probesSentDuring, probesAnsweredAfter } = await answersDuring(importFile(server, longHtml(2_500_000), 'long.html'), async () => {
      expect((await apiRequest(server, '/api/health', { token: null })).status).toBe(200);
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as ImportResponse).document.title).toBe('A long contribution');
    expect(probesSentDuring).toBeGreaterThan(0);
    expect(probesAnsweredAfter).toBe(0);
  }, 90_000);
});

describe('an import that runs out of time or memory', () => {
  it.each([
    { limit: 'IMPORT_TIMEOUT_MS', overrides: { importTimeoutMs: 1500 }, error: /^This file is too complex to import: converting it took longer than 1\.5 s\. Split it into parts/ },
    { limit: 'IMPORT_WORKER_HEAP_MB', overrides: { importWorkerHeapMb: 256 }, error: /^This file is too complex to import: converting it needed more than the 256 MB of memory an import may use/ },
  ])('is stopped at $limit with a clear error; the worker is replaced and the next import works', async ({ overrides, error }) => {
    const server = await startTestServer(overrides);
    try {
      const before = await documentCount(server);
      const refused = await refusal(await importFile(server, longHtml(2_500_000), 'heavy.html'));
      expect(refused.status).toBe(422);
      expect(refused.error).toMatch(error);
      expect(await documentCount(server)).toBe(before);
      await stillServing(server);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

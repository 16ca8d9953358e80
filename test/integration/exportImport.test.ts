import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildBigReport } from '../../bench/export/buildBigReport.ts';
import { readAnnotations } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { ExportRequestInput } from '../../shared/export/ExportRequest.ts';
import type { ImportResponse } from '../../shared/import/ImportRequest.ts';
import { THREADS_CHANNEL } from '../../shared/syncPath.ts';
import { answersDuring } from '../helpers/answersDuring.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor } from '../helpers/connectClient.ts';
import { runCli } from '../helpers/runCli.ts';
import { buildFixtureDocs } from '../helpers/reportFixture.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';
import { writeOnServer } from '../helpers/writeOnServer.ts';

const WS = 'bpf-cybersecurity';
let server: TestServer;
let documentId: string;

async function exportFile(request: ExportRequestInput): Promise<Response> {
  return apiRequest(server, `/api/workspaces/${WS}/exports`, { method: 'POST', body: JSON.stringify(request) });
}

async function importFile(bytes: Uint8Array | string, query: Record<string, string>, token?: string): Promise<Response> {
  return apiRequest(server, `/api/workspaces/${WS}/imports?${new URLSearchParams(query)}`, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
}

/** The text document's blocks as "type: text", read from the server through a stock client. */
async function blocksOf(id: string): Promise<{ blocks: string[]; doc: Y.Doc }> {
  const client = connectClient(server, { workspaceId: WS, documentId: id });
  await client.synced;
  const fragment = client.doc.getXmlFragment(TEXT_FIELD);
  const blocks = fragment.toArray().map((node) => `${(node as Y.XmlElement).nodeName}: ${textOf(node as Y.XmlElement)}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc));
  client.destroy();
  return { blocks, doc };
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '');
  return node.toArray().map((child) => textOf(child as Y.XmlElement)).join(node.nodeName === 'paragraph' || node.nodeName === 'heading' ? '' : ' ').trim();
}

beforeAll(async () => {
  server = await startTestServer();
  const created = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Chapter 2: Supply chains', kind: 'outcome-document' }) });
  documentId = ((await created.json()) as { document: { id: string } }).document.id;
  // Written on the server, as imports and seeding are: the fixture's records are by several
  // members, which no single connection may write (the server stamps identity).
  const fixture = buildFixtureDocs();
  await writeOnServer(server, { workspaceId: WS, documentId }, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.doc)));
  await writeOnServer(server, { workspaceId: WS, documentId, channel: THREADS_CHANNEL }, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.threads)));
});

afterAll(async () => {
  await server?.stop();
});

describe('export', () => {
  it('writes a DOCX with heading styles, a list, a table, Word comments with replies, tag footnotes and annexes', async () => {
    const response = await exportFile({ format: 'docx', documents: [documentId], titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['norm-classes', 'matrix', 'coverage', 'passages-by-norm'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="Chapter-2-Supply-chains-\d{4}-\d\d-\d\d\.docx"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-docx-'));
    const file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, bytes);
    execFileSync('unzip', ['-q', '-o', file, '-d', dir]);
    const body = fs.readFileSync(path.join(dir, 'word/document.xml'), 'utf8');
    const comments = fs.readFileSync(path.join(dir, 'word/comments.xml'), 'utf8');
    const extended = fs.readFileSync(path.join(dir, 'word/commentsExtended.xml'), 'utf8');
    const footnotes = fs.readFileSync(path.join(dir, 'word/footnotes.xml'), 'utf8');
    expect(body).toContain('w:val="Heading1"');
    expect(body).toContain('w:val="Heading2"');
    expect(body).toContain('<w:tbl>');
    expect(body).toContain('<w:numPr>');
    expect(body).toMatch(/<w:commentRangeStart w:id="0"\/>/);
    expect(body).toContain('TOC \\h \\o');
    expect(body).toContain('Annex A. Horizontal and initiative-specific norms');
    expect(body).toContain('Annex B. Norms × agreements matrix');
    // One open thread (the resolved one is left out) with its reply threaded under it.
    expect(comments).toContain('w:author="Alice Ndiaye"');
    expect(comments).toContain('Yes, see the matrix.');
    expect(comments).not.toContain('Resolved already');
    expect(extended).toContain('w15:paraIdParent');
    expect(footnotes).toContain('Paris Call (2018) (Agreement)');
    // mammoth, a real DOCX reader, sees the structure.
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?Supply chains and shared norms<\/h1>/);
    expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?Findings<\/h2>/);
    expect(html).toMatch(/<ul><li>First finding with <em>emphasis<\/em><\/li>/);
    expect(html).toContain('<a href="https://example.org/norms">link</a>');
    expect(html).toContain('Supply chain | integrity');
    expect(html).not.toContain('javascript:');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes sanitized, self-contained HTML and GitHub-flavoured Markdown', async () => {
    const html = await (await exportFile({ format: 'html', documents: [documentId], comments: true, tags: 'footnotes', annexes: ['matrix'] })).text();
    expect(html).toContain('<h1 id="chapter-1-h1">Supply chains and shared norms</h1>');
    expect(html).toContain('data-tags="gcsc paris-call ungge-2015-i"');
    expect(html).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(html).not.toMatch(/<script|href="javascript:|<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:)/);
    expect(html).toContain('Bruno &lt;b&gt;Costa&lt;/b&gt;');
    const markdown = await (await exportFile({ format: 'markdown', documents: [documentId], tags: 'footnotes' })).text();
    expect(markdown).toContain('# Supply chains and shared norms');
    expect(markdown).toContain('| Supply chain \\| integrity | Paris Call, GCSC |');
    expect(markdown).toContain('- First finding with *emphasis*');
    expect(markdown).toContain('[link](<https://example.org/norms>)');
    expect(markdown).toMatch(/\[\^1\]: .*Paris Call/);
  });

  it('writes Web Annotations, CSV and the taxonomy as JSON and as a REFI-QDA codebook', async () => {
    const jsonld = (await (await exportFile({ format: 'annotations-jsonld', documents: [documentId] })).json()) as {
      '@context': string;
      total: number;
      first: { items: { body: { purpose: string; source: string }[]; target: { selector: { type: string; exact: string; prefix: string; refinedBy: { start: number; end: number } } }[] }[] };
    };
    expect(jsonld['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(jsonld.total).toBe(2);
    const first = jsonld.first.items[0]!;
    expect(first.body.map((b) => b.purpose)).toEqual(['tagging', 'tagging', 'tagging']);
    expect(first.body[1]!.source).toMatch(/\/w\/bpf-cybersecurity\/taxonomy#term=paris-call$/);
    expect(first.target[0]!.selector).toMatchObject({ type: 'TextQuoteSelector', exact: 'supply-chain integrity' });
    expect(first.target[0]!.selector.prefix.endsWith('Members agree that ')).toBe(true);
    const { start, end } = first.target[0]!.selector.refinedBy;
    expect(end - start).toBe('supply-chain integrity'.length);
    const csvBytes = Buffer.from(await (await exportFile({ format: 'passages-csv', documents: [documentId] })).arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFdocument,document_id,annotation_id,quote,tags,tag_ids,author,created,start,end,orphaned');
    expect(csv).toContain('Paris 8 · No private hack-back; Private sector');
    const qdc = await (await exportFile({ format: 'taxonomy-qdc' })).text();
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(qdc).toMatch(/<Code guid="[0-9A-F-]{36}" name="Paris Call \(2018\)" isCodable="true"/);
    const taxonomy = (await (await exportFile({ format: 'taxonomy-json' })).json()) as { format: string };
    expect(taxonomy.format).toBe('normspace-taxonomy');
  });

  it('lays out a PDF: contents with page numbers, notes and comments linked both ways, annex tables, footers (pdftotext, pdfinfo); LibreOffice opens the DOCX', async () => {
    const response = await exportFile({ format: 'pdf', documents: [documentId], titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['matrix', 'coverage'], pageSize: 'letter' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-pdf-'));
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    expect(text).toContain('Supply chains and shared norms');
    expect(text).toContain('Annex A. Norms × agreements matrix');
    expect(text).toMatch(/Private sector\s+1\s+1/);
    // The contents (page 2, after the title page) give each heading the page it is printed on.
    expect(pages[1]).toContain('Contents');
    const pageOf = (label: string) => Number(new RegExp(`${label}[ .]*(\\d+)\\s*$`, 'm').exec(pages[1]!)?.[1]);
    for (const heading of ['Findings', 'Annex A. Norms × agreements matrix', 'Annex B. Stakeholder-group coverage']) {
      const page = pageOf(heading);
      expect(page, heading).toBeGreaterThan(2);
      expect(pages[page - 1], heading).toMatch(new RegExp(`^\\s*${heading}\\s*$`, 'm'));
    }
    // Notes and open comments follow the chapter; comment markup is set, never shown raw; the resolved thread is left out.
    expect(text).toMatch(/1\.\s+GCSC norms \(2019\) \(Agreement\); Paris Call \(2018\) \(Agreement\); GGE i · Supply-chain integrity \(Norm\)\. Tagged by Alice Ndiaye\./);
    expect(text).toContain('Is this really shared? <script>window.__xss=3</script>');
    expect(text).toContain('Yes, see the matrix.');
    expect(text).not.toContain('Resolved already');
    // Words in other scripts keep their letters (the embedded faces cover Greek and Cyrillic).
    expect(text).toContain('(Будапешт, Αθήνα)');
    // Every page after the title page has the footer with its number.
    expect(pages[2]).toMatch(new RegExp(`Chapter 2: Supply chains\\s+3\\s*/\\s*${pages.filter((page) => page.trim()).length}\\s*$`));
    // Marks and entries are named destinations that link to each other; headings are bookmarks.
    const destinations = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' });
    for (const name of ['note-1', 'note-ref-1', 'note-2', 'comment-1', 'comment-ref-1', 'chapter-1-h2', 'annex-matrix']) expect(destinations).toContain(`"${name}"`);
    expect(bytes.toString('latin1')).toContain('/Title (Findings)');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792/);
    expect(info).toMatch(/Title:\s+Chapter 2: Supply chains/);
    expect(info).toMatch(/Tagged:\s+no/);

    // Tagged for screen readers: headings, lists with labels, tables with header scopes, the contents; footers are decoration.
    const tagged = await exportFile({ format: 'pdf', documents: [documentId], tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['coverage'], taggedPdf: true });
    fs.writeFileSync(path.join(dir, 'tagged.pdf'), Buffer.from(await tagged.arrayBuffer()));
    expect(execFileSync('pdfinfo', [path.join(dir, 'tagged.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const structure = execFileSync('pdfinfo', ['-struct-text', path.join(dir, 'tagged.pdf')], { encoding: 'utf8' });
    expect(structure).toMatch(/TOCI\s+"Findings ?2"/);
    expect(structure).toMatch(/H1 \(block\)\s+"Supply chains and shared norms"/);
    expect(structure).toMatch(/H2 \(block\)\s+"Findings"/);
    expect(structure).toMatch(/LI \(block\)\s+Lbl \(block\)\s+"•"\s+LBody \(block\)\s+P \(block\)\s+"First finding with emphasis"/);
    expect(structure).toMatch(/TH:\s+\/Scope \/Column\s+"Stakeholder group"/);
    expect(structure).toMatch(/TD\s+"Private sector"/);
    expect(structure).not.toMatch(/Chapter 2: Supply chains\s+\d+\s*\/\s*\d+/);
    if (fs.existsSync('/usr/bin/soffice')) {
      const docx = Buffer.from(await (await exportFile({ format: 'docx', documents: [documentId], titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['matrix'] })).arrayBuffer());
      fs.writeFileSync(path.join(dir, 'report.docx'), docx);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo-out'), path.join(dir, 'report.docx')], { timeout: 90_000 });
      const converted = execFileSync('pdftotext', [path.join(dir, 'lo-out', 'report.pdf'), '-'], { encoding: 'utf8' });
      expect(converted).toContain('Supply chains and shared norms');
      expect(converted).toContain('Annex A. Norms × agreements matrix');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('lets a viewer export what they may read, and nobody without a session', async () => {
    const viewer = await server.memberWith('viewer', { name: 'Vic Viewer' });
    const request = { format: 'markdown', documents: [documentId] };
    const asViewer = await apiRequest(server, `/api/workspaces/${WS}/exports`, { method: 'POST', body: JSON.stringify(request), token: viewer.token });
    expect(asViewer.status).toBe(200);
    expect(await asViewer.text()).toContain('Supply chains and shared norms');
    expect((await apiRequest(server, `/api/workspaces/${WS}/exports`, { method: 'POST', body: JSON.stringify(request), token: null })).status).toBe(401);
  });

  it('refuses bad requests with a clear error', async () => {
    expect((await exportFile({ format: 'docx', documents: [] })).status).toBe(400);
    const missing = await exportFile({ format: 'docx', documents: ['nope'] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'document not found', details: ['nope'] });
    expect((await apiRequest(server, `/api/workspaces/${WS}/exports`, { method: 'POST', body: JSON.stringify({ format: 'exe', documents: [documentId] }) })).status).toBe(400);
  });
});

describe('import', () => {
  it('round-trips a Normspace HTML export: same blocks, same tags, credited to the editor who imported', async () => {
    const html = await (await exportFile({ format: 'html', documents: [documentId], titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: ['matrix'] })).text();
    const viewer = await server.memberWith('viewer', { name: 'Vera Viewer' });
    expect((await importFile(html, { fileName: 'report.html' }, viewer.token)).status).toBe(403);
    const editor = await server.memberWith('editor', { name: 'Esi Editor' });
    const response = await importFile(html, { fileName: 'report.html', kind: 'contribution' }, editor.token);
    expect(response.status).toBe(201);
    const result = (await response.json()) as ImportResponse;
    expect(result.format).toBe('html');
    expect(result.annotations).toBe(2);
    expect(result.document.title).toBe('Supply chains and shared norms');
    const original = await blocksOf(documentId);
    const imported = await blocksOf(result.document.id);
    expect(imported.blocks).toEqual(original.blocks);
    const tags = [...readAnnotations(imported.doc).values()].map((record) => record.tags.map((tag) => tag.termId).sort().join(' ')).sort();
    expect(tags).toEqual(['gcsc paris-call ungge-2015-i', 'paris-8 private']);
    for (const record of readAnnotations(imported.doc).values()) {
      expect(record.createdBy.name).toBe('Esi Editor');
      expect(record.tags.map((tag) => tag.by.name)).toEqual(record.tags.map(() => 'Esi Editor'));
    }
  });

  it('round-trips Markdown and DOCX exports to the same structure', async () => {
    const original = await blocksOf(documentId);
    for (const format of ['markdown', 'docx'] as const) {
      const bytes = Buffer.from(await (await exportFile({ format, documents: [documentId] })).arrayBuffer());
      const response = await importFile(bytes, { fileName: `chapter.${format === 'markdown' ? 'md' : 'docx'}`, kind: 'contribution', title: `From ${format}` });
      expect(response.status, format).toBe(201);
      const result = (await response.json()) as ImportResponse;
      expect(result.document.title).toBe(`From ${format}`);
      const imported = await blocksOf(result.document.id);
      expect(imported.blocks, format).toEqual(original.blocks);
    }
  });

  it('refuses files that are not what they claim, damaged or too large, and creates nothing', async () => {
    const before = ((await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: unknown[] }).documents.length;
    const notDocx = await importFile('just some text', { fileName: 'letter.docx' });
    expect(notDocx.status).toBe(422);
    expect(((await notDocx.json()) as { error: string }).error).toMatch(/not a Word \(\.docx\) document/);
    const damaged = await importFile(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), { fileName: 'broken.docx' });
    expect(damaged.status).toBe(422);
    expect(((await damaged.json()) as { error: string }).error).toMatch(/could not be read/);
    const oldWord = await importFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { fileName: 'old.doc' });
    expect(((await oldWord.json()) as { error: string }).error).toMatch(/save it as \.docx/);
    const empty = await importFile('<p>   </p>', { fileName: 'empty.html' });
    expect(empty.status).toBe(422);
    const huge = await importFile(Buffer.alloc(server.config.maxImportBytes + 1, 0x61), { fileName: 'huge.md' });
    expect(huge.status).toBe(413);
    const after = ((await (await apiRequest(server, `/api/workspaces/${WS}`)).json()) as { documents: unknown[] }).documents.length;
    expect(after).toBe(before);
  });
});

describe('the command line', () => {
  it('imports a file as an editor, exports it as PDF and DOCX as a viewer, and says clearly when the session is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-cli-'));
    const editor = await server.memberWith('editor', { name: 'Eda Editor' });
    const viewer = await server.memberWith('viewer', { name: 'Vic Viewer' });
    const markdown = path.join(dir, 'regional-submission.md');
    fs.writeFileSync(markdown, '# Regional submission\n\nWe ask for **clearer** language.\n\n## Requests\n\n- Shared incident taxonomy\n- Points of contact\n');
    const imported = await runCli('importCli.ts', ['--workspace', WS, '--file', markdown, '--kind', 'contribution', '--server', server.url], { NORMSPACE_TOKEN: editor.token });
    expect(imported.code, imported.output).toBe(0);
    const id = /\/d\/([a-z0-9-]+)/.exec(imported.output)?.[1];
    expect(imported.output).toContain('created “Regional submission” (contribution)');

    const pdf = path.join(dir, 'out.pdf');
    const exported = await runCli('exportCli.ts', ['--workspace', WS, '--doc', id!, '--format', 'pdf', '--toc', '--title-page', '--tagged', '--out', pdf, '--server', server.url], { NORMSPACE_TOKEN: viewer.token });
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toMatch(/^wrote .*out\.pdf \(\d+ bytes/m);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Requests[ .]+3/);
    expect(text).toContain('Shared incident taxonomy');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);

    const docx = path.join(dir, 'out.docx');
    expect((await runCli('exportCli.ts', ['--workspace', WS, '--doc', id!, '--format', 'docx', '--out', docx, '--server', server.url], { NORMSPACE_TOKEN: viewer.token })).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    const refused = await runCli('exportCli.ts', ['--workspace', WS, '--doc', id!, '--format', 'pdf', '--out', path.join(dir, 'no.pdf'), '--server', server.url], { NORMSPACE_TOKEN: '' });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/sign|session|token/i);
    expect(fs.existsSync(path.join(dir, 'no.pdf'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('a long export', () => {
  it('is written off the main thread: the server answers other requests while the PDF is being laid out', async () => {
    const created = await apiRequest(server, `/api/workspaces/${WS}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Long report', kind: 'outcome-document' }) });
    const id = ((await created.json()) as { document: { id: string } }).document.id;
    const big = buildBigReport({ words: 20_000, passages: 600, threads: 60, repliesPerThread: 2 }, server.owner);
    const text = connectClient(server, { workspaceId: WS, documentId: id }, big.doc);
    await text.synced;
    const reader = connectClient(server, { workspaceId: WS, documentId: id });
    const passages = readAnnotations(big.doc).size;
    await waitFor(() => readAnnotations(reader.doc).size === passages, 'the long report stored', 30_000);
    reader.destroy();
    text.destroy();

    // Small requests sent while the export is under way are all answered before its answer starts.
    const exported = exportFile({ format: 'pdf', documents: [id], titlePage: true, tableOfContents: true, tags: 'footnotes', annexes: ['passages-by-norm'] });
    const { result: response, probesSentDuring, probesAnsweredAfter } = await answersDuring(exported, async () => {
      expect((await apiRequest(server, '/api/health', { token: null })).status).toBe(200);
    });
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(probesSentDuring).toBeGreaterThan(0);
    expect(probesAnsweredAfter).toBe(0);
  }, 60_000);
});

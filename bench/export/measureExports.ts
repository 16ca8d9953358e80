import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { annotationsMap } from '../../shared/annotations/annotationDoc.ts';
import { ANNEX_KINDS, type ExportRequestInput } from '../../shared/export/ExportRequest.ts';
import type { ExportFormat } from '../../shared/export/exportFormats.ts';
import { THREADS_CHANNEL, type RoomAddress } from '../../shared/syncPath.ts';
import { connectClient, type TestClient } from '../../test/helpers/connectClient.ts';
import { redeemOwnerLink } from '../../test/helpers/spawnServer.ts';
import { ProcessSampler } from '../measure/ProcessSampler.ts';
import { BENCH_WORKSPACE, NORMSPACE_BENCH_ENV } from '../servers/startNormspace.ts';
import { findFreePort } from '../servers/findFreePort.ts';
import { spawnServerProcess } from '../servers/spawnServerProcess.ts';
import { withTimeout } from '../clients/withTimeout.ts';
import { buildBigReport, type BigReport, type BigReportSize } from './buildBigReport.ts';

/** One export timed: a format, with everything on (`full`) or the text alone. */
export interface ExportCase {
  format: ExportFormat;
  full: boolean;
  /** A PDF tagged for screen readers. */
  tagged?: boolean;
}

/** Every report format and the two data exports that read the documents, with everything on; DOCX and PDF of the text alone. */
export const EXPORT_CASES: ExportCase[] = [
  ...(['docx', 'pdf', 'html', 'markdown', 'annotations-jsonld', 'passages-csv'] as const).map((format) => ({ format, full: true })),
  { format: 'pdf', full: true, tagged: true },
  { format: 'docx', full: false },
  { format: 'pdf', full: false },
];

export interface FormatFigures extends ExportCase {
  /** The first export of this case after the server started. */
  firstMs: number;
  /** The next `runs` exports. */
  runsMs: number[];
  bytes: number;
  /** Server resident memory, highest sample during this case's exports. */
  serverRssPeakBytes: number;
  /** Pages of a PDF (read with poppler's pdfinfo, when installed). */
  pages?: number;
}

function pdfPages(bytes: ArrayBuffer, dir: string): number | undefined {
  const file = path.join(dir, 'export.pdf');
  fs.writeFileSync(file, Buffer.from(bytes));
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]) || undefined;
  } catch {
    return undefined;
  }
}

export interface ExportFigures {
  stats: BigReport['stats'];
  buildMs: number;
  pushMs: number;
  updateBytes: { text: number; threads: number };
  serverRssBeforeBytes: number;
  formats: FormatFigures[];
}

const SERVER_READY = /running at http:\/\//;

async function api(url: string, session: string, route: string, body: unknown): Promise<Response> {
  const response = await fetch(`${url}/api/workspaces/${BENCH_WORKSPACE}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
  return response;
}

/** Resolves once `doc` satisfies `ready` (checked on every update). */
function when(doc: Y.Doc, ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
    check();
  });
}

/**
 * Sends the built documents as a stock y-websocket client would: each provider answers the server's
 * sync step 1 with its whole state, one update per room. A second, empty client then waits to receive
 * everything: the server broadcasts only what it has stored.
 */
async function push(wsUrl: string, session: string, documentId: string, report: BigReport): Promise<void> {
  const text: RoomAddress = { workspaceId: BENCH_WORKSPACE, documentId };
  const threads: RoomAddress = { ...text, channel: THREADS_CHANNEL };
  const writers = [connectClient({ wsUrl, token: session }, text, report.doc), connectClient({ wsUrl, token: session }, threads, report.threads)];
  const readers: TestClient[] = [];
  try {
    await Promise.all(writers.map((client) => client.synced));
    readers.push(connectClient({ wsUrl, token: session }, text), connectClient({ wsUrl, token: session }, threads));
    const passages = annotationsMap(report.doc).size;
    const threadCount = report.threads.getMap('threads').size;
    const arrived = Promise.all([
      when(readers[0]!.doc, () => annotationsMap(readers[0]!.doc).size === passages),
      when(readers[1]!.doc, () => readers[1]!.doc.getMap('threads').size === threadCount),
    ]).then(() => true);
    if (!(await withTimeout(arrived, 120_000, false))) throw new Error('the pushed report did not come back from the server');
  } finally {
    for (const client of [...writers, ...readers]) client.destroy();
  }
}

/**
 * Issue 7's export benchmark: starts our server (fresh data directory, joined with the owner link it
 * prints), creates a document through the API, pushes a report of `size` into it with a stock client,
 * then exports it through the API in every case of `EXPORT_CASES`, `runs` times after a first one.
 */
export async function measureExports(size: BigReportSize, runs: number): Promise<ExportFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-export-bench-'));
  const port = await findFreePort();
  const server = await spawnServerProcess('server/main.ts', { ...NORMSPACE_BENCH_ENV, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir }, SERVER_READY, { timeoutMs: 60_000 });
  try {
    // "First export" means the first after the server is ready, its export worker warmed up (it logs so).
    const readySince = performance.now();
    while (!/export worker ready/.test(server.output())) {
      if (performance.now() - readySince > 60_000) throw new Error(`the export worker never said it was ready:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = `http://127.0.0.1:${port}`;
    const ownerLink = /\/invite#(\S+)/.exec(server.output())?.[1];
    if (!ownerLink) throw new Error(`the server printed no owner link:\n${server.output()}`);
    const session = await redeemOwnerLink(url, ownerLink);
    // every record credited to the owner: the server accepts records only as the connection's member
    const { member } = (await (await fetch(`${url}/api/session`, { headers: { authorization: `Bearer ${session}` } })).json()) as { member: { id: string; name: string } };
    let started = performance.now();
    const report = buildBigReport(size, { id: member.id, name: member.name, color: '#0e7490' });
    const buildMs = performance.now() - started;
    const updateBytes = { text: Y.encodeStateAsUpdate(report.doc).byteLength, threads: Y.encodeStateAsUpdate(report.threads).byteLength };
    const created = (await (await api(url, session, 'documents', { title: 'Outcome document 2026', kind: 'outcome-document' })).json()) as { document: { id: string } };
    const documentId = created.document.id;

    started = performance.now();
    await push(`ws://127.0.0.1:${port}/sync`, session, documentId, report);
    const pushMs = performance.now() - started;

    const serverRssBeforeBytes = new ProcessSampler(server.pid).stop().rssEndBytes;
    const formats: FormatFigures[] = [];
    for (const { format, full, tagged } of EXPORT_CASES) {
      const request: ExportRequestInput = {
        format,
        documents: [documentId],
        title: 'Best Practice Forum on Cybersecurity: outcome document',
        pageSize: 'a4',
        ...(full ? { titlePage: true, tableOfContents: true, comments: true, tags: 'footnotes', annexes: [...ANNEX_KINDS] } : {}),
        ...(tagged ? { taggedPdf: true } : {}),
      };
      const sampler = new ProcessSampler(server.pid, 50);
      sampler.start();
      const times: number[] = [];
      let body = new ArrayBuffer(0);
      for (let i = 0; i <= runs; i++) {
        const begin = performance.now();
        const response = await api(url, session, 'exports', request);
        body = await response.arrayBuffer();
        times.push(performance.now() - begin);
      }
      const serverRssPeakBytes = sampler.stop().rssPeakBytes;
      const bytes = body.byteLength;
      formats.push({ format, full, ...(tagged ? { tagged } : {}), firstMs: times[0]!, runsMs: times.slice(1), bytes, serverRssPeakBytes, ...(format === 'pdf' ? { pages: pdfPages(body, dataDir) } : {}) });
      console.log(`  ${format}${full ? '' : ' (text only)'}${tagged ? ' (tagged)' : ''}: first ${times[0]!.toFixed(0)} ms, then ${times.slice(1).map((ms) => ms.toFixed(0)).join(', ')} ms; ${bytes} bytes`);
    }
    return { stats: report.stats, buildMs, pushMs, updateBytes, serverRssBeforeBytes, formats };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redeemOwnerLink } from '../../test/helpers/spawnServer.ts';
import { docxWith, documentXml, importBombs, longHtml } from '../../test/helpers/importBombs.ts';
import { BENCH_WORKSPACE, NORMSPACE_BENCH_ENV } from '../servers/startNormspace.ts';
import { findFreePort } from '../servers/findFreePort.ts';
import { spawnServerProcess } from '../servers/spawnServerProcess.ts';
import { ProcessSampler } from '../measure/ProcessSampler.ts';

/** One file imported while the bench polls `GET /api/health`. */
export interface ImportCaseFigures {
  name: string;
  /** A bomb from the security pass (or a nesting case), or a legitimate file of the size given. */
  kind: 'bomb' | 'legitimate';
  bytes: number;
  status: number;
  /** The error, or the warnings of a successful import. */
  answer: string;
  importMs: number;
  /** Latencies of the health checks sent one after another while the import ran. */
  healthMs: number[];
  serverRssPeakBytes: number;
}

export interface ImportFigures {
  /** Health latencies with nothing else running, for comparison. */
  idleHealthMs: number[];
  /** The machine's 1-minute load average before and after (2 cores: above 2, others' work competes for them). */
  load: [number, number];
  cases: ImportCaseFigures[];
}

const SERVER_READY = /running at http:\/\//;

/** The legitimate files: a long HTML page near the default limit, a long Word file, a long Markdown file. */
function legitimateFiles(quick: boolean): { name: string; fileName: string; body: Uint8Array | string }[] {
  const scale = quick ? 0.1 : 1;
  const paragraphs = Array.from({ length: Math.round(15_000 * scale) }, (_, i) => `Paragraph ${i} of a long Word contribution, in plain words, long enough to be a real paragraph of a report.`);
  const markdown = Array.from({ length: Math.round(10_000 * scale) }, (_, i) => `${i % 50 === 0 ? `## Section ${i / 50}\n\n` : ''}Paragraph ${i} with *emphasis*, **strong** words and a [link](https://example.org/${i}).\n`).join('\n');
  return [
    { name: `HTML page of ${(2.5 * scale).toLocaleString('en')} M characters`, fileName: 'long.html', body: longHtml(2_500_000 * scale) },
    { name: `Word file of ${paragraphs.length.toLocaleString('en')} paragraphs`, fileName: 'long.docx', body: docxWith(documentXml(paragraphs, 'A long Word contribution')) },
    { name: `Markdown of ${(markdown.length / 1e6).toFixed(1)} M characters`, fileName: 'long.md', body: markdown },
  ];
}

async function pollHealth(url: string, until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

/**
 * Starts our server (fresh data directory, `MAX_IMPORT_BYTES` raised to 24 MiB so that the 19 MB
 * HTML reaches the importer, every other import limit at its default), warms the import worker
 * with a small file, then imports each bomb and each legitimate file through the API while
 * polling the health route one request after another, 20 ms apart.
 */
export async function measureImports(quick: boolean): Promise<ImportFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-import-bench-'));
  const port = await findFreePort();
  const env = { ...NORMSPACE_BENCH_ENV, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, WARM_EXPORTS: 'off', MAX_IMPORT_BYTES: String(24 * 1024 * 1024) };
  const server = await spawnServerProcess('server/main.ts', env, SERVER_READY, { timeoutMs: 60_000 });
  try {
    const url = `http://127.0.0.1:${port}`;
    const ownerLink = /\/invite#(\S+)/.exec(server.output())?.[1];
    if (!ownerLink) throw new Error(`the server printed no owner link:\n${server.output()}`);
    const session = await redeemOwnerLink(url, ownerLink);
    const importFile = (body: Uint8Array | string, fileName: string) =>
      fetch(`${url}/api/workspaces/${BENCH_WORKSPACE}/imports?${new URLSearchParams({ fileName })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${session}` },
        body: Buffer.from(body),
      });
    const warm = await importFile('# Warm-up\n\nStarts the import worker.\n', 'warm.md');
    if (warm.status !== 201) throw new Error(`the warm-up import failed: ${warm.status} ${await warm.text()}`);
    const loadBefore = os.loadavg()[0]!;
    const idleHealthMs = await pollHealth(url, new Promise((resolve) => setTimeout(resolve, 1000)));

    const files = [...importBombs().map((file) => ({ ...file, kind: 'bomb' as const })), ...legitimateFiles(quick).map((file) => ({ ...file, kind: 'legitimate' as const }))];
    const cases: ImportCaseFigures[] = [];
    for (const file of files) {
      const sampler = new ProcessSampler(server.pid, 50);
      sampler.start();
      const started = performance.now();
      const answered = importFile(file.body, file.fileName).then(async (response) => ({ status: response.status, body: (await response.json()) as { error?: string; warnings?: string[] }, importMs: performance.now() - started }));
      const healthMs = await pollHealth(url, answered);
      const { status, body, importMs } = await answered;
      const bytes = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.byteLength;
      const answer = body.error ?? (body.warnings?.length ? body.warnings.join(' ') : 'imported');
      cases.push({ name: file.name, kind: file.kind, bytes, status, answer, importMs, healthMs, serverRssPeakBytes: sampler.stop().rssPeakBytes });
      console.log(`  ${file.name}: ${status} in ${importMs.toFixed(0)} ms; health max ${Math.max(...healthMs).toFixed(1)} ms over ${healthMs.length} checks`);
    }
    return { idleHealthMs, load: [loadBefore, os.loadavg()[0]!], cases };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

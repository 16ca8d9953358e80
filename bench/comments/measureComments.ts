import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { readThreads } from '../../shared/comments/threadsDoc.ts';
import { roomName, SYNC_PATH_PREFIX } from '../../shared/syncPath.ts';
import { launchBrowser } from '../../test/helpers/launchBrowser.ts';
import { connectProvider } from '../clients/connectProvider.ts';
import { REPO_ROOT } from '../repoRoot.ts';
import { findFreePort } from '../servers/findFreePort.ts';
import { BENCH_WORKSPACE, NORMSPACE_BENCH_ENV } from '../servers/startNormspace.ts';
import { spawnServerProcess } from '../servers/spawnServerProcess.ts';
import { seedThreads, type SeededThreads } from './seedThreads.ts';

export interface CommentsFigures {
  seeded: SeededThreads;
  /** threads data in the page → the filtered list painted (reading, placing, filtering, rendering) */
  firstRenderMs: number;
  /** navigation start → the list painted, on a fresh profile (network and editor start-up included) */
  coldLoadMs: number;
  /** a change of the status filter → the new list painted, each measured */
  statusChangeMs: number[];
  /** ticking "Assigned to me" and unticking it again → painted */
  assignedToMeMs: number[];
  /** V8 heap of the page after the first render */
  heapMb: number;
  profile?: string;
}

const LIST_ITEMS = '.comments-panel__list > li';
const SHOWN = '.comments-panel__shown';

/** What the panel says it shows when `shown` of `total` threads pass the filter. */
function shownText(shown: number, total: number): string {
  return shown === total ? `${total} threads` : `${shown} of ${total} shown`;
}

/**
 * Runs in the page before the app: notes when the list first holds `expected` threads, painted.
 * (A string: functions compiled by tsx carry helpers the page does not have.)
 */
function watchFirstList(expected: string): string {
  return `(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('${SHOWN}')?.textContent !== ${JSON.stringify(expected)}) return;
      if (document.querySelectorAll('${LIST_ITEMS}').length === 0) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__listPainted = performance.now())));
    });
    const start = () => observer.observe(document, { childList: true, subtree: true });
    start();
  })();`;
}

/** Changes a filter control in the page and times it until the new list has been painted. */
async function timeChange(page: Page, control: 'status' | 'assigned', value: string, expected: string): Promise<number> {
  return page.evaluate(
    async ({ control, value, expected, selector, shown }) => {
      const panel = document.querySelector('.comments-panel')!;
      const t0 = performance.now();
      if (control === 'status') {
        const select = [...panel.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Status'))!.querySelector('select')!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        const box = [...panel.querySelectorAll('label')].find((l) => l.textContent?.includes('Assigned to me'))!.querySelector('input')!;
        box.click();
      }
      for (let i = 0; document.querySelector(shown)?.textContent !== expected || document.querySelectorAll(selector).length === 0; i++) {
        if (i > 600) throw new Error(`the list never showed "${expected}" (${document.querySelector(shown)?.textContent})`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return performance.now() - t0;
    },
    { control, value, expected, selector: LIST_ITEMS, shown: SHOWN },
  );
}

/**
 * Issue 5's benchmark: one document with `threads` threads and `replies` replies, opened in
 * headless Chromium at 1280×720 against a real server serving the built client; the comment
 * sidebar's first render and filter changes. BENCH_CHROME_PROFILE=<dir> writes a CPU profile of
 * the page load there.
 */
export async function measureComments(threads = 2000, replies = 10_000, repeats = 5): Promise<CommentsFigures> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/client/index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-comments-bench-'));
  const port = await findFreePort();
  const server = await spawnServerProcess(
    'server/main.ts',
    { ...NORMSPACE_BENCH_ENV, STATIC_DIR: path.join(REPO_ROOT, 'dist/client'), HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    /running at http:\/\//,
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}${SYNC_PATH_PREFIX}`;
  const browser = await launchBrowser();
  try {
    // Join through the owner link the first start prints, as the first person would.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const ownerLink = /(\/invite#\S+)/.exec(server.output())?.[1];
    if (!ownerLink) throw new Error('the server printed no owner link');
    const lobby = await context.newPage();
    await lobby.goto(`${httpUrl}${ownerLink}`);
    const form = lobby.locator('form.invite-card');
    await form.getByLabel('Display name').fill('Amina Diallo');
    await form.getByRole('radio', { name: 'Teal' }).check();
    await form.getByRole('button', { name: /^Join as/ }).click();
    await lobby.waitForURL(`**/w/${BENCH_WORKSPACE}`);
    const { token, me } = await lobby.evaluate((workspaceId) => {
      const sessions = JSON.parse(localStorage.getItem('normspace:sessions') ?? '{}') as Record<string, { token: string; memberId: string; memberName: string }>;
      const identity = JSON.parse(localStorage.getItem('normspace:identity') ?? '{}') as { color: string };
      const session = sessions[workspaceId]!;
      // what the server accepts: the member's id and name
      return { token: session.token, me: { id: session.memberId, name: session.memberName, color: identity.color } };
    }, BENCH_WORKSPACE);
    await lobby.close();

    const response = await fetch(`${httpUrl}/api/workspaces/${BENCH_WORKSPACE}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Busy drafting season', kind: 'outcome-document' }),
    });
    if (response.status !== 201) throw new Error(`creating the document failed: ${response.status}`);
    const { document } = (await response.json()) as { document: { id: string } };
    const address = { workspaceId: BENCH_WORKSPACE, documentId: document.id };
    const room = (channel?: 'threads') => `${roomName(channel ? { ...address, channel } : address)}?token=${token}`;

    const text = connectProvider('y-websocket', wsUrl, room(), new Y.Doc());
    const threadsRoom = connectProvider('y-websocket', wsUrl, room('threads'), new Y.Doc());
    await Promise.all([text.synced, threadsRoom.synced]);
    const seeded = seedThreads(text.doc, threadsRoom.doc, threads, replies, me);
    // Stored? A fresh client must see every thread.
    for (let attempt = 0; ; attempt++) {
      const check = connectProvider('y-websocket', wsUrl, room('threads'), new Y.Doc());
      await check.synced;
      const count = readThreads(check.doc).length;
      check.destroy();
      if (count === threads) break;
      if (attempt > 50) throw new Error(`the server holds ${count} of ${threads} threads`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    text.destroy();
    threadsRoom.destroy();

    await context.addInitScript({ content: watchFirstList(shownText(seeded.open, seeded.threads)) });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    const profileDir = process.env.BENCH_CHROME_PROFILE;
    if (profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(`${httpUrl}/w/${BENCH_WORKSPACE}/d/${document.id}`);
    await page.waitForFunction(() => (window as unknown as { __listPainted?: number }).__listPainted !== undefined, null, { timeout: 60_000 });
    let profile: string | undefined;
    if (profileDir) {
      const { profile: data } = await cdp.send('Profiler.stop');
      fs.mkdirSync(profileDir, { recursive: true });
      profile = path.join(profileDir, `comments-first-render-${Date.now()}.cpuprofile`);
      fs.writeFileSync(profile, JSON.stringify(data));
    }
    const { painted, loaded } = await page.evaluate(() => ({
      painted: (window as unknown as { __listPainted: number }).__listPainted,
      loaded: performance.getEntriesByName('normspace:threads-loaded')[0]?.startTime,
    }));
    if (loaded === undefined) throw new Error('the page never marked normspace:threads-loaded');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    const statusChangeMs: number[] = [];
    const assignedToMeMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const total = seeded.threads;
      statusChangeMs.push(await timeChange(page, 'status', 'resolved', shownText(seeded.resolved, total)));
      statusChangeMs.push(await timeChange(page, 'status', 'all', shownText(total, total)));
      statusChangeMs.push(await timeChange(page, 'status', 'open', shownText(seeded.open, total)));
      assignedToMeMs.push(await timeChange(page, 'assigned', 'on', shownText(seeded.assignedToFirst, total)));
      assignedToMeMs.push(await timeChange(page, 'assigned', 'off', shownText(seeded.open, total)));
    }
    await context.close();
    return {
      seeded,
      firstRenderMs: painted - loaded,
      coldLoadMs: painted,
      statusChangeMs,
      assignedToMeMs,
      heapMb: heap.usedSize / 1024 / 1024,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

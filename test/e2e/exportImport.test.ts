import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { THREADS_CHANNEL } from '../../shared/syncPath.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { writeOnServer } from '../helpers/writeOnServer.ts';
import { buildFixtureDocs } from '../helpers/reportFixture.ts';
import { seriousViolations } from './support/axe.ts';
import { contributionDocx } from './support/contributionDocx.ts';
import { WORKSPACE, arrive, documentBlocks, editorOf, startE2eApp, waitForText, type E2eApp, type User } from './support/e2eApp.ts';

const shots = process.env.SCREENSHOT_DIR;

describe('export and import from the browser', () => {
  let app: E2eApp;
  let alice: User;
  let bruno: User;
  let documentId: string;

  beforeAll(async () => {
    app = await startE2eApp();
    const created = await apiRequest(app.server, `/api/workspaces/${WORKSPACE}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Chapter with payloads', kind: 'outcome-document' }) });
    documentId = ((await created.json()) as { document: { id: string } }).document.id;
    const fixture = buildFixtureDocs();
    // written on the server: the fixture's records are by several members, which no one connection may write
    await writeOnServer(app.server, { workspaceId: WORKSPACE, documentId }, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.doc)));
    await writeOnServer(app.server, { workspaceId: WORKSPACE, documentId, channel: THREADS_CHANNEL }, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.threads)));
    alice = await arrive(app, 'Alice Ndiaye', 'Blue');
    bruno = await arrive(app, 'Bruno Costa', 'Green');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports HTML from the dialog (keyboard-reachable, labelled, no axe findings) and the file runs no script', async () => {
    const page = alice.page;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Chapter with payloads' }).waitFor();
    expect(await seriousViolations(page, '.transfer-dialog')).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, 'export-dialog.png'), fullPage: true });
    // Only the payload chapter, as a web page with notes and comments.
    await dialog.getByRole('checkbox', { name: /^Welcome/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Welcome/ }).waitFor();
    await dialog.getByRole('radio', { name: 'Web page (.html)' }).check();
    await dialog.getByRole('checkbox', { name: 'Open comments and replies' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).press('Enter')]);
    await dialog.getByRole('status').filter({ hasText: /Downloaded .*\.html/ }).waitFor();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('Supply chains and shared norms');
    expect(html).toContain('Annex A.');

    // Open the file as a reader would: the payloads in text and comments are shown, never run.
    const reader = await app.browser.newPage();
    let dialogs = 0;
    reader.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await reader.goto(`file://${file}`);
    await reader.getByRole('heading', { name: 'Supply chains and shared norms' }).waitFor();
    await reader.getByText('bad link').click();
    expect(await reader.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await reader.locator('script, [onerror], a[href^="javascript"]').count()).toBe(0);
    expect(await reader.getByText('<script>window.__xss=3</script>', { exact: false }).count()).toBe(1);
    expect(dialogs).toBe(0);
    if (shots) await reader.screenshot({ path: path.join(shots, 'export-html.png'), fullPage: true });
    await reader.close();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('leaves a damaged comment thread out of the export, and the dialog says so', async () => {
    const created = await apiRequest(app.server, `/api/workspaces/${WORKSPACE}/documents`, { method: 'POST', body: JSON.stringify({ title: 'Damaged record', kind: 'meeting-notes' }) });
    const damagedId = ((await created.json()) as { document: { id: string } }).document.id;
    // a thread whose anchor has no context, as an old client could have stored it
    await writeOnServer(app.server, { workspaceId: WORKSPACE, documentId: damagedId, channel: THREADS_CHANNEL }, (doc) => {
      doc.transact(() => {
        const thread = new Y.Map<unknown>();
        doc.getMap('threads').set('broken', thread);
        thread.set('anchor', { start: null, end: null, quote: 'x' });
        thread.set('comments', 'not a list');
      });
    });
    const page = alice.page;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('checkbox', { name: 'Damaged record' }).waitFor();
    await dialog.getByRole('checkbox', { name: /^Welcome/ }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Chapter with payloads' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Damaged record' }).check();
    await dialog.getByRole('radio', { name: 'Markdown (.md)' }).check();
    await dialog.getByRole('checkbox', { name: 'Open comments and replies' }).check();
    await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const status = dialog.getByRole('status').filter({ hasText: /Downloaded / });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('1 damaged tag or comment thread was left out.');
    if (shots) await page.screenshot({ path: path.join(shots, 'export-damaged-notice.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    // the damaged record breaks nothing on the page (the workspace's threads feed reads every room)
    await page.locator('.document-list').getByRole('link', { name: 'Damaged record' }).click();
    await editorOf(page).waitFor();
    await page.goBack();
  });

  it('imports a Word contribution while another member watches; both editors show its headings, list and table', async () => {
    const docx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-e2e-')), 'CERT network submission.docx');
    fs.writeFileSync(docx, await contributionDocx());
    const page = alice.page;
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a document' });
    await dialog.getByLabel('File').setInputFiles(docx);
    await dialog.getByLabel('Kind').selectOption({ label: 'Contribution' });
    expect(await seriousViolations(page, '.transfer-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Imported' });
    await done.getByText('“Submission from a regional CERT network” is now a contribution').waitFor();
    if (shots) await page.screenshot({ path: path.join(shots, 'import-done.png') });
    // Bruno, on the workspace page, sees it arrive without reloading.
    await bruno.page.locator('.document-list').getByRole('link', { name: 'Submission from a regional CERT network' }).click();
    await done.getByRole('link', { name: 'Open the document' }).click();
    const expected = ['H1: Submission from a regional CERT network', 'P: We support the horizontal norms and propose three additions.', 'H2: Proposals', 'UL: Protect incident respondersShare vulnerability reports within 30 days'];
    for (const user of [alice, bruno]) {
      await editorOf(user.page).locator('table').waitFor();
      await waitForText(editorOf(user.page).locator('table'), (text) => text.includes('Norm k'));
      const blocks = await documentBlocks(user.page);
      expect(blocks.slice(0, 4)).toEqual(expected);
      expect(blocks.some((block) => /^(TABLE|DIV): NormSupportNorm kStrong/.test(block))).toBe(true);
    }
    if (shots) await bruno.page.screenshot({ path: path.join(shots, 'import-editor.png') });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { arrive, createDocument, editorOf, startE2eApp, typeAtEnd, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { NodeTagger } from './support/nodeTagger.ts';
import { selectText } from './support/selectText.ts';

const SENTENCE = 'Operators should report significant incidents to the national authority within seventy-two hours.';
const PASSAGE = 'significant incidents';
const SECOND = 'national authority';
/** Where screenshots go when SCREENSHOT_DIR is set. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const panel = (page: Page) => page.getByRole('region', { name: 'Comments' });
const threadOn = (page: Page, quote: string) => panel(page).getByRole('article', { name: new RegExp(`^Thread on “${quote}`) });

async function commentOn(page: Page, quote: string, body: string): Promise<void> {
  await selectText(page, quote);
  await page.keyboard.press('ControlOrMeta+Alt+m');
  const box = panel(page).getByRole('combobox', { name: 'New comment' });
  await box.waitFor();
  await box.fill(body);
  await box.press('ControlOrMeta+Enter');
  await threadOn(page, quote).waitFor();
}

async function statusFilter(page: Page, value: 'open' | 'resolved' | 'all'): Promise<void> {
  await panel(page).getByLabel('Status').selectOption(value);
}

describe('comment threads', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;
  let documentId = '';

  beforeAll(async () => {
    app = await startE2eApp();
    amina = await arrive(app, 'Amina Diallo', 'Teal');
    ben = await arrive(app, 'Ben Ortiz', 'Violet');
    documentId = await createDocument(amina.page, 'Incident reporting');
    await typeAtEnd(amina.page, SENTENCE);
    await ben.page.locator('.document-list').getByRole('link', { name: 'Incident reporting' }).click();
    await waitForText(editorOf(ben.page), (text) => text.includes(SENTENCE));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('A comments on a selection; B sees the highlight and the thread, replies and resolves; A sees who resolved it', async () => {
    await commentOn(amina.page, PASSAGE, 'Should this include **near misses**?');
    await expect.poll(() => editorOf(amina.page).locator('.comment-highlight').allTextContents()).toEqual([PASSAGE]);

    await expect.poll(() => editorOf(ben.page).locator('.comment-highlight').allTextContents(), { timeout: 10_000 }).toEqual([PASSAGE]);
    const thread = threadOn(ben.page, PASSAGE);
    await thread.waitFor();
    await expect.poll(() => thread.locator('strong').textContent()).toBe('near misses');
    await expect.poll(() => thread.locator('.comment__author').allTextContents()).toEqual(['Amina Diallo']);

    const replyBox = thread.getByRole('combobox', { name: /^Reply to the thread/ });
    await replyBox.fill('Yes, and say so explicitly.');
    await replyBox.press('ControlOrMeta+Enter');
    await expect.poll(() => threadOn(amina.page, PASSAGE).getByText('Yes, and say so explicitly.').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(ben.page, 'comments-panel');

    await thread.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => editorOf(amina.page).locator('.comment-highlight').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => panel(amina.page).locator('.comments-panel__counts').textContent()).toBe('0 open · 1 resolved');
    await statusFilter(amina.page, 'resolved');
    await expect.poll(() => threadOn(amina.page, PASSAGE).locator('.thread__status').textContent()).toMatch(/^Resolved by Ben Ortiz/);
  });

  it('reopens a thread', async () => {
    await threadOn(amina.page, PASSAGE).getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => panel(ben.page).locator('.comments-panel__counts').textContent(), { timeout: 10_000 }).toBe('1 open · 0 resolved');
    await expect.poll(() => editorOf(ben.page).locator('.comment-highlight').count()).toBe(1);
    await statusFilter(amina.page, 'open');
  });

  it('A mentions B with autocomplete and assigns the thread to B; B filters on both', async () => {
    const box = threadOn(amina.page, PASSAGE).getByRole('combobox', { name: /^Reply to the thread/ });
    await box.click();
    await box.pressSequentially('Over to you @Be');
    const option = panel(amina.page).getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: 'Ben Ortiz' });
    await option.waitFor();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Over to you @[Ben Ortiz] ');
    await box.press('ControlOrMeta+Enter');
    await threadOn(amina.page, PASSAGE).getByLabel('Assigned to').selectOption({ label: 'Ben Ortiz' });

    const thread = threadOn(ben.page, PASSAGE);
    await expect.poll(() => thread.locator('.comment__mention').textContent(), { timeout: 10_000 }).toBe('@Ben Ortiz');
    await expect.poll(() => thread.getByLabel('Assigned to').inputValue()).not.toBe('');
    await panel(ben.page).getByText('More filters').click();
    await panel(ben.page).getByLabel('Assigned to me').check();
    await panel(ben.page).getByLabel('Mentioning me').check();
    await expect.poll(() => panel(ben.page).locator('.comments-panel__shown').textContent()).toBe('1 thread');
    await expect.poll(() => panel(ben.page).getByText(/^More filters/).textContent()).toBe('More filters (2 on)');
    await panel(ben.page).getByLabel('Assigned to me').uncheck();
    await panel(ben.page).getByLabel('Mentioning me').uncheck();
    await expect.poll(() => panel(ben.page).getByText(/^More filters/).textContent()).toBe('More filters');
    await panel(ben.page).getByText('More filters').click();

    // Ben's bell counts the mention and the assignment; opening the list and closing it clears the badge.
    const badge = ben.page.getByTestId('notification-badge');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('2 new');
    expect(await amina.page.getByTestId('notification-badge').count()).toBe(0);
    const bell = ben.page.getByRole('button', { name: /^Notifications/ });
    await bell.click();
    const list = ben.page.getByRole('region', { name: 'Notifications' });
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual([
      `Amina Diallo assigned you on “${PASSAGE}”`,
      `Amina Diallo mentioned you on “${PASSAGE}”`,
    ]);
    await bell.click();
    await expect.poll(() => badge.count()).toBe(0);
  });

  it('edits and deletes your own comment, keeping a placeholder', async () => {
    await commentOn(ben.page, SECOND, 'Which authority?');
    const thread = threadOn(ben.page, SECOND);
    await thread.getByRole('button', { name: 'Edit' }).click();
    const edit = thread.getByRole('combobox', { name: 'Edit your comment' });
    await edit.fill('Which authority, exactly?');
    await edit.press('ControlOrMeta+Enter');
    await expect.poll(() => threadOn(amina.page, SECOND).locator('.comment__edited').count(), { timeout: 10_000 }).toBe(1);
    // Only the author can edit or delete.
    expect(await threadOn(amina.page, SECOND).getByRole('button', { name: 'Edit' }).count()).toBe(0);
    ben.page.once('dialog', (dialog) => void dialog.accept());
    await thread.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => threadOn(amina.page, SECOND).getByText('Comment deleted').count(), { timeout: 10_000 }).toBe(1);
  });

  it('shows the facilitator the open threads across the workspace, counts following resolve and reopen', async () => {
    const facilitator = await amina.context.newPage();
    await facilitator.goto(amina.page.url().replace(/\/d\/.*$/, '/facilitator'));
    const open = facilitator.locator('[data-count="open"]');
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('2');
    const oldest = facilitator.getByRole('region', { name: 'Open threads, oldest first' });
    await expect.poll(() => oldest.getByRole('link').allTextContents()).toEqual([`“${PASSAGE}”`, `“${SECOND}”`]);
    await expect.poll(() => facilitator.getByRole('region', { name: 'Open by assignee' }).textContent()).toContain('Ben Ortiz: 1');

    await threadOn(ben.page, SECOND).getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('1');
    await statusFilter(ben.page, 'all');
    await threadOn(ben.page, SECOND).getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('2');
    await statusFilter(ben.page, 'open');
    // The threads are on untagged words: a norm filter leaves none of them, and clearing it brings them back.
    const tagFilter = facilitator.getByLabel('Only passages tagged with');
    await expect.poll(() => tagFilter.locator('option').count()).toBeGreaterThan(1);
    await tagFilter.selectOption({ index: 1 });
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('0');
    // Someone tags the first thread's words with that norm: the thread now counts under it.
    const termId = (await tagFilter.inputValue()) || '';
    const tagger = await NodeTagger.open(app, documentId, { name: 'Chen Wei', color: '#b42318' });
    tagger.tag('p-comments', PASSAGE, [termId]);
    await expect.poll(() => open.textContent(), { timeout: 10_000 }).toBe('1');
    tagger.close();
    await tagFilter.selectOption('');
    await expect.poll(() => open.textContent()).toBe('2');
    await screenshot(facilitator, 'facilitator');
    expect(await seriousViolations(facilitator)).toEqual([]);

    // A row leads to the thread in its document.
    await oldest.getByRole('link', { name: `“${SECOND}”` }).click();
    await expect.poll(() => editorOf(facilitator).locator('.comment-highlight--active').allTextContents(), { timeout: 10_000 }).toEqual([SECOND]);
    await facilitator.close();
  });

  it('moves between threads with the keyboard, selecting their passages', async () => {
    const first = threadOn(amina.page, PASSAGE);
    await first.getByRole('button', { name: /Passage:/ }).focus();
    await amina.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => amina.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Thread on “national authority/);
    const activePassage = () => editorOf(amina.page).locator('.comment-highlight--active').allTextContents();
    await expect.poll(activePassage).toEqual([SECOND]);
    await amina.page.keyboard.press('k');
    await expect.poll(() => amina.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Thread on “significant incidents/);
    await expect.poll(activePassage).toEqual([PASSAGE]);
  });

  it('keeps XSS payloads inert: shown as text, no element created, nothing run', async () => {
    const payloads = [
      '<img src=x onerror=window.__xss=1>',
      '<script>window.__xss=1</script>',
      '[x](javascript:window.__xss=1)',
      '"><svg onload=window.__xss=1>',
    ];
    const box = threadOn(amina.page, PASSAGE).getByRole('combobox', { name: /^Reply to the thread/ });
    for (const payload of payloads) {
      await box.fill(payload);
      await box.press('ControlOrMeta+Enter');
    }
    for (const page of [amina.page, ben.page]) {
      const thread = threadOn(page, PASSAGE);
      for (const payload of payloads) {
        await expect.poll(() => thread.locator('.comment__body').filter({ hasText: payload }).count(), { timeout: 10_000 }).toBe(1);
      }
      expect(await panel(page).locator('img, script, svg, iframe, a[href^="javascript"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    }
  });

  it('opens each document\'s threads room once per tab, however many pages are visited', async () => {
    const page = await amina.context.newPage();
    const opened: string[] = [];
    page.on('websocket', (socket) => {
      const path = new URL(socket.url()).pathname;
      if (path.endsWith('/threads')) opened.push(path);
    });
    await page.goto(amina.page.url().replace(/\/d\/.*$/, ''));
    await page.locator('.document-list').getByRole('link', { name: 'Incident reporting' }).click();
    await threadOn(page, PASSAGE).waitFor();
    await page.getByRole('link', { name: /Best Practice Forum/ }).first().click();
    await page.locator('.document-list').getByRole('link', { name: 'Incident reporting' }).click();
    await threadOn(page, PASSAGE).waitFor();
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBe(new Set(opened).size);
    await page.close();
  });

  it('has no serious or critical accessibility problems with the panel open', async () => {
    expect(await seriousViolations(ben.page)).toEqual([]);
    await screenshot(amina.page, 'comments-panel-amina');
  });

  it('keeps a thread whose words were deleted, listed with its last quote', async () => {
    await selectText(amina.page, `the ${SECOND}`);
    await amina.page.keyboard.press('Backspace');
    const thread = threadOn(ben.page, SECOND);
    await expect.poll(() => thread.locator('.thread__orphaned').textContent(), { timeout: 10_000 }).toBe('Text deleted');
    await expect.poll(() => editorOf(ben.page).locator('.comment-highlight').allTextContents()).toEqual([PASSAGE]);
    // Listed after the threads still in the text.
    const quotes = await panel(ben.page).locator('.thread__quote').allTextContents();
    expect(quotes.at(-1)).toContain(SECOND);
  });
});

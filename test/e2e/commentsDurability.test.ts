import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, createDocument, editorOf, startE2eApp, statusOf, typeAtEnd, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { selectText } from './support/selectText.ts';

const SENTENCE = 'Vendors should disclose vulnerabilities to affected users without undue delay.';
const PASSAGE = 'without undue delay';

const panel = (page: Page) => page.getByRole('region', { name: 'Comments' });
const thread = (page: Page) => panel(page).getByRole('article', { name: new RegExp(`^Thread on “${PASSAGE}`) });
const comments = (page: Page) => thread(page).locator('.comment__body').allTextContents();

async function replyAs(page: Page, body: string): Promise<void> {
  const box = thread(page).getByRole('combobox', { name: /^Reply to the thread/ });
  await box.fill(body);
  await box.press('ControlOrMeta+Enter');
}

async function showAll(page: Page): Promise<void> {
  await panel(page).getByLabel('Status').selectOption('all');
}

describe('comment threads survive a server restart and an offline spell', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;

  beforeAll(async () => {
    app = await startE2eApp();
    amina = await arrive(app, 'Amina Diallo', 'Teal');
    ben = await arrive(app, 'Ben Ortiz', 'Violet');
    await createDocument(amina.page, 'Disclosure');
    await typeAtEnd(amina.page, SENTENCE);
    await ben.page.locator('.document-list').getByRole('link', { name: 'Disclosure' }).click();
    await waitForText(editorOf(ben.page), (text) => text.includes(SENTENCE));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('A comments from the toolbar button, B replies', async () => {
    await selectText(amina.page, PASSAGE);
    await amina.page.getByRole('button', { name: 'Comment on the selected text' }).click();
    const box = panel(amina.page).getByRole('combobox', { name: 'New comment' });
    await box.fill('How long is undue?');
    await box.press('ControlOrMeta+Enter');
    await thread(ben.page).waitFor({ timeout: 10_000 });
    await replyAs(ben.page, 'Ninety days is usual.');
    await expect.poll(() => comments(amina.page), { timeout: 10_000 }).toEqual(['How long is undue?', 'Ninety days is usual.']);
    for (const user of [amina, ben]) await showAll(user.page);
  });

  it('keeps threads, and what was written while the server was down, across a restart', async () => {
    await app.server.server.close();
    await waitForText(statusOf(ben.page), (text) => text.startsWith('Reconnecting…'));
    await replyAs(ben.page, 'Written while the server restarts.');
    await thread(ben.page).getByRole('button', { name: 'Resolve' }).click();
    await thread(ben.page).getByLabel('Assigned to').selectOption({ label: 'Amina Diallo' });

    await app.server.restart();
    await expect
      .poll(() => comments(amina.page), { timeout: 20_000 })
      .toEqual(['How long is undue?', 'Ninety days is usual.', 'Written while the server restarts.']);
    await expect.poll(() => thread(amina.page).locator('.thread__status').textContent(), { timeout: 10_000 }).toMatch(/^Resolved by Ben Ortiz/);
    await expect.poll(() => thread(amina.page).getByLabel('Assigned to').inputValue()).not.toBe('');

    // Someone arriving now gets it all from the server: nothing lived only in the two browsers.
    const chen = await arrive(app, 'Chen Wei', 'Red');
    await chen.page.locator('.document-list').getByRole('link', { name: 'Disclosure' }).click();
    await editorOf(chen.page).waitFor();
    await showAll(chen.page);
    await expect
      .poll(() => comments(chen.page), { timeout: 10_000 })
      .toEqual(['How long is undue?', 'Ninety days is usual.', 'Written while the server restarts.']);
    await expect.poll(() => thread(chen.page).locator('.thread__status').textContent()).toMatch(/^Resolved by Ben Ortiz/);
    await chen.context.close();
  });

  it('keeps a reply and a reopening made offline through a reload, and delivers them on reconnect', async () => {
    await ben.page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => ben.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
    await ben.context.setOffline(true);
    await waitForText(statusOf(ben.page), (text) => text.startsWith('Offline'));
    await thread(ben.page).getByRole('button', { name: 'Reopen' }).click();
    await replyAs(ben.page, 'Written on the train.');
    await expect.poll(() => comments(ben.page)).toContain('Written on the train.');

    // Reloaded without network: the thread, with the offline reply, comes from this browser's copy.
    await ben.page.reload();
    await showAll(ben.page);
    await expect.poll(() => comments(ben.page), { timeout: 10_000 }).toContain('Written on the train.');
    expect(await thread(ben.page).locator('.thread__status').count()).toBe(0);
    expect(await comments(amina.page)).not.toContain('Written on the train.');

    await ben.context.setOffline(false);
    await expect.poll(() => comments(amina.page), { timeout: 20_000 }).toContain('Written on the train.');
    await expect.poll(() => thread(amina.page).locator('.thread__status').count()).toBe(0);
    await expect.poll(() => panel(amina.page).locator('.comments-panel__counts').textContent()).toBe('1 open · 0 resolved');
  });

  it('reports a change the server refuses, and discarding it brings the page back in step', async () => {
    // Ben writes offline; meanwhile an administrator renames him, so his reply names someone the server no longer knows
    const benId = await ben.page.evaluate(() => (JSON.parse(localStorage.getItem('normspace:sessions') ?? '{}') as Record<string, { memberId: string }>)['bpf-cybersecurity']!.memberId);
    await ben.context.setOffline(true);
    await waitForText(statusOf(ben.page), (text) => text.startsWith('Offline'));
    await replyAs(ben.page, 'Signed with the old name.');
    await app.server.server.access.rename(benId, 'B. Ortiz');
    await ben.context.setOffline(false);

    const alert = panel(ben.page).getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('a comment must be written as its writer');
    await alert.scrollIntoViewIfNeeded();
    await ben.page.screenshot({ path: '.tmp/refused-change.png' });
    expect(await comments(amina.page)).not.toContain('Signed with the old name.');
    await alert.getByRole('button', { name: 'Discard unsaved changes and reload' }).click();

    await ben.page.waitForLoadState('load');
    await showAll(ben.page);
    await expect.poll(() => comments(ben.page), { timeout: 10_000 }).toContain('Written on the train.');
    expect(await comments(ben.page)).not.toContain('Signed with the old name.');
    await replyAs(ben.page, 'Signed with the new name.');
    await expect.poll(() => comments(amina.page), { timeout: 20_000 }).toContain('Signed with the new name.');
    expect(await thread(amina.page).locator('.comment__author').last().textContent()).toBe('B. Ortiz');
  });
});

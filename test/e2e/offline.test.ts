import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrive,
  createDocument,
  documentBlocks,
  editorOf,
  startE2eApp,
  statusOf,
  typeAtEnd,
  waitForText,
  type E2eApp,
  type User,
} from './support/e2eApp.ts';

const OFFLINE_WITH_CHANGES = /^Offline · [1-9]\d* unsynced changes?$/;

describe('working offline', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;

  beforeAll(async () => {
    app = await startE2eApp();
    amina = await arrive(app, 'Amina Diallo', 'Green');
    ben = await arrive(app, 'Ben Ortiz', 'Red');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps changes through an offline reload, tells how many are unsynced, and delivers them on reconnect', async () => {
    await createDocument(amina.page, 'Train notes');
    await ben.page.locator('.document-list').getByRole('link', { name: 'Train notes' }).click();
    await editorOf(ben.page).waitFor();
    await typeAtEnd(ben.page, 'Ben is online.');
    await waitForText(editorOf(amina.page), (text) => text.includes('Ben is online.'));
    await waitForText(statusOf(ben.page), (text) => text === 'Connected · all changes saved');

    // The service worker must control the page for a reload without network to work.
    await ben.page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => ben.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);

    await ben.context.setOffline(true);
    await waitForText(statusOf(ben.page), (text) => text === 'Offline · no unsynced changes');
    await typeAtEnd(ben.page, 'Ben wrote this on the train.!');
    await ben.page.keyboard.press('Backspace');
    const offlineStatus = await waitForText(statusOf(ben.page), (text) => OFFLINE_WITH_CHANGES.test(text));
    await typeAtEnd(amina.page, 'Amina writes while Ben is away.');

    // The network really is gone, for the page and for the service worker: the reload comes from its cache.
    const [worker] = ben.context.serviceWorkers();
    expect(await worker?.evaluate(() => fetch('/').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');
    const reload = await ben.page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await waitForText(editorOf(ben.page), (text) => text.includes('Ben wrote this on the train.') && !text.includes('train.!'));
    expect(await statusOf(ben.page).textContent()).toBe(offlineStatus);
    expect(await editorOf(amina.page).textContent()).not.toContain('Ben wrote this on the train.');

    await ben.context.setOffline(false);
    await waitForText(statusOf(ben.page), (text) => text === 'Connected · all changes saved', 20_000);
    await waitForText(editorOf(amina.page), (text) => text.includes('Ben wrote this on the train.') && !text.includes('train.!'));
    await waitForText(editorOf(ben.page), (text) => text.includes('Amina writes while Ben is away.'));
    await expect.poll(async () => JSON.stringify(await documentBlocks(ben.page))).toBe(JSON.stringify(await documentBlocks(amina.page)));
  });

  it('says "Reconnecting" with the unsynced count while the server is down, and "saved" only after it stored them', async () => {
    await app.server.server.close();
    await waitForText(statusOf(ben.page), (text) => text.startsWith('Reconnecting…'));
    await typeAtEnd(ben.page, 'Ben types while the server restarts.');
    await waitForText(statusOf(ben.page), (text) => /^Reconnecting… · [1-9]\d* unsynced changes?$/.test(text));

    await app.server.restart();
    await waitForText(statusOf(ben.page), (text) => text === 'Connected · all changes saved', 20_000);
    await waitForText(editorOf(amina.page), (text) => text.includes('Ben types while the server restarts.'), 20_000);
  });
});

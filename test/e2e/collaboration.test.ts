import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrive,
  createDocument,
  editorOf,
  startE2eApp,
  statusOf,
  typeAtEnd,
  waitForText,
  type E2eApp,
  type User,
} from './support/e2eApp.ts';

describe('two people working together', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;

  beforeAll(async () => {
    app = await startE2eApp();
    amina = await arrive(app, 'Amina Diallo', 'Teal');
    ben = await arrive(app, 'Ben Ortiz', 'Violet');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a new document live, syncs typing both ways and shows who is where', async () => {
    await createDocument(amina.page, 'Norms mapping: first pass');
    const benList = ben.page.locator('.document-list');
    await waitForText(benList, (text) => text.includes('Norms mapping: first pass'));

    // Ben sees Amina in "who is here", inside that document.
    await waitForText(ben.page.locator('.workspace-presence'), (text) => text.includes('Amina Diallo') && text.includes('in Norms mapping: first pass'));

    await benList.getByRole('link', { name: 'Norms mapping: first pass' }).click();
    await editorOf(ben.page).waitFor();

    await typeAtEnd(amina.page, 'Amina proposes a scope.');
    await typeAtEnd(ben.page, 'Ben adds two initiatives.');
    await waitForText(editorOf(amina.page), (text) => text.includes('Ben adds two initiatives.'));
    await waitForText(editorOf(ben.page), (text) => text.includes('Amina proposes a scope.'));

    await waitForText(amina.page.getByRole('list', { name: 'Others in this document' }), (text) => text.includes('Ben Ortiz'));
    await waitForText(ben.page.getByRole('list', { name: 'Others in this document' }), (text) => text.includes('Amina Diallo'));
    await waitForText(amina.page.locator('.collaboration-carets__label'), (text) => text.includes('Ben Ortiz'));
    await waitForText(ben.page.locator('.collaboration-carets__label'), (text) => text.includes('Amina Diallo'));

    await waitForText(statusOf(amina.page), (text) => text === 'Connected · all changes saved');
    await waitForText(statusOf(ben.page), (text) => text === 'Connected · all changes saved');

    // Ben changes his name from the header; Amina sees the new one on his caret and in the list.
    await ben.page.getByRole('button', { name: /You are Ben Ortiz/ }).click();
    const dialog = ben.page.getByRole('dialog', { name: 'Your name and colour' });
    await dialog.getByLabel('Display name').fill('Benjamin Ortiz');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await waitForText(amina.page.getByRole('list', { name: 'Others in this document' }), (text) => text.includes('Benjamin Ortiz'));
    await editorOf(ben.page).click(); // carets are shown while their editor has focus
    await waitForText(amina.page.locator('.collaboration-carets__label'), (text) => text.includes('Benjamin Ortiz'));
  });

  it('undo takes back only your own typing', async () => {
    await typeAtEnd(amina.page, 'Amina drafts a sentence to withdraw.');
    await waitForText(editorOf(ben.page), (text) => text.includes('Amina drafts a sentence to withdraw.'));
    await typeAtEnd(ben.page, 'Ben keeps this sentence.');
    await waitForText(editorOf(amina.page), (text) => text.includes('Ben keeps this sentence.'));

    await editorOf(amina.page).focus();
    await amina.page.keyboard.press('Control+z');

    for (const page of [amina.page, ben.page]) {
      const text = await waitForText(editorOf(page), (value) => !value.includes('Amina drafts a sentence to withdraw.'));
      expect(text).toContain('Ben keeps this sentence.');
      expect(text).toContain('Amina proposes a scope.');
    }
  });

  it('renaming and archiving reach the other person live; an archived document is read-only', async () => {
    await amina.page.getByRole('button', { name: 'Rename Norms mapping: first pass' }).click();
    const field = amina.page.getByRole('textbox', { name: 'Document title' });
    await field.fill('Norms mapping: agreed scope');
    await field.press('Enter');
    await waitForText(ben.page.getByRole('heading', { level: 1 }), (text) => text === 'Norms mapping: agreed scope');

    // Escape cancels a rename.
    await amina.page.getByRole('button', { name: 'Rename Norms mapping: agreed scope' }).click();
    await amina.page.getByRole('textbox', { name: 'Document title' }).fill('Not this');
    await amina.page.keyboard.press('Escape');
    expect(await amina.page.getByRole('heading', { level: 1 }).textContent()).toBe('Norms mapping: agreed scope');

    await amina.page.getByRole('link', { name: /Best Practice Forum on Cybersecurity/ }).click();
    await amina.page.getByRole('button', { name: 'Archive Norms mapping: agreed scope' }).click();
    await waitForText(amina.page.locator('.document-list'), (text) => !text.includes('Norms mapping: agreed scope'));

    await ben.page.getByText('This document is archived.').waitFor();
    expect(await editorOf(ben.page).getAttribute('contenteditable')).toBe('false');
    const before = await editorOf(ben.page).textContent();
    await editorOf(ben.page).click();
    await ben.page.keyboard.type('should not appear');
    expect(await editorOf(ben.page).textContent()).toBe(before);

    // Archived documents are still listed, marked, when asked for.
    await amina.page.getByLabel(/Show archived/).check();
    const row = amina.page.locator('.document-row--archived', { hasText: 'Norms mapping: agreed scope' });
    await row.getByText('Archived', { exact: true }).waitFor();

    // Restoring makes it writable again for Ben, and his typing is saved.
    await row.getByRole('button', { name: 'Restore Norms mapping: agreed scope' }).click();
    await ben.page.getByText('This document is archived.').waitFor({ state: 'detached' });
    await expect.poll(() => editorOf(ben.page).getAttribute('contenteditable')).toBe('true');
    await typeAtEnd(ben.page, 'Ben writes after the restore.');
    await waitForText(statusOf(ben.page), (text) => text === 'Connected · all changes saved');
  });

  it('says so clearly when a document does not exist', async () => {
    await amina.page.goto(`${app.server.url}/w/bpf-cybersecurity/d/no-such-document`);
    await amina.page.getByRole('heading', { name: 'This document does not exist' }).waitFor();
    await waitForText(statusOf(amina.page), (text) => text === 'This document does not exist');
  });
});

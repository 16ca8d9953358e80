import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnotations } from '../../shared/annotations/annotationDoc.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { seriousViolations } from './support/axe.ts';
import { WORKSPACE, arrive, createDocument, editorOf, startE2eApp, typeAtEnd, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { pickTags } from './support/pickTags.ts';
import { selectText } from './support/selectText.ts';

const SENTENCE = 'States should protect the integrity of the supply chain so that people can trust ICT products.';
const PASSAGE = 'integrity of the supply chain';
/** Where screenshots go when SCREENSHOT_DIR is set (to look at the picker, highlights and card). */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  const text = await editorOf(page).locator('p', { hasText: 'States should' }).boundingBox();
  if (text) {
    const clip = { x: text.x - 10, y: text.y - 10, width: 680, height: 110 };
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-text.png`), clip });
  }
}

const highlights = (page: Page) => editorOf(page).locator('.annotation-highlight');

/** The highlighted words of one passage, one string per paragraph it spans. */
function passageWords(page: Page, id: string): Promise<string[]> {
  return editorOf(page).evaluate((root, annotationId) => {
    const byBlock = new Map<Element, string>();
    for (const element of root.querySelectorAll(`.annotation-highlight[data-annotations~="${annotationId}"]`)) {
      const block = element.closest('p, li, h1, h2, h3, td, th') ?? root;
      byBlock.set(block, (byBlock.get(block) ?? '') + (element.textContent ?? ''));
    }
    return [...byBlock.values()].map((text) => text.trim());
  }, id);
}
const card = (page: Page) => page.getByRole('dialog', { name: /^Tags of / });

describe('tagging passages', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;
  let observer: TestClient;
  let passageId = '';
  let bensId = '';

  beforeAll(async () => {
    app = await startE2eApp();
    amina = await arrive(app, 'Amina Diallo', 'Teal');
    ben = await arrive(app, 'Ben Ortiz', 'Violet');
    const documentId = await createDocument(amina.page, 'Supply chain commitments');
    await typeAtEnd(amina.page, SENTENCE);
    await ben.page.locator('.document-list').getByRole('link', { name: 'Supply chain commitments' }).click();
    await waitForText(editorOf(ben.page), (text) => text.includes(SENTENCE));
    observer = connectClient(app.server, { workspaceId: WORKSPACE, documentId });
    await observer.synced;
  });

  afterAll(async () => {
    observer?.destroy();
    await app?.close();
  });

  it('tags a selection from the keyboard with a norm and an agreement; the other person sees it in the kind colour', async () => {
    await selectText(amina.page, PASSAGE);
    await amina.page.keyboard.press('Control+Shift+E');
    const picker = amina.page.getByRole('dialog', { name: `Tag “${PASSAGE}”` });
    await picker.waitFor();
    const search = picker.getByRole('combobox', { name: 'Search tags' });
    for (const query of ['supply chain integrity', 'paris call']) {
      await amina.page.keyboard.type(query);
      await expect.poll(() => search.getAttribute('aria-activedescendant')).toBeTruthy();
      await amina.page.keyboard.press('Enter');
    }
    const chosen = picker.getByRole('list', { name: 'Chosen tags' });
    expect(await chosen.textContent()).toContain('GGE i · Supply-chain integrity');
    expect(await chosen.textContent()).toContain('Paris Call (2018)');
    await screenshot(amina.page, 'picker');
    expect(await seriousViolations(amina.page)).toEqual([]);
    await amina.page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => amina.page.evaluate(() => document.activeElement?.id)).toBe('document-text');

    await waitForText(highlights(amina.page).first(), (text) => text === PASSAGE);
    passageId = (await editorOf(amina.page).locator('[data-annotation-id]').first().getAttribute('data-annotation-id')) ?? '';
    await waitFor(() => readAnnotations(observer.doc).get(passageId)?.tags.length === 2, 'the record at the server');

    // Ben: the same words, tinted and underlined in the norm colour (the first kind of the two).
    await waitForText(highlights(ben.page).first(), (text) => text === PASSAGE);
    const look = await highlights(ben.page).first().evaluate((element) => getComputedStyle(element).boxShadow);
    expect(look).toContain('rgb(29, 78, 216)');
  });

  it('keeps the tag on the right words while the other person types around and inside it and splits its paragraph', async () => {
    await selectText(ben.page, 'States should', 'before');
    await ben.page.keyboard.type('In short: ');
    await selectText(ben.page, 'supply', 'after');
    await ben.page.keyboard.type(' and service');
    await selectText(ben.page, 'chain so that', 'before');
    await ben.page.keyboard.press('ArrowRight');
    await ben.page.keyboard.press('ArrowRight');
    await ben.page.keyboard.press('ArrowRight');
    await ben.page.keyboard.press('ArrowRight');
    await ben.page.keyboard.press('ArrowRight'); // just after "chain": the passage's end
    await ben.page.keyboard.type(' (hardware and software)');
    await selectText(ben.page, 'integrity of the ', 'after');
    await ben.page.keyboard.press('Enter');

    const expected = 'integrity of the supply and service chain';
    for (const page of [amina.page, ben.page]) {
      await waitForText(editorOf(page), (text) => text.includes('In short: States') && text.includes('chain (hardware and software) so that'));
      await expect.poll(() => passageWords(page, passageId)).toEqual(['integrity of the', 'supply and service chain']);
    }
    // The record's quote follows the words (refreshed about a second after Ben stops typing).
    await waitFor(() => readAnnotations(observer.doc).get(passageId)?.quote === expected, 'the refreshed quote', 10_000);

    for (const user of [amina, ben]) {
      await user.page.mouse.move(10, 10);
      await highlights(user.page).last().hover();
      const shown = card(user.page);
      await shown.waitFor();
      const text = (await shown.textContent()) ?? '';
      expect(text).toContain(`“${expected}”`);
      expect(text).toContain('GGE i · Supply-chain integrity');
      expect(text).toContain('Paris Call (2018)');
      expect(text).toContain('added by Amina Diallo');
      expect(text).toContain('Passage marked by Amina Diallo');
    }
  });

  it('shows overlapping passages legibly, and the card of both; axe finds nothing serious', async () => {
    await selectText(ben.page, 'service chain (hardware');
    await ben.page.getByRole('button', { name: 'Tag the selected text' }).click();
    await pickTags(ben.page, ['private sector'], /^Tag “service chain \(hardware”$/);
    await expect.poll(() => highlights(ben.page).count()).toBeGreaterThanOrEqual(3);
    bensId = (await ben.page.locator('[data-annotations]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-annotations') ?? '')))
      .flatMap((ids) => ids.split(' '))
      .find((id) => id !== passageId)!;
    await ben.page.mouse.move(10, 10);
    await ben.page.getByRole('heading', { level: 1 }).click(); // away from the text: no caret card
    await screenshot(ben.page, 'overlaps');
    await editorOf(ben.page).locator('.annotation-highlight[data-annotations*=" "]').first().hover();
    await expect.poll(() => card(ben.page).getAttribute('aria-label')).toBe('Tags of 2 overlapping passages');
    expect(await card(ben.page).textContent()).toContain('Private sector');
    await screenshot(ben.page, 'overlap-card');
    expect(await seriousViolations(ben.page)).toEqual([]);
  });

  it('reaches the card from the keyboard, and goes to a passage named in the address', async () => {
    await selectText(ben.page, 'chain (hard', 'after');
    await ben.page.keyboard.press('Control+Shift+E');
    const inCard = () => ben.page.evaluate(() => document.activeElement?.closest('.annotation-card') !== null);
    await expect.poll(inCard).toBe(true);
    await screenshot(ben.page, 'card-focused');
    // From the card: add a tag with the picker, then remove it again.
    await ben.page.keyboard.press('Tab');
    await ben.page.keyboard.press('Tab');
    expect(await ben.page.evaluate(() => document.activeElement?.textContent)).toBe('Add a tag');
    await ben.page.keyboard.press('Enter');
    await ben.page.getByRole('dialog', { name: /^Add tags to/ }).waitFor();
    await ben.page.keyboard.type('wannacry');
    await screenshot(ben.page, 'picker-for-passage');
    await ben.page.keyboard.press('Control+a');
    await ben.page.keyboard.press('Delete');
    await pickTags(ben.page, ['wannacry'], /^Add tags to “service chain \(hardware”$/);
    await ben.page.keyboard.press('Control+Shift+E');
    await expect.poll(async () => (await card(ben.page).textContent()) ?? '').toContain('WannaCry (2017)');
    await card(ben.page).getByRole('button', { name: 'Remove the tag WannaCry (2017)' }).click();
    await expect.poll(async () => (await card(ben.page).textContent()) ?? '').not.toContain('WannaCry (2017)');
    expect(await inCard()).toBe(true);
    await ben.page.keyboard.press('Escape');
    await expect.poll(() => ben.page.evaluate(() => document.activeElement?.id)).toBe('document-text');

    await amina.page.evaluate((id) => (window.location.hash = `annotation=${id}`), bensId);
    await editorOf(amina.page).locator('.annotation-highlight--flash').first().waitFor();
    expect(await amina.page.evaluate(() => window.getSelection()?.toString())).toBe('service chain (hardware');
  });

  it('undo takes back the tagging for everyone, and only the person’s own', async () => {
    await amina.page.mouse.move(10, 10);
    await editorOf(amina.page).focus();
    await amina.page.keyboard.press('Control+z');
    for (const page of [amina.page, ben.page]) {
      await expect.poll(() => editorOf(page).locator(`[data-annotations~="${passageId}"]`).count()).toBe(0);
      // Ben's own passage stays.
      await expect.poll(() => passageWords(page, bensId)).toEqual(['service chain (hardware']);
    }
    await waitFor(() => !readAnnotations(observer.doc).has(passageId), 'the record removed at the server');
  });
});

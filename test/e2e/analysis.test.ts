import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { WORKSPACE, arrive, editorOf, startE2eApp, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { createTextDocument, type NodeTagger } from './support/nodeTagger.ts';

/** Set E2E_SCREENSHOTS=<dir> to keep 1280×720 screenshots of each view for a look. */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

const carla = { name: 'Carla Reyes', color: '#b42318' };
const GGE_I = 'GGE i · Supply-chain integrity';

async function shoot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

function sidebar(page: Page) {
  return page.getByRole('complementary', { name: 'Overlap analysis' });
}

async function showTab(page: Page, name: string) {
  await sidebar(page).getByRole('tab', { name }).click();
  return sidebar(page).getByRole('tabpanel', { name });
}

function normSection(page: Page, title: 'Horizontal' | 'Initiative-specific' | 'Untied') {
  return sidebar(page).getByRole('region', { name: new RegExp(`^${title}`) });
}

describe('the live overlap sidebar and the taxonomy panel', () => {
  let app: E2eApp;
  let amina: User;
  let ben: User;
  let paper: NodeTagger;
  let notes: NodeTagger;

  beforeAll(async () => {
    app = await startE2eApp();
    paper = await createTextDocument(
      app,
      'Background paper: shared norms',
      [
        'States should protect the integrity of the supply chain of ICT products.',
        'Vendors commit to secure development across the supply chain.',
        'Electoral infrastructure deserves protection from interference.',
        'Elections must be defended against manipulation.',
      ],
      carla,
    );
    paper.tag('p1', 'integrity of the supply chain', ['ungge-2015-i', 'cs']);
    notes = await createTextDocument(app, 'Meeting notes: disclosure', ['Civil society asked for coordinated disclosure.'], carla);
    notes.tag('n1', 'coordinated disclosure', ['ungge-2015-j', 'cs']);
    amina = await arrive(app, 'Amina Diallo', 'Teal');
    ben = await arrive(app, 'Ben Ortiz', 'Violet');
    await amina.page.goto(`${app.server.url}/w/${WORKSPACE}/d/${paper.documentId}`);
    await editorOf(amina.page).waitFor();
  });

  afterAll(async () => {
    paper?.close();
    notes?.close();
    await app?.close();
  });

  it('moves a norm from initiative-specific to horizontal and updates the matrix as another member tags', async () => {
    const a = amina.page;
    await showTab(a, 'Norms');
    await waitForText(normSection(a, 'Initiative-specific'), (text) => text.includes(GGE_I));
    expect(await normSection(a, 'Horizontal').textContent()).not.toContain(GGE_I);

    await showTab(a, 'Matrix');
    await sidebar(a).getByRole('button', { name: `1 passage: ${GGE_I} and UN GGE 2015 report` }).waitFor();

    // Carla ties the same norm to a second agreement in another passage.
    paper.tag('p2', 'secure development across the supply chain', ['ungge-2015-i', 'paris-call']);
    await sidebar(a).getByRole('button', { name: `2 passages: ${GGE_I} and UN GGE 2015 report` }).waitFor();
    const parisCell = sidebar(a).getByRole('button', { name: `1 passage: ${GGE_I} and Paris Call (2018)` });
    await parisCell.click();
    const cellList = sidebar(a).getByRole('list', { name: `Passages tagged ${GGE_I} and Paris Call (2018)` });
    await waitForText(cellList, (text) => text.includes('secure development across the supply chain') && text.includes('Carla Reyes'));

    await showTab(a, 'Norms');
    await waitForText(normSection(a, 'Horizontal'), (text) => text.includes(GGE_I) && text.includes('Paris Call (2018)'));
    expect(await normSection(a, 'Initiative-specific').textContent()).not.toContain(GGE_I);

    // Untagging moves it back; editing inside a passage changes its quote for everyone.
    paper.untag('p2', 'paris-call');
    await waitForText(normSection(a, 'Initiative-specific'), (text) => text.includes(GGE_I));
    paper.editor.type(paper.editor.offsetOf('supply chain of ICT') + 'supply'.length, ' and service');
    const passages = await showTab(a, 'Passages');
    await waitForText(passages, (text) => text.includes('integrity of the supply and service chain'));

    // A passage links to its place; in the open document only the hash changes (the editor then
    // selects the passage and may clear the hash).
    const link = passages.getByRole('link', { name: /integrity of the supply and service chain/ });
    expect(await link.getAttribute('href')).toBe(`/w/${WORKSPACE}/d/${paper.documentId}#annotation=p1`);
    await a.evaluate(() => {
      (window as unknown as { hashes: string[] }).hashes = [];
      window.addEventListener('hashchange', (event) => (window as unknown as { hashes: string[] }).hashes.push(new URL(event.newURL).hash));
    });
    await link.click();
    await expect.poll(() => a.evaluate(() => (window as unknown as { hashes: string[] }).hashes)).toContain('#annotation=p1');
    expect(new URL(a.url()).pathname).toBe(`/w/${WORKSPACE}/d/${paper.documentId}`);
  });

  it('counts the passages of every document in workspace scope, live', async () => {
    const a = amina.page;
    const coverage = await showTab(a, 'Coverage');
    const civilSociety = () => coverage.locator('tr', { hasText: 'Civil society' }).locator('th, td').allTextContents();
    await expect.poll(civilSociety).toEqual(['Civil society', '1', '1']);

    await sidebar(a).getByRole('radio', { name: 'Whole workspace' }).check();
    await waitForText(sidebar(a).locator('.scope__progress'), (text) => /^All 3 documents, live$/.test(text));
    await expect.poll(civilSociety).toEqual(['Civil society', '2', '2']);

    // A tag added in a document nobody has open reaches the workspace view.
    notes.tag('n2', 'Civil society asked', ['cs']);
    await expect.poll(civilSociety).toEqual(['Civil society', '3', '2']);

    await sidebar(a).getByRole('radio', { name: 'This document' }).check();
    await expect.poll(civilSociety).toEqual(['Civil society', '1', '1']);
  });

  it('merging two terms in the taxonomy panel updates the other member’s views', async () => {
    const a = amina.page;
    paper.tag('p3', 'Electoral infrastructure', ['gcsc-2']);
    paper.tag('p4', 'Elections must be defended', ['paris-3']);
    await showTab(a, 'Norms');
    const specific = normSection(a, 'Initiative-specific');
    await waitForText(specific, (text) => text.includes('GCSC 2 · Electoral infrastructure') && text.includes('Paris 3 · Defend electoral processes'));

    const b = ben.page;
    await b.getByRole('link', { name: 'Taxonomy' }).click();
    await b.getByRole('heading', { name: 'Taxonomy', level: 1 }).waitFor();
    await b.getByLabel('Find a term').fill('electoral');
    await b.getByRole('button', { name: 'Merge… GCSC 2 · Electoral infrastructure' }).click();
    const dialog = b.getByRole('dialog', { name: 'Merge “GCSC 2 · Electoral infrastructure”' });
    await dialog.getByLabel('Merge into').selectOption({ label: 'Paris 3 · Defend electoral processes' });
    await waitForText(dialog, (text) => text.includes('Every passage tagged “GCSC 2 · Electoral infrastructure” will count as “Paris 3 · Defend electoral processes”'));
    await dialog.getByRole('button', { name: 'Merge into “Paris 3 · Defend electoral processes”' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForText(b.getByRole('status').filter({ hasText: 'Merged' }), (text) => text.includes('Merged “GCSC 2'));

    await waitForText(specific, (text) => !text.includes('GCSC 2 · Electoral infrastructure'));
    await waitForText(specific.locator('[data-norm="paris-3"]'), (text) => text.includes('2 passages'));
  });

  it('exports the taxonomy as JSON; a bad file lists every problem and changes nothing', async () => {
    const b = ben.page;
    await b.getByLabel('Find a term').fill('');
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`taxonomy-${WORKSPACE}.json`);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { format: string; terms: { id: string; mergedInto?: string }[] };
    expect(exported.format).toBe('normspace-taxonomy');
    expect(exported.terms.find((term) => term.id === 'gcsc-2')?.mergedInto).toBe('paris-3');

    const normsHeading = b.getByRole('heading', { name: /^Norm \(\d+\)$/ });
    const before = await normsHeading.textContent();
    const file = {
      format: 'normspace-taxonomy',
      version: 1,
      kinds: [],
      terms: [
        { id: 'theme-resilience', kind: 'norm', label: 'Resilience theme' },
        { id: 'theme-orphan', kind: 'theme', label: 'Orphan', parentId: 'no-such-parent' },
      ],
    };
    await b.locator('input[type="file"]').setInputFiles({ name: 'bad-taxonomy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const alert = b.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await waitForText(alert, (text) => text.includes('unknown kind "theme"') && text.includes('parent "no-such-parent" does not exist'));
    expect(await alert.getByRole('listitem').count()).toBe(2);

    await b.locator('input[type="file"]').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    await waitForText(alert, (text) => text.includes('not-json.json') && text.includes('not valid JSON'));

    expect(await normsHeading.textContent()).toBe(before);
    await b.getByLabel('Find a term').fill('resilience');
    await b.getByText('No terms to show.').first().waitFor();
  });

  it('has no serious or critical accessibility problems on the sidebar tabs and the taxonomy page', async () => {
    const a = amina.page;
    for (const tab of ['Passages', 'Norms', 'Matrix', 'Coverage', 'Co-occurrence']) {
      await showTab(a, tab);
      if (tab === 'Norms') await sidebar(a).locator('[data-norm="paris-3"] button').click();
      if (tab === 'Matrix') await sidebar(a).locator('.matrix__button').first().click();
      await shoot(a, `sidebar-${tab.toLowerCase()}`);
      expect(await seriousViolations(a, '.analysis-dock'), tab).toEqual([]);
    }
    await sidebar(a).getByRole('button', { name: 'Filter passages' }).click();
    await sidebar(a).getByLabel('Add a term to “All of”').selectOption({ label: 'Civil society' });
    await shoot(a, 'sidebar-filter');
    expect(await seriousViolations(a, '.analysis-dock'), 'filter').toEqual([]);

    const b = ben.page;
    await b.getByLabel('Find a term').fill('');
    await shoot(b, 'taxonomy');
    // Every term renders alike: a shorter list keeps axe quick and still covers groups, trees and badges.
    await b.getByLabel('Find a term').fill('electoral');
    await b.getByLabel('Show merged terms').check();
    expect(await seriousViolations(b), 'taxonomy page').toEqual([]);
    await b.getByRole('button', { name: 'Add a term' }).click();
    const dialog = b.getByRole('dialog', { name: 'Add a term' });
    await dialog.getByLabel('Label').fill('Resilience theme');
    expect(await dialog.getByLabel('Id').inputValue()).toBe('resilience-theme');
    await shoot(b, 'taxonomy-add-term');
    expect(await seriousViolations(b, 'dialog'), 'add-term dialog').toEqual([]);
  });

  it('adds, retires, restores and re-parents a term, and refuses a kind colour too light for white text', async () => {
    const b = ben.page;
    const dialog = b.getByRole('dialog', { name: 'Add a term' });
    await dialog.getByLabel('Parent').selectOption({ label: 'Paris Call (2018)' });
    await dialog.getByRole('button', { name: 'Add term' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the dialog.
    expect(await b.evaluate(() => document.activeElement?.textContent)).toBe('Add a term');
    await b.getByLabel('Find a term').fill('resilience');
    const term = b.locator('[data-term="resilience-theme"]');
    await waitForText(b.locator('.term-group', { has: term }), (text) => text.includes('Under Paris Call (2018)'));
    await term.getByRole('button', { name: 'Retire Resilience theme' }).click();
    await term.getByText('retired', { exact: true }).waitFor();
    await term.getByRole('button', { name: 'Restore Resilience theme' }).click();
    await term.getByText('retired', { exact: true }).waitFor({ state: 'detached' });

    // Re-parenting: the parent select never offers the term's own descendants.
    await b.getByLabel('Find a term').fill('');
    await b.getByRole('button', { name: 'Edit Paris Call (2018)' }).click();
    const edit = b.getByRole('dialog', { name: 'Edit “Paris Call (2018)”' });
    const parentOptions = await edit.getByLabel('Parent').locator('option').allTextContents();
    expect(parentOptions).toContain('GCSC 1 · Public core');
    expect(parentOptions).not.toContain('Paris 1 · Protect individuals and infrastructure');
    expect(parentOptions).not.toContain('Resilience theme');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await b.getByRole('button', { name: 'Edit Resilience theme' }).click();
    const move = b.getByRole('dialog', { name: 'Edit “Resilience theme”' });
    await move.getByLabel('Parent').selectOption({ label: 'GCSC norms (2019)' });
    await move.getByRole('button', { name: 'Save' }).click();
    await move.waitFor({ state: 'detached' });
    await waitForText(b.locator('.term-group', { has: term }), (text) => text.includes('Under GCSC norms (2019)'));

    await b.getByRole('button', { name: 'Add a kind' }).click();
    const kindDialog = b.getByRole('dialog', { name: 'Add a kind of term' });
    await kindDialog.getByLabel('Name').fill('Theme');
    await kindDialog.getByLabel('Colour').fill('#ffd60a');
    await kindDialog.getByRole('button', { name: 'Add kind' }).click();
    await waitForText(kindDialog, (text) => text.includes('choose a darker colour'));
    await kindDialog.getByLabel('Colour').fill('#7c2d12');
    await kindDialog.getByRole('button', { name: 'Add kind' }).click();
    await kindDialog.waitFor({ state: 'detached' });
    await b.getByRole('heading', { name: /^Theme \(0\)$/ }).waitFor();
  });

  it('works from the keyboard and becomes a drawer in a narrow window', async () => {
    const a = amina.page;
    await showTab(a, 'Passages');
    await sidebar(a).getByRole('tab', { name: 'Passages' }).focus();
    await a.keyboard.press('ArrowRight');
    expect(await sidebar(a).getByRole('tab', { name: 'Norms' }).getAttribute('aria-selected')).toBe('true');
    expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('Norms');

    await a.setViewportSize({ width: 1000, height: 720 });
    const show = sidebar(a).getByRole('button', { name: /show the overlap analysis/ });
    await show.click();
    await sidebar(a).getByRole('tab', { name: 'Norms' }).waitFor();
    expect(await a.evaluate(() => document.activeElement?.textContent)).toContain('Hide the analysis');
    await shoot(a, 'sidebar-drawer');
    await a.keyboard.press('Escape');
    await sidebar(a).getByRole('tab', { name: 'Norms' }).waitFor({ state: 'detached' });
    expect(await a.evaluate(() => document.activeElement?.textContent)).toContain('Analysis');
    await a.setViewportSize({ width: 1280, height: 720 });
    await sidebar(a).getByRole('tab', { name: 'Norms' }).waitFor();
  });
});

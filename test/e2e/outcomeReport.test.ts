import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionDocx } from './support/contributionDocx.ts';
import { arrive, editorOf, startE2eApp, typeAtEnd, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { pickTags } from './support/pickTags.ts';
import { selectText } from './support/selectText.ts';

const shots = process.env.SCREENSHOT_DIR;
const TITLE = 'Submission from a regional CERT network';
const AGREED = 'Agreed at the November call: publish this with the analysis annexes.';

/** Exports the open document from its Export dialog with every report option on; returns the saved file. */
async function exportReport(page: Page, format: 'Word (.docx)' | 'PDF', dir: string): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  await dialog.getByLabel('Report title').fill('Best practices on cybersecurity: outcome document');
  for (const option of ['Title page', 'Table of contents', 'Open comments and replies']) await dialog.getByRole('checkbox', { name: option }).check();
  await dialog.getByLabel('Tags', { exact: true }).selectOption({ label: 'Highlight tagged words, tags in numbered notes' });
  for (const annex of ['Horizontal and initiative-specific norms', 'Norms × agreements matrix', 'Stakeholder-group coverage', 'Tagged passages by norm']) {
    await dialog.getByRole('checkbox', { name: annex }).check();
  }
  // The PDF for publishing: tagged for screen readers.
  if (format === 'PDF') await dialog.getByRole('checkbox', { name: /^Tagged for screen readers/ }).check();
  else expect(await dialog.getByRole('checkbox', { name: /^Tagged for screen readers/ }).count()).toBe(0);
  if (shots) await page.screenshot({ path: path.join(shots, `outcome-export-${format === 'PDF' ? 'pdf' : 'docx'}-dialog.png`), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.getByRole('status').filter({ hasText: /Downloaded/ }).waitFor();
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return file;
}

describe('an outcome document from a Word contribution, as the working group makes it', () => {
  let app: E2eApp;
  let alice: User;
  let bruno: User;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-outcome-'));

  beforeAll(async () => {
    app = await startE2eApp();
    alice = await arrive(app, 'Alice Ndiaye', 'Blue');
    bruno = await arrive(app, 'Bruno Costa', 'Green');
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports, co-edits and tags the contribution, then exports DOCX and PDF with notes and annexes that open and read right', async () => {
    // Alice imports the Word file; Bruno opens it from the workspace list as it appears.
    const docx = path.join(dir, 'CERT network submission.docx');
    fs.writeFileSync(docx, await contributionDocx());
    await alice.page.getByRole('button', { name: 'Import…' }).click();
    const importing = alice.page.getByRole('dialog', { name: 'Import a document' });
    await importing.getByLabel('File').setInputFiles(docx);
    await importing.getByLabel('Kind').selectOption({ label: 'Contribution' });
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await alice.page.getByRole('dialog', { name: 'Imported' }).getByRole('link', { name: 'Open the document' }).click();
    await bruno.page.locator('.document-list').getByRole('link', { name: TITLE }).click();
    for (const user of [alice, bruno]) await waitForText(editorOf(user.page), (text) => text.includes('Protect incident responders'));

    // Bruno tags a proposal with a norm and an agreement; Alice sees the highlight, then adds the decision.
    await selectText(bruno.page, 'Protect incident responders');
    await bruno.page.getByRole('button', { name: 'Tag the selected text' }).click();
    await pickTags(bruno.page, ['supply chain integrity', 'paris call']);
    await editorOf(alice.page).locator('.annotation-highlight', { hasText: 'Protect incident responders' }).waitFor();
    await typeAtEnd(alice.page, AGREED);
    await waitForText(editorOf(bruno.page), (text) => text.includes(AGREED));

    // The Word export: heading styles, the decision, Bruno's tag as a footnote, the annexes.
    const word = await exportReport(alice.page, 'Word (.docx)', dir);
    expect(path.basename(word)).toMatch(/\.docx$/);
    const unzipped = path.join(dir, 'docx');
    execFileSync('unzip', ['-q', '-o', word, '-d', unzipped]);
    const body = fs.readFileSync(path.join(unzipped, 'word/document.xml'), 'utf8');
    expect(body).toContain('w:val="Heading1"');
    expect(body).toContain(TITLE);
    expect(body).toContain(AGREED);
    expect(body).toContain('Annex B. Norms × agreements matrix');
    expect(fs.readFileSync(path.join(unzipped, 'word/footnotes.xml'), 'utf8')).toContain('Tagged by Bruno Costa.');

    // The PDF: same content, contents with the right page numbers, the note, the matrix.
    const pdf = await exportReport(alice.page, 'PDF', dir);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const text = pages.join('\n');
    for (const expected of [TITLE, AGREED, 'Tagged by Bruno Costa.', 'Annex B. Norms × agreements matrix', 'Annex D. Tagged passages by norm']) expect(text).toContain(expected);
    // The matrix: the norm's row counts one passage under Paris Call, and one in total.
    expect(text).toContain('Paris Call (2018)');
    expect(text).toMatch(/GGE i · Supply-chain integrity\s+1\s+1/);
    const proposalsPage = Number(/Proposals[ .]*(\d+)\s*$/m.exec(pages[1] ?? '')?.[1]);
    expect(pages[proposalsPage - 1]).toMatch(/^\s*Proposals\s*$/m);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' })).toMatch(/H2 \(block\)\s+"Proposals"/);
    if (shots) {
      for (const page of [1, 2, 3, 4]) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(shots, `outcome-pdf-page-${page}`)]);
    }

    // LibreOffice (when installed) opens the Word file and prints the same report.
    if (fs.existsSync('/usr/bin/soffice')) {
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), word], { timeout: 90_000 });
      const converted = execFileSync('pdftotext', ['-layout', path.join(dir, 'lo', path.basename(word).replace(/\.docx$/, '.pdf')), '-'], { encoding: 'utf8' });
      expect(converted).toContain(TITLE);
      expect(converted).toContain(AGREED);
      expect(converted).toContain('Annex B. Norms × agreements matrix');
      if (shots) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '3', '-l', '3', '-singlefile', path.join(dir, 'lo', path.basename(word).replace(/\.docx$/, '.pdf')), path.join(shots, 'outcome-docx-in-libreoffice')]);
    }
  }, 180_000);
});

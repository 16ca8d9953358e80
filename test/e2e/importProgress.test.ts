import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { arrive, startE2eApp, type E2eApp, type User } from './support/e2eApp.ts';

const shots = process.env.SCREENSHOT_DIR;

/** What the import dialog's bar showed, each time it changed. */
interface BarState {
  label: string | null;
  /** Null while indeterminate. */
  value: number | null;
  max: number;
  detail: string;
}

describe('import progress', () => {
  let app: E2eApp;
  let alice: User;

  beforeAll(async () => {
    app = await startE2eApp();
    alice = await arrive(app, 'Alice Ndiaye', 'Blue');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows how much of the file is uploaded, then that the server is converting it', async () => {
    const paragraph = 'States should not conduct or knowingly support activity that damages critical infrastructure. ';
    const markdown = `# A long contribution\n\n${Array.from({ length: 3000 }, (_, i) => `${i + 1}. ${paragraph}\n\n`).join('')}`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-e2e-')), 'long contribution.md');
    fs.writeFileSync(file, markdown);
    const size = fs.statSync(file).size;
    const page = alice.page;
    // About 300 kB sent at 150 kB/s: the upload takes about two seconds.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 150 * 1024 });

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a document' });
    await dialog.getByLabel('File').setInputFiles(file);
    // Every state the bar goes through, however briefly.
    await page.evaluate(() => {
      const states: BarState[] = [];
      (window as unknown as { barStates: BarState[] }).barStates = states;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('.transfer-dialog progress');
        if (!bar) return;
        const state = {
          label: bar.getAttribute('aria-label'),
          value: bar.hasAttribute('value') ? bar.value : null,
          max: bar.max,
          detail: bar.parentElement?.lastElementChild?.textContent ?? '',
        };
        const last = states.at(-1);
        if (!last || last.label !== state.label || last.value !== state.value || last.detail !== state.detail) states.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const uploading = dialog.getByRole('progressbar', { name: 'Uploading long contribution.md…' });
    await uploading.waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.transfer-dialog progress');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    });
    expect(await uploading.getAttribute('max')).toBe(String(size));
    expect(await dialog.getByText(/^\d+ kB of \d+ kB \(\d+%\)$/).count()).toBe(1);
    expect(await seriousViolations(page, '.transfer-dialog')).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, 'import-uploading.png') });

    const imported = page.getByRole('dialog', { name: 'Imported' });
    await imported.getByText('“A long contribution” is now a contribution').waitFor();
    await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const states = await page.evaluate(() => (window as unknown as { barStates: BarState[] }).barStates);
    const sent = states.filter((state) => state.label === 'Uploading long contribution.md…');
    // Real progress: the bytes sent grow, all against the file's size.
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((state) => state.max === size && state.value !== null)).toBe(true);
    expect(sent.map((state) => state.value)).toEqual([...sent.map((state) => state.value!)].sort((a, b) => a - b));
    // Then the whole file is up, and the bar is indeterminate while the server converts it.
    expect(states.at(-1)).toEqual({ label: 'Converting long contribution.md…', value: null, max: 1, detail: `Uploaded ${Math.round(size / 1024)} kB; the server is making it a document.` });
    await imported.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the server’s reason when it refuses the file, as before', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-e2e-')), 'letter.docx');
    fs.writeFileSync(file, 'just some text');
    const page = alice.page;
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a document' });
    await dialog.getByLabel('File').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('alert').getByText(/not a Word \(\.docx\) document/).waitFor();
    expect(await dialog.getByRole('progressbar').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

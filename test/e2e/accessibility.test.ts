import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE, arrive, editorOf, startE2eApp, type E2eApp } from './support/e2eApp.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('on the workspace page, with the first-visit name dialog and without', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/w/${WORKSPACE}`);
    await page.getByRole('dialog').waitFor();
    await page.locator('.document-row').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const user = await arrive(app, 'Dana Kowalski', 'Gold');
    await user.page.locator('.document-row').first().waitFor();
    await user.page.getByText('Dana Kowalski').first().waitFor();
    expect(await seriousViolations(user.page)).toEqual([]);
    await user.context.close();
  });

  it('on the editor page, with the name dialog closed and open', async () => {
    const user = await arrive(app, 'Eli Mensah', 'Pink');
    await user.page.locator('.document-list').getByRole('link').first().click();
    await editorOf(user.page).locator('table').waitFor();
    await user.page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    expect(await seriousViolations(user.page)).toEqual([]);

    await user.page.getByRole('button', { name: /You are Eli Mensah/ }).click();
    await user.page.getByRole('dialog', { name: 'Your name and colour' }).waitFor();
    expect(await seriousViolations(user.page)).toEqual([]);
    await user.context.close();
  });
});

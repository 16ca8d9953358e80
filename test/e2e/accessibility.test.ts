import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { WORKSPACE, arrive, editorOf, inviteLink, startE2eApp, type E2eApp } from './support/e2eApp.ts';

describe('accessibility (axe-core: no serious or critical violations)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('on the invite page, the page for browsers that never joined, and the workspace page', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(await inviteLink(app, 'editor'));
    await page.locator('form.invite-card').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.server.url}/w/${WORKSPACE}`);
    await page.getByRole('heading', { name: 'You have not joined this workspace' }).waitFor();
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

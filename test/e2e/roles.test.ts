import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { arrive, createDocument, editorOf, join, startE2eApp, typeAtEnd, waitForText, type E2eApp, type User } from './support/e2eApp.ts';
import { selectText } from './support/selectText.ts';

const SENTENCE = 'Member states should protect the public core of the internet from disruption.';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const commentsPanel = (page: Page) => page.getByRole('region', { name: 'Comments' });

describe('roles and invite links', () => {
  let app: E2eApp;
  let owner: User;
  let commenter: User;
  let inviteUrl = '';

  beforeAll(async () => {
    app = await startE2eApp();
    owner = await arrive(app, 'Olu Adeyemi', 'Teal');
    await createDocument(owner.page, 'Public core');
    await typeAtEnd(owner.page, SENTENCE);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('an owner makes a commenter invite link on the members page', async () => {
    await owner.page.goto(`${app.server.url}/w/bpf-cybersecurity/members`);
    await owner.page.getByRole('heading', { name: 'Members' }).waitFor();
    await owner.page.getByLabel('Role', { exact: true }).selectOption('commenter');
    await owner.page.getByLabel('Valid for').selectOption({ label: '1 day' });
    await owner.page.getByRole('button', { name: 'Create invite link' }).click();
    const link = owner.page.getByLabel(/New invite link/);
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite#ey/);
    await owner.page.locator('tr[data-invite-id]').filter({ hasText: 'Commenter' }).filter({ hasText: 'Active' }).waitFor();
    expect(await seriousViolations(owner.page)).toEqual([]);
    await screenshot(owner.page, 'members-invite');
  });

  it('the invite opens a read-only editor in which commenting works, live for the owner', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(inviteUrl);
    await page.getByText(/You are invited as commenter/).waitFor();
    await screenshot(page, 'invite-page');
    await join(page, 'Chen Wei', 'Violet');
    commenter = { name: 'Chen Wei', context, page };
    // no way to create documents; a note says what the role allows
    await page.getByText(/Your role here is commenter/).waitFor();
    expect(await page.getByRole('button', { name: 'Create' }).count()).toBe(0);

    await page.locator('.document-list').getByRole('link', { name: 'Public core' }).click();
    await waitForText(editorOf(page), (text) => text.includes(SENTENCE));
    await page.getByRole('note').filter({ hasText: 'You are a commenter here' }).waitFor();
    expect(await editorOf(page).getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('button', { name: 'Bold', exact: false }).first().isDisabled()).toBe(true);

    // typing does nothing
    await editorOf(page).click();
    await page.keyboard.type('SHOULD NOT APPEAR');
    expect(await editorOf(page).textContent()).not.toContain('SHOULD NOT APPEAR');

    // commenting works
    await selectText(page, 'public core');
    expect(await page.getByRole('button', { name: /^Comment on the selected text/ }).isEnabled()).toBe(true);
    await page.keyboard.press('ControlOrMeta+Alt+m');
    const box = commentsPanel(page).getByRole('combobox', { name: 'New comment' });
    await box.waitFor();
    await box.fill('Which definition of the public core do we use?');
    await box.press('ControlOrMeta+Enter');
    await commentsPanel(page).getByText('Which definition of the public core do we use?').waitFor();
    await owner.page.goto(`${app.server.url}/w/bpf-cybersecurity`);
    await owner.page.locator('.document-list').getByRole('link', { name: 'Public core' }).click();
    await expect.poll(() => commentsPanel(owner.page).getByText('Which definition of the public core do we use?').count(), { timeout: 10_000 }).toBe(1);
    expect(await editorOf(owner.page).textContent()).not.toContain('SHOULD NOT APPEAR');
    await page.getByRole('status').filter({ hasText: /Connected/ }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'commenter-editor');
  });

  it('a viewer reads text and threads but has nothing to write with, and hand-typed keys change nothing', async () => {
    const viewer = await arrive(app, 'Vera Novak', 'Gold', 'viewer');
    await viewer.page.getByText(/Your role here is viewer/).waitFor();
    expect(await viewer.page.getByRole('button', { name: /^(Create|Rename|Archive)/ }).count()).toBe(0);
    await viewer.page.locator('.document-list').getByRole('link', { name: 'Public core' }).click();
    await waitForText(editorOf(viewer.page), (text) => text.includes(SENTENCE));
    await commentsPanel(viewer.page).getByText('Which definition of the public core do we use?').waitFor();
    expect(await commentsPanel(viewer.page).getByRole('button', { name: /^(Resolve|Reply)$/ }).count()).toBe(0);
    await editorOf(viewer.page).click();
    await viewer.page.keyboard.type('VIEWER TYPING');
    await selectText(viewer.page, 'public core');
    // with words selected, the toolbar's Comment button stays off for a viewer (a commenter's is on: see above)
    expect(await viewer.page.getByRole('button', { name: /^Comment on the selected text/ }).isDisabled()).toBe(true);
    await viewer.page.keyboard.press('ControlOrMeta+Alt+m');
    await commentsPanel(viewer.page).getByText(/can read comments but not write them/).waitFor();
    expect(await editorOf(owner.page).textContent()).not.toContain('VIEWER TYPING');
    expect(await seriousViolations(viewer.page)).toEqual([]);
    await viewer.context.close();
  });

  it('a removed member is disconnected at once with a clear message', async () => {
    await owner.page.goto(`${app.server.url}/w/bpf-cybersecurity/members`);
    owner.page.once('dialog', (dialog) => void dialog.accept());
    await owner.page.getByRole('button', { name: 'Remove Chen Wei' }).click();
    await owner.page.getByText('Chen Wei was removed.').first().waitFor();
    await commenter.page.getByRole('heading', { name: 'No access to this workspace' }).waitFor({ timeout: 10_000 });
    await commenter.page.getByText('You are no longer a member of this workspace').waitFor();
    await screenshot(commenter.page, 'removed-member');
    await commenter.context.close();
  });
});

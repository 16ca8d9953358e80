import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { invitePath } from '../../../shared/access/invitePath.ts';
import type { Role } from '../../../shared/access/roles.ts';
import { launchBrowser } from '../../helpers/launchBrowser.ts';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.ts';

export const WORKSPACE = 'bpf-cybersecurity';

export interface E2eApp {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The real server (serving the built client) and one headless Chromium for a test file. */
export async function startE2eApp(): Promise<E2eApp> {
  const index = path.resolve('dist/client/index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} is missing: run \`npm run build\` before the end-to-end tests (npm test and npm run test:e2e do).`);
  }
  const server = await startTestServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

export interface User {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** An invite link to the test workspace with `role`, as a facilitator would send it. */
export async function inviteLink(app: E2eApp, role: Role = 'owner'): Promise<string> {
  const { token } = await app.server.server.access.createInvite({ workspaceId: WORKSPACE, role, expiresInMs: 3_600_000, createdBy: 'e2e' });
  return `${app.server.url}${invitePath(token)}`;
}

/**
 * A new person in a fresh browser profile, joining through an invite link (owner unless `role` is
 * given): the invite page asks for their name and colour, then opens the workspace.
 */
export async function arrive(app: E2eApp, name: string, color: string, role: Role = 'owner'): Promise<User> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  await page.goto(await inviteLink(app, role));
  await join(page, name, color);
  return { name, context, page };
}

/** On an invite page: name, colour, join; resolves once the workspace is open. */
export async function join(page: Page, name: string, color: string): Promise<void> {
  const form = page.locator('form.invite-card');
  await form.waitFor();
  await form.getByLabel('Display name').fill(name);
  await form.getByRole('radio', { name: color }).check();
  await form.getByRole('button', { name: /^Join as/ }).click();
  await page.waitForURL(`**/w/${WORKSPACE}`);
}

export function editorOf(page: Page): Locator {
  return page.locator('#document-text');
}

export function statusOf(page: Page): Locator {
  return page.locator('.connection-status__text');
}

/** Waits until a locator's text satisfies a check (default 10 s); the error shows the last text seen. */
export async function waitForText(locator: Locator, check: (text: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const last = (await locator.textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null)) ?? '';
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`Text of ${locator.toString()} never matched; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Places the caret at the very end of the document and types there in a new paragraph. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Creates a document from the workspace page; the app then opens it. Returns its id. */
export async function createDocument(page: Page, title: string, kind = 'Meeting notes'): Promise<string> {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Kind').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/d\/[a-z0-9-]+$/);
  await editorOf(page).waitFor();
  return page.url().split('/').pop() ?? '';
}

/** The document's blocks as `TAG: text`, without other people's carets: what two converged editors share. */
export function documentBlocks(page: Page): Promise<string[]> {
  return editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((child) => `${child.tagName}: ${child.textContent ?? ''}`);
  });
}

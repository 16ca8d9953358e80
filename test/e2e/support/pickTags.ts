import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Picks terms with the keyboard in the open tag picker: search, Enter to choose the best match, Enter on the empty search to apply. */
export async function pickTags(page: Page, searches: string[], name: RegExp = /^Tag “/): Promise<void> {
  const picker = page.getByRole('dialog', { name });
  await picker.waitFor();
  const search = picker.getByRole('combobox', { name: 'Search tags' });
  for (const query of searches) {
    await page.keyboard.type(query);
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await picker.waitFor({ state: 'detached' });
}

import type { Page } from 'playwright-core';
import { editorOf } from './e2eApp.ts';

/**
 * Selects the first occurrence of `text` in a page's editor, as a person dragging over it would
 * (a DOM selection that ProseMirror picks up), or puts the caret just before or after it.
 */
export async function selectText(page: Page, text: string, caret?: 'before' | 'after'): Promise<void> {
  const editor = editorOf(page);
  await editor.focus();
  await editor.evaluate(
    (root, { text: needle, caret: where }) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        // Other people's caret labels are text inside the editor too.
        acceptNode: (node) => (node.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const joined = nodes.map((node) => node.data).join('');
      const start = joined.indexOf(needle);
      if (start < 0) throw new Error(`"${needle}" is not in the editor`);
      const locate = (offset: number, preferNext: boolean) => {
        let seen = 0;
        for (const node of nodes) {
          const end = seen + node.data.length;
          if (offset < end || (offset === end && !preferNext)) return { node, offset: offset - seen };
          seen = end;
        }
        const last = nodes.at(-1)!;
        return { node: last, offset: last.data.length };
      };
      const from = locate(where === 'after' ? start + needle.length : start, true);
      const to = where ? from : locate(start + needle.length, false);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { text, caret },
  );
  // ProseMirror reads the DOM selection on `selectionchange`.
  await page.waitForTimeout(50);
}

import type * as Y from 'yjs';
import type { Patch } from './Trace.ts';

/** Applies one trace transaction to `text` as one Yjs transaction (one update, as a provider sees it). */
export function applyPatches(text: Y.Text, patches: Patch[]): void {
  text.doc!.transact(() => {
    for (const [pos, deleteCount, insert] of patches) {
      if (deleteCount > 0) text.delete(pos, deleteCount);
      if (insert.length > 0) text.insert(pos, insert);
    }
  });
}

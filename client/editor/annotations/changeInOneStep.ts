import type { Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** The parts of y-tiptap's sync binding used here (its plugin state is typed `any`). */
interface SyncBinding {
  mux: (f: () => void) => void;
  _prosemirrorChanged: (doc: EditorView['state']['doc']) => void;
}

/**
 * Applies an editor change (e.g. a mark) and a change to the document's other Yjs types (the
 * annotation records) as ONE Yjs transaction whose origin is y-tiptap's, so that others receive
 * both at once and undo takes both back in one step. Returns false when it could not (no Yjs binding,
 * or y-tiptap busy applying a remote change).
 */
export function changeInOneStep(view: EditorView, tr: Transaction | null, changeRecords: (doc: Y.Doc) => void): boolean {
  const sync = ySyncPluginKey.getState(view.state) as { doc?: Y.Doc; binding?: SyncBinding } | undefined;
  const doc = sync?.doc;
  const binding = sync?.binding;
  if (!doc || !binding) return false;
  const undoManager = yUndoPluginKey.getState(view.state)?.undoManager as Y.UndoManager | undefined;
  // Its own undo step: not merged with typing that came just before or comes just after.
  undoManager?.stopCapturing();
  // Holding the binding's mutex keeps y-tiptap from writing the editor change in a transaction of
  // its own (and from re-rendering the editor from Yjs afterwards): both go in ours.
  let done = false;
  binding.mux(() => {
    done = true;
    doc.transact(() => {
      if (tr) {
        view.dispatch(tr);
        binding._prosemirrorChanged(view.state.doc);
      }
      changeRecords(doc);
    }, ySyncPluginKey);
  });
  undoManager?.stopCapturing();
  return done;
}

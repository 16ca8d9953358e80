import type { EditorState } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { AnnotationMark } from '../../../shared/annotations/AnnotationMark.ts';
import {
  addTag,
  annotationsMap,
  createAnnotation,
  deleteAnnotation,
  newAnnotationId,
  removeTag,
  type Person,
} from '../../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD } from '../../../shared/editorExtensions.ts';
import { annotationHighlights, annotationHighlightsKey, setHighlightInput } from '../annotations/annotationHighlights.ts';
import { annotationRanges } from '../annotations/annotationRanges.ts';
import { changeInOneStep } from '../annotations/changeInOneStep.ts';
import { QuoteRefresher, isOwnChange, touchedAnnotations } from '../annotations/QuoteRefresher.ts';
import { undoAnnotationRecords } from '../annotations/undoAnnotationRecords.ts';

/** The shortcut that tags the selection (or, with the caret in a passage, opens its card). */
export const TAG_SHORTCUT = 'Mod-Shift-e';

const FLASH_MS = 1600;

export interface AnnotationsOptions {
  /** The text document's Yjs doc: the records live beside the text. */
  document: Y.Doc | null;
  /** Called on `TAG_SHORTCUT`: the page opens the tag picker or the passage card. */
  onTagRequest: () => void;
}

interface AnnotationsStorage {
  quotes: QuoteRefresher | null;
  flashTimer: ReturnType<typeof setTimeout> | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annotations: {
      /** Makes the selected text a passage tagged with these terms (mark and record: one undo step). */
      tagSelection: (termIds: string[], by: Person) => ReturnType;
      addTagToAnnotation: (id: string, termIds: string[], by: Person) => ReturnType;
      removeTagFromAnnotation: (id: string, termId: string) => ReturnType;
      /** Removes the passage: every mark with its id and its record, in one step. */
      removeAnnotation: (id: string) => ReturnType;
      /** Selects the passage, scrolls to it and flashes it. */
      jumpToAnnotation: (id: string) => ReturnType;
      /** The highlight colour of each annotation with a record (computed by the page from the taxonomy). */
      setAnnotationColors: (colors: ReadonlyMap<string, string>) => ReturnType;
      /** Outlines the passages whose card is showing. */
      setActiveAnnotations: (ids: readonly string[]) => ReturnType;
      /** Shows the selection being tagged while the picker has focus, or stops showing it. */
      markPendingSelection: (show: boolean) => ReturnType;
    };
  }
}

/** The selection's text range without the spaces at its ends (double-click often takes one). */
function taggableRange(state: EditorState): { from: number; to: number } | null {
  let { from, to } = state.selection;
  const isBlank = (pos: number) => /^\s*$/.test(state.doc.textBetween(pos, pos + 1, ' ', ' '));
  while (from < to && isBlank(from)) from += 1;
  while (to > from && isBlank(to - 1)) to -= 1;
  return from < to ? { from, to } : null;
}

function quoteBetween(state: EditorState, from: number, to: number): string {
  return state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Tagging in the editor: the shared `annotation` mark with commands to tag, retag and untag
 * passages (text and records change in one Yjs transaction, one undo step), highlights coloured
 * by kind, and quotes kept fresh while people edit.
 */
export const Annotations = AnnotationMark.extend<AnnotationsOptions, AnnotationsStorage>({
  addOptions() {
    return { document: null, onTagRequest: () => {} };
  },

  addStorage() {
    return { quotes: null, flashTimer: null };
  },

  onCreate() {
    const doc = this.options.document;
    if (!doc) return;
    this.storage.quotes = new QuoteRefresher(doc, doc.getXmlFragment(TEXT_FIELD));
    const undoManager = yUndoPluginKey.getState(this.editor.state)?.undoManager as Y.UndoManager | undefined;
    if (undoManager) undoAnnotationRecords(undoManager, doc);
  },

  onTransaction({ transaction }) {
    if (!transaction.docChanged || !this.editor.isEditable || !isOwnChange(transaction)) return;
    this.storage.quotes?.touched(touchedAnnotations(transaction));
  },

  onDestroy() {
    this.storage.quotes?.destroy();
    if (this.storage.flashTimer) clearTimeout(this.storage.flashTimer);
  },

  addKeyboardShortcuts() {
    return {
      [TAG_SHORTCUT]: () => {
        this.options.onTagRequest();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [annotationHighlights()];
  },

  addCommands() {
    return {
      tagSelection:
        (termIds, by) =>
        ({ state, tr, dispatch, view, editor }) => {
          const range = taggableRange(state);
          if (!editor.isEditable || termIds.length === 0 || !range) return false;
          if (!dispatch) return true;
          tr.setMeta('preventDispatch', true);
          const id = newAnnotationId();
          const change = state.tr.addMark(range.from, range.to, this.type.create({ id }));
          if (!change.docChanged) return false; // nothing there can carry a mark (e.g. code blocks)
          const quote = quoteBetween(state, range.from, range.to);
          return changeInOneStep(view, change, (doc) => createAnnotation(doc, { id, by, quote, termIds }));
        },

      addTagToAnnotation:
        (id, termIds, by) =>
        ({ tr, dispatch, view, editor }) => {
          const doc = this.options.document;
          if (!editor.isEditable || !doc || !annotationsMap(doc).has(id) || termIds.length === 0) return false;
          if (!dispatch) return true;
          tr.setMeta('preventDispatch', true);
          return changeInOneStep(view, null, (ydoc) => {
            for (const termId of termIds) addTag(ydoc, id, termId, by);
          });
        },

      removeTagFromAnnotation:
        (id, termId) =>
        ({ tr, dispatch, view, editor }) => {
          const doc = this.options.document;
          if (!editor.isEditable || !doc || !annotationsMap(doc).has(id)) return false;
          if (!dispatch) return true;
          tr.setMeta('preventDispatch', true);
          return changeInOneStep(view, null, (ydoc) => removeTag(ydoc, id, termId));
        },

      removeAnnotation:
        (id) =>
        ({ state, tr, dispatch, view, editor }) => {
          const doc = this.options.document;
          const ranges = annotationRanges(state.doc, id);
          const hasRecord = !!doc && annotationsMap(doc).has(id);
          if (!editor.isEditable || (ranges.length === 0 && !hasRecord)) return false;
          if (!dispatch) return true;
          tr.setMeta('preventDispatch', true);
          const change = state.tr;
          for (const range of ranges) change.removeMark(range.from, range.to, range.mark);
          return changeInOneStep(view, ranges.length > 0 ? change : null, (ydoc) => deleteAnnotation(ydoc, id));
        },

      jumpToAnnotation:
        (id) =>
        ({ tr, dispatch, view }) => {
          const ranges = annotationRanges(tr.doc, id);
          const first = ranges[0];
          const last = ranges.at(-1);
          if (!first || !last) return false;
          if (!dispatch) return true;
          tr.setSelection(TextSelection.create(tr.doc, first.from, last.to)).scrollIntoView();
          setHighlightInput(tr, { flash: id });
          if (this.storage.flashTimer) clearTimeout(this.storage.flashTimer);
          this.storage.flashTimer = setTimeout(() => {
            this.storage.flashTimer = null;
            if (this.editor.isDestroyed) return;
            if (annotationHighlightsKey.getState(this.editor.state)?.flash !== id) return;
            this.editor.view.dispatch(setHighlightInput(this.editor.state.tr, { flash: null }));
          }, FLASH_MS);
          // Centre the passage rather than leaving it at the edge of the window.
          setTimeout(() => {
            if (this.editor.isDestroyed) return;
            const { node } = view.domAtPos(first.from);
            const element = node instanceof Element ? node : node.parentElement;
            element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          }, 0);
          return true;
        },

      setAnnotationColors:
        (colors) =>
        ({ tr, dispatch }) => {
          if (dispatch) setHighlightInput(tr, { colors }).setMeta('addToHistory', false);
          return true;
        },

      setActiveAnnotations:
        (ids) =>
        ({ tr, dispatch }) => {
          if (dispatch) setHighlightInput(tr, { active: ids }).setMeta('addToHistory', false);
          return true;
        },

      markPendingSelection:
        (show) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection;
          if (dispatch) setHighlightInput(tr, { pending: show ? { from, to } : null }).setMeta('addToHistory', false);
          return true;
        },
    };
  },
});

import type * as Y from 'yjs';
import { annotationsMap } from '../../../shared/annotations/annotationDoc.ts';

/**
 * Widens the editor's undo manager (y-tiptap's: only this person's changes made through the
 * editor) to the annotation records, so that undoing a tagging removes its mark and its record,
 * and undoing a removal brings both back.
 */
export function undoAnnotationRecords(undoManager: Y.UndoManager, doc: Y.Doc): void {
  undoManager.addToScope(annotationsMap(doc));
}

import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { annotationsMap } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';

/**
 * The editor's undo manager: like y-tiptap's own (only this person's changes, made through the
 * editor), but over the annotation records too, so undoing a tagging removes the mark and the record.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([doc.getXmlFragment(TEXT_FIELD), annotationsMap(doc)], {
    trackedOrigins: new Set([ySyncPluginKey]),
    deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
    captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
  });
}

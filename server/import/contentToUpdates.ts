import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createAnnotation, type Person } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { ImportedAnnotation } from '../../shared/import/prepareImportedContent.ts';

/**
 * Blocks go into one update until they reach this size (ProseMirror's `nodeSize`: characters
 * plus structure): about 70 KB of update, which the main thread applies in a few milliseconds.
 */
export const UPDATE_CHUNK_SIZE = 20_000;

/**
 * Writes a document's content and its tagged passages into a new Y.Doc and returns the Yjs
 * updates that make it, in order: the top-level blocks a chunk at a time (each chunk appended to
 * the text with y-tiptap's `updateYFragment`, which keeps what is already there, so the result is
 * what one conversion would give), then the annotation records. The main thread applies them to
 * the new document's room one by one, so that the event loop is never held up for long by a long
 * file; an ordinary file is one update.
 */
export function contentToUpdates(doc: ProseMirrorNode, annotations: ImportedAnnotation[], by: Person, at: number, chunkSize = UPDATE_CHUNK_SIZE): Uint8Array[] {
  const ydoc = new Y.Doc();
  const updates: Uint8Array[] = [];
  ydoc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = ydoc.getXmlFragment(TEXT_FIELD);
  const meta = { mapping: new Map(), isOMark: new Map() };
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block));
  let end = 0;
  while (end < blocks.length || end === 0) {
    let size = 0;
    while (end < blocks.length && (size === 0 || size + blocks[end]!.nodeSize <= chunkSize)) size += blocks[end++]!.nodeSize;
    // The blocks already written are the same node objects, which updateYFragment recognises at once.
    ydoc.transact(() => updateYFragment(ydoc, fragment, doc.type.create(doc.attrs, Fragment.fromArray(blocks.slice(0, end))), meta));
    if (end >= blocks.length) break;
  }
  if (annotations.length > 0) ydoc.transact(() => {
    for (const annotation of annotations) createAnnotation(ydoc, { ...annotation, by, at });
  });
  ydoc.destroy();
  return updates;
}

import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import * as Y from 'yjs';
import { createAnnotation, type Person } from '../../shared/annotations/annotationDoc.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';

const schema: Schema = editorSchema();

/**
 * An editor peer without a browser: it reads the ProseMirror document from Yjs, applies a
 * ProseMirror transform, and writes the difference back with y-tiptap's `updateYFragment`, the
 * same diffing the real editor binding uses. Good for convergence tests of anchors.
 */
export class HeadlessEditor {
  readonly doc: Y.Doc;
  readonly schema = schema;

  constructor(doc = new Y.Doc()) {
    this.doc = doc;
  }

  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(TEXT_FIELD);
  }

  get pm(): PMNode {
    return initProseMirrorDoc(this.fragment, schema).doc;
  }

  /** Plain text with one "\n" between blocks (same convention as extractAnchors). */
  get text(): string {
    return this.pm.textBetween(0, this.pm.content.size, '\n');
  }

  edit(change: (tr: Transform, pm: PMNode) => void, origin: unknown = 'local'): void {
    const { doc: pm, meta } = initProseMirrorDoc(this.fragment, schema);
    const tr = new Transform(pm);
    change(tr, pm);
    this.doc.transact(() => updateYFragment(this.doc, this.fragment, tr.doc, meta), origin);
  }

  /** ProseMirror position of the n-th character of the plain text (see `text`). */
  posOf(textOffset: number): number {
    let seen = 0;
    let found = -1;
    let firstBlock = true;
    this.pm.descendants((node, pos) => {
      if (found >= 0) return false;
      if (node.isTextblock) {
        if (!firstBlock) seen += 1; // the "\n" between blocks
        firstBlock = false;
        const length = node.textContent.length;
        if (textOffset <= seen + length) {
          found = pos + 1 + (textOffset - seen);
          return false;
        }
        seen += length;
        return false;
      }
      return true;
    });
    if (found < 0) throw new Error(`offset ${textOffset} is beyond the text`);
    return found;
  }

  /** Types `text` at a plain-text offset, taking the marks a user's typing would take there. */
  type(textOffset: number, text: string): void {
    this.edit((tr, pm) => {
      const pos = this.posOf(textOffset);
      tr.insert(pos, schema.text(text, pm.resolve(pos).marks()));
    });
  }

  /** Tags the first occurrence of `quote` as the editor does: mark and record in one transaction. */
  annotate(id: string, quote: string, termIds: string[], by: Person, origin: unknown = 'local'): void {
    const from = this.posOf(this.offsetOf(quote));
    const to = this.posOf(this.offsetOf(quote) + quote.length);
    this.doc.transact(() => {
      this.edit((tr) => tr.addMark(from, to, schema.marks.annotation!.create({ id })));
      createAnnotation(this.doc, { id, by, quote, termIds });
    }, origin);
  }

  /** Offset in `text` of the first occurrence of `needle`. */
  offsetOf(needle: string): number {
    const index = this.text.indexOf(needle);
    if (index < 0) throw new Error(`"${needle}" not in "${this.text}"`);
    return index;
  }

  setParagraphs(...paragraphs: string[]): void {
    this.edit((tr, pm) => {
      const nodes = paragraphs.map((text) => schema.nodes.paragraph!.create(null, text ? schema.text(text) : null));
      tr.replaceWith(0, pm.content.size, nodes);
    });
  }
}

/** Wires peers so every update reaches every other peer immediately. */
export function connectPeers(...docs: Y.Doc[]): void {
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'remote');
    });
  }
}

/** Exchanges full state between peers that were edited while apart. */
export function syncPeers(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
}

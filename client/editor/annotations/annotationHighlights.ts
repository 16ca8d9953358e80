import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { annotationIdsOf } from './annotationRanges.ts';
import { highlightCss } from './highlightStyle.ts';

/** What the page tells the highlights: set by `setAnnotationColors`, `setActiveAnnotations`, `jumpToAnnotation`. */
export interface HighlightInput {
  /** Colour of each annotation that has a record (its main kind's); others are not highlighted. */
  colors: ReadonlyMap<string, string>;
  /** Annotations whose card is showing: outlined. */
  active: readonly string[];
  /** An annotation just jumped to: flashes once. */
  flash: string | null;
  /** The text being tagged while the picker has focus (the editor's own selection is not shown then). */
  pending: { from: number; to: number } | null;
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet;
}

export const annotationHighlightsKey = new PluginKey<HighlightState>('annotationHighlights');

export function setHighlightInput(tr: Transaction, input: Partial<HighlightInput>): Transaction {
  return tr.setMeta(annotationHighlightsKey, input);
}

function build(doc: PMNode, input: HighlightInput): DecorationSet {
  const decorations: Decoration[] = [];
  const order = new Map<string, number>();
  let run: { from: number; to: number; ids: string[]; key: string } | null = null;
  const flush = () => {
    if (!run) return;
    const classes = ['annotation-highlight'];
    if (run.ids.some((id) => input.active.includes(id))) classes.push('annotation-highlight--active');
    if (input.flash && run.ids.includes(input.flash)) classes.push('annotation-highlight--flash');
    decorations.push(
      Decoration.inline(run.from, run.to, {
        class: classes.join(' '),
        style: highlightCss(run.ids.map((id) => input.colors.get(id)!)),
        'data-annotations': run.key,
      }),
    );
    run = null;
  };
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const ids = annotationIdsOf(node.marks).filter((id) => input.colors.has(id));
    for (const id of ids) if (!order.has(id)) order.set(id, order.size);
    // Passages that start earlier are drawn first (outermost).
    ids.sort((a, b) => order.get(a)! - order.get(b)!);
    const key = ids.join(' ');
    if (run && run.to === pos && run.key === key) {
      run.to = pos + node.nodeSize;
      return false;
    }
    flush();
    if (ids.length > 0) run = { from: pos, to: pos + node.nodeSize, ids, key };
    return false;
  });
  flush();
  const { pending } = input;
  if (pending && pending.from < pending.to) decorations.push(Decoration.inline(pending.from, pending.to, { class: 'annotation-pending' }));
  return DecorationSet.create(doc, decorations);
}

function mapRange(range: HighlightInput['pending'], tr: Transaction): HighlightInput['pending'] {
  return range && { from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) };
}

/**
 * Tints every tagged passage with the colour of its main kind and underlines it; where passages
 * overlap the tints stack (darker) and the underlines stack (one line per passage).
 */
export function annotationHighlights(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: annotationHighlightsKey,
    state: {
      init: (_config, state) => {
        const input: HighlightInput = { colors: new Map(), active: [], flash: null, pending: null };
        return { ...input, decorations: build(state.doc, input) };
      },
      apply: (tr, previous) => {
        const change = tr.getMeta(annotationHighlightsKey) as Partial<HighlightInput> | undefined;
        if (!change && !tr.docChanged) return previous;
        const input: HighlightInput = {
          colors: change?.colors ?? previous.colors,
          active: change?.active ?? previous.active,
          flash: change?.flash !== undefined ? change.flash : previous.flash,
          pending: change?.pending !== undefined ? change.pending : mapRange(previous.pending, tr),
        };
        return { ...input, decorations: build(tr.doc, input) };
      },
    },
    props: {
      decorations: (state) => annotationHighlightsKey.getState(state)?.decorations,
    },
  });
}

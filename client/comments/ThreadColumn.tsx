import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { stackThreads, visibleRange } from './stackThreads.ts';
import type { ThreadPlace } from './threadPlacement.ts';

/** The card being written (a new thread), placed beside the selection like the others. */
export interface DraftCard {
  from: number;
  node: ReactNode;
}

interface Props {
  editor: Editor;
  threads: readonly ThreadRecord[];
  places: ReadonlyMap<string, ThreadPlace>;
  active: string | null;
  /** Beside their passages (wide windows) or simply one after the other (the column under the text). */
  aligned: boolean;
  draft: DraftCard | null;
  /** Changes when the text or the window changed: passages may have moved. */
  layoutKey: unknown;
  listRef: RefObject<HTMLOListElement | null>;
  renderThread: (thread: ThreadRecord) => ReactNode;
}

const DRAFT = '\u0000draft';
const GAP = 8;
/** Rendered beyond the window, above and below, in screens. */
const MARGIN_SCREENS = 1;

/** A card's height before it has been seen: the quote, the comments, the controls and the reply box. */
function estimate(thread: ThreadRecord): number {
  return 150 + Math.min(thread.comments.length, 3) * 56;
}

interface Layout {
  ids: string[];
  tops: number[];
  heights: number[];
  total: number;
}

const EMPTY: Layout = { ids: [], tops: [], heights: [], total: 0 };

function sameLayout(a: Layout, b: Layout): boolean {
  return a.total === b.total && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i] && a.tops[i] === b.tops[i]);
}

/**
 * The thread cards as a column: positioned beside their passages (or stacked), and only those near
 * the window rendered, so that thousands of threads cost what a screenful does. The active card
 * (and a draft) is always rendered, so keyboard focus can reach it.
 */
export function ThreadColumn({ editor, threads, places, active, aligned, draft, layoutKey, listRef, renderThread }: Props) {
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [layout, setLayout] = useState<Layout>(EMPTY);
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const byId = new Map(threads.map((t) => [t.id, t]));

  // Where each card goes: passages measured in the editor, heights as last seen.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || editor.isDestroyed) return;
    const listTop = list.getBoundingClientRect().top;
    const blocks = editor.view.dom.children;
    const first = blocks[0] as HTMLElement | undefined;
    // block.offsetTop is relative to the blocks' common offset parent: anchor it on the first block
    const base = first ? first.getBoundingClientRect().top - listTop - first.offsetTop : 0;
    const near = (y: number) => y > -window.innerHeight * 2 - listTop && y < window.innerHeight * 3 - listTop;
    // The top of the passage's line near the window; far from it, the top of its block is enough
    // (cheap: one offsetTop instead of measuring a text range, for thousands of threads).
    const desiredOf = (from: number | undefined, previous: number) => {
      if (!aligned || from === undefined) return previous;
      try {
        const block = blocks[editor.state.doc.resolve(from).index(0)] as HTMLElement | undefined;
        const rough = block ? base + block.offsetTop : previous;
        return block && !near(rough) ? rough : editor.view.coordsAtPos(from).top - listTop;
      } catch {
        return previous;
      }
    };
    const items: { id: string; desired: number; height: number }[] = [];
    let previous = 0;
    let draftPlaced = !draft;
    for (const thread of threads) {
      const place = places.get(thread.id);
      if (!draftPlaced && draft && (!place || place.from > draft.from)) {
        previous = desiredOf(draft.from, previous);
        items.push({ id: DRAFT, desired: previous, height: heights.current.get(DRAFT) ?? 160 });
        draftPlaced = true;
      }
      previous = desiredOf(place?.from, previous);
      items.push({ id: thread.id, desired: previous, height: heights.current.get(thread.id) ?? estimate(thread) });
    }
    if (!draftPlaced && draft) items.push({ id: DRAFT, desired: desiredOf(draft.from, previous), height: heights.current.get(DRAFT) ?? 160 });
    const tops = stackThreads(items, draft ? DRAFT : active, GAP);
    const last = items.length - 1;
    const next: Layout = {
      ids: items.map((i) => i.id),
      tops,
      heights: items.map((i) => i.height),
      total: last < 0 ? 0 : tops[last]! + items[last]!.height,
    };
    setLayout((current) => (sameLayout(current, next) ? current : next));
  }, [editor, listRef, threads, places, active, aligned, draft, layoutKey, measured]);

  // Which cards are near the window, on scroll and resize.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const list = listRef.current;
      if (!list) return;
      const top = list.getBoundingClientRect().top;
      const margin = window.innerHeight * MARGIN_SCREENS;
      const next = visibleRange(layout.tops, layout.heights, -top - margin, -top + window.innerHeight + margin);
      setRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [layout, listRef]);

  // Heights as rendered: a card that grew or shrank moves the ones after it.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.item;
        const height = Math.round(entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
        if (!id || height === 0 || heights.current.get(id) === height) continue;
        heights.current.set(id, height);
        changed = true;
      }
      if (changed) frame ||= requestAnimationFrame(() => {
        frame = 0;
        setMeasured((n) => n + 1);
      });
    });
    for (const item of list.querySelectorAll<HTMLElement>(':scope > li[data-item]')) observer.observe(item);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  });

  const shown = new Set<number>();
  for (let i = range[0]; i < range[1]; i++) shown.add(i);
  layout.ids.forEach((id, i) => {
    if (id === active || id === DRAFT) shown.add(i);
  });
  const setSize = threads.length;
  return (
    <ol className={`comments-panel__list${aligned ? ' comments-panel__list--aligned' : ''}`} ref={listRef} style={{ height: layout.total }}>
      {[...shown]
        .sort((a, b) => a - b)
        .map((i) => {
          const id = layout.ids[i]!;
          if (id === DRAFT) {
            return (
              <li key={DRAFT} data-item={DRAFT} className="comments-panel__item" style={{ top: layout.tops[i] }}>
                {draft?.node}
              </li>
            );
          }
          const thread = byId.get(id);
          if (!thread) return null;
          const position = threads.indexOf(thread) + 1;
          return (
            <li key={id} data-item={id} className="comments-panel__item" style={{ top: layout.tops[i] }} aria-posinset={position} aria-setsize={setSize}>
              {renderThread(thread)}
            </li>
          );
        })}
    </ol>
  );
}

import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';

export interface HoveredAnnotations {
  /** The annotations under the pointer and the document position there, or null. */
  current: { ids: string[]; pos: number } | null;
  /** The pointer entered the card: keep it. */
  keep: () => void;
  /** The pointer left the card: hide it after a moment. */
  release: () => void;
  clear: () => void;
}

const SHOW_AFTER_MS = 250;
const HIDE_AFTER_MS = 300;

/** Which highlighted passages the pointer rests on (after a short pause), for the passage card. */
export function useHoveredAnnotations(editor: Editor): HoveredAnnotations {
  const [current, setCurrent] = useState<HoveredAnnotations['current']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const actions = useMemo(() => {
    const schedule = (next: HoveredAnnotations['current'], delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCurrent(next), delay);
    };
    return {
      schedule,
      keep: () => {
        if (timer.current) clearTimeout(timer.current);
      },
      release: () => schedule(null, HIDE_AFTER_MS),
      clear: () => schedule(null, 0),
    };
  }, []);

  useEffect(() => {
    const dom = editor.view.dom;
    const onOver = (event: MouseEvent) => {
      const target = (event.target as Element | null)?.closest?.('[data-annotations]');
      const ids = target?.getAttribute('data-annotations')?.split(' ') ?? [];
      if (ids.length === 0) return actions.release();
      const pos = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
      if (pos !== undefined) actions.schedule({ ids, pos }, SHOW_AFTER_MS);
    };
    dom.addEventListener('mouseover', onOver);
    dom.addEventListener('mouseleave', actions.release);
    return () => {
      dom.removeEventListener('mouseover', onOver);
      dom.removeEventListener('mouseleave', actions.release);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [editor, actions]);

  return { current, keep: actions.keep, release: actions.release, clear: actions.clear };
}

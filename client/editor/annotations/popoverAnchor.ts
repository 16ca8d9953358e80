import type { Editor } from '@tiptap/core';

export interface PopoverAnchor {
  left: number;
  top: number;
  /** Open upwards from `top` (more room above than below). */
  above: boolean;
  /** Room available on that side: the popover scrolls inside it. */
  maxHeight: number;
}

/**
 * Where to put a popover of about this size next to a document position: inside `frame` (the
 * positioned element around the text), below the line, or above it when there is more room there.
 */
export function popoverAnchor(
  editor: Editor,
  frame: HTMLElement | null,
  pos: number,
  size: { width: number; height: number },
): PopoverAnchor | null {
  if (!frame || editor.isDestroyed) return null;
  const box = frame.getBoundingClientRect();
  const coords = editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size));
  // The sticky header and toolbar cover the top of the window.
  const covered = document.querySelector('.toolbar-bar')?.getBoundingClientRect().bottom ?? 0;
  const below = window.innerHeight - coords.bottom - 12;
  const above = coords.top - covered - 12;
  const upwards = below < size.height && above > below;
  return {
    left: Math.max(8, Math.min(coords.left - box.left - 16, box.width - size.width - 8)),
    top: upwards ? coords.top - box.top - 6 : coords.bottom - box.top + 6,
    above: upwards,
    maxHeight: Math.max(160, Math.min(size.height, upwards ? above : below)),
  };
}

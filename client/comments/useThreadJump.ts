import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { subscribeLocation } from '../router/navigate.ts';
import type { Room } from '../sync/openRoom.ts';

const HASH = /^#thread=([A-Za-z0-9_-]+)$/;
const GIVE_UP_AFTER_MS = 8000;

/** The thread id in `#thread=<id>`, if the URL has one. */
export function threadInHash(hash: string): string | null {
  return HASH.exec(hash)?.[1] ?? null;
}

/**
 * Goes to the thread named by the URL's `#thread=<id>` (links from the facilitator view and
 * notifications): once its passage is highlighted, selects it, scrolls to it and makes the thread
 * active. The hash is then removed so that the same link works again.
 */
export function useThreadJump(editor: Editor, room: Room, activate: (threadId: string) => void): void {
  useEffect(() => {
    let pending: string | null = null;
    let giveUp: ReturnType<typeof setTimeout> | null = null;
    const attempt = () => {
      const id = pending;
      if (!id || editor.isDestroyed) return;
      pending = null; // before the command: it dispatches a transaction, which calls this again
      if (!editor.commands.selectCommentRange(id)) {
        pending = id;
        return;
      }
      activate(id);
      if (threadInHash(window.location.hash)) {
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      }
    };
    const read = () => {
      const id = threadInHash(window.location.hash);
      if (!id) return;
      pending = id;
      attempt();
      if (giveUp) clearTimeout(giveUp);
      giveUp = setTimeout(() => (pending = null), GIVE_UP_AFTER_MS);
    };
    read();
    editor.on('transaction', attempt);
    window.addEventListener('hashchange', read);
    const unsubscribe = subscribeLocation(read);
    return () => {
      if (giveUp) clearTimeout(giveUp);
      editor.off('transaction', attempt);
      window.removeEventListener('hashchange', read);
      unsubscribe();
    };
  }, [editor, room, activate]);
}

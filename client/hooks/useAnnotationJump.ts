import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { subscribeLocation } from '../router/navigate.ts';
import type { Room } from '../sync/openRoom.ts';

const HASH = /^#annotation=([A-Za-z0-9_-]+)$/;
/** How long after the document has synced a passage may still appear (late updates). */
const GIVE_UP_AFTER_SYNC_MS = 5000;

/** The annotation id in `#annotation=<id>`, if the URL has one. */
export function annotationInHash(hash: string): string | null {
  return HASH.exec(hash)?.[1] ?? null;
}

/**
 * Goes to the passage named by the URL's `#annotation=<id>` (set by links to passages, on this
 * document's page or on another's): once its text is there, selects it, scrolls to it and flashes
 * it. The hash is then removed, so that the same link works again.
 */
export function useAnnotationJump(editor: Editor, room: Room): void {
  useEffect(() => {
    let pending: string | null = null;
    let giveUp: ReturnType<typeof setTimeout> | null = null;

    const attempt = () => {
      if (!pending || editor.isDestroyed) return;
      if (!editor.commands.jumpToAnnotation(pending)) return;
      pending = null;
      editor.view.focus();
      if (annotationInHash(window.location.hash)) {
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      }
    };
    const onSync = (synced: boolean) => {
      if (!synced || !pending) return;
      attempt();
      if (giveUp) clearTimeout(giveUp);
      giveUp = setTimeout(() => (pending = null), GIVE_UP_AFTER_SYNC_MS);
    };
    const read = () => {
      const id = annotationInHash(window.location.hash);
      if (!id) return;
      pending = id;
      attempt();
      if (pending && room.provider.synced) onSync(true);
    };

    read();
    editor.on('update', attempt);
    room.provider.on('sync', onSync);
    window.addEventListener('hashchange', read);
    const unsubscribe = subscribeLocation(read);
    return () => {
      if (giveUp) clearTimeout(giveUp);
      editor.off('update', attempt);
      room.provider.off('sync', onSync);
      window.removeEventListener('hashchange', read);
      unsubscribe();
    };
  }, [editor, room]);
}

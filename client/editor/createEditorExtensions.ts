import type { AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TEXT_FIELD, contentExtensions } from '../../shared/editorExtensions.ts';
import type { Identity } from '../identity/identityStorage.ts';
import type { Room } from '../sync/openRoom.ts';
import { Annotations } from './extensions/Annotations.ts';
import { Comments } from './extensions/Comments.ts';
import { LinkShortcut } from './extensions/LinkShortcut.ts';
import { WordPaste } from './extensions/WordPaste.ts';

/**
 * The document schema shared with the server, bound to the room's Yjs document (undo and redo then
 * only touch your own changes, tags included), plus everyone's carets and the client-only editing aids.
 */
export function createEditorExtensions(options: {
  room: Room;
  user: Identity;
  onLinkRequest: () => void;
  onTagRequest: () => void;
  onCommentRequest?: () => void;
  onThreadClick?: (threadId: string) => void;
}): AnyExtension[] {
  const annotationMark = Annotations.configure({ document: options.room.doc, onTagRequest: options.onTagRequest });
  return [
    ...contentExtensions({ annotationMark }),
    Collaboration.configure({ document: options.room.doc, field: TEXT_FIELD }),
    CollaborationCaret.configure({ provider: options.room.provider, user: { ...options.user } }),
    WordPaste,
    LinkShortcut.configure({ onRequest: options.onLinkRequest }),
    Comments.configure({
      onCommentRequest: () => options.onCommentRequest?.(),
      onThreadClick: (threadId) => options.onThreadClick?.(threadId),
    }),
  ];
}

import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { useThreadJump } from '../comments/useThreadJump.ts';
import { createEditorExtensions } from '../editor/createEditorExtensions.ts';
import { useAnnotationJump } from '../hooks/useAnnotationJump.ts';
import { useSharedRoom } from '../hooks/useSharedRoom.ts';
import { useTaxonomy } from '../hooks/useTaxonomy.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import type { Identity } from '../identity/identityStorage.ts';
import type { Room } from '../sync/openRoom.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { HighlightLegend } from './HighlightLegend.tsx';
import { LinkEditor } from './LinkEditor.tsx';
import { TaggingLayer } from './TaggingLayer.tsx';

interface Props {
  documentId: string;
  room: Room;
  user: Identity;
  editable: boolean;
  /** Whether we may write comment threads (commenters may, on a text they cannot edit). */
  commentable: boolean;
  title: string;
}

/** The collaborative rich-text editor of one document, with its toolbar and tagging. */
export function DocumentEditor({ documentId, room, user, editable, commentable, title }: Props) {
  const { workspaceId } = useWorkspace();
  const threadsRoom = useSharedRoom({ workspaceId, documentId, channel: 'threads' });
  const commentRequest = useRef(() => {});
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const { taxonomy } = useTaxonomy(workspaceId);
  const [linkEditorOpen, setLinkEditorOpen] = useState(false);
  const openLinkEditor = useRef(() => setLinkEditorOpen(true));
  const tagRequest = useRef(() => {});
  const page = useRef<HTMLDivElement>(null);
  const initialUser = useRef(user);

  const editor = useEditor(
    {
      extensions: createEditorExtensions({
        room,
        user: initialUser.current,
        onLinkRequest: () => openLinkEditor.current(),
        onTagRequest: () => tagRequest.current(),
        onCommentRequest: () => commentRequest.current(),
        onThreadClick: (threadId) => setActiveThread(threadId),
      }),
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: 'document-text',
          class: 'document-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Document text',
          spellcheck: 'true',
          // Focusable when read-only too, so that viewers and commenters can select and use shortcuts.
          tabindex: '0',
        },
      },
    },
    [room],
  );

  useEffect(() => {
    editor.commands.updateUser({ ...user });
  }, [editor, user]);

  useEffect(() => {
    editor.setEditable(editable);
    if (!editable) setLinkEditorOpen(false);
  }, [editor, editable]);

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', `Text of ${title}`);
  }, [editor, title]);

  useAnnotationJump(editor, room);
  useThreadJump(editor, room, setActiveThread);

  return (
    <div className="document-editor">
      <div className="toolbar-bar">
        <EditorToolbar
          editor={editor}
          onLinkRequest={() => setLinkEditorOpen(true)}
          onTagRequest={() => tagRequest.current()}
          onCommentRequest={() => commentRequest.current()}
          mayComment={commentable}
        />
        {linkEditorOpen && editable && <LinkEditor editor={editor} onClose={() => setLinkEditorOpen(false)} />}
      </div>
      <HighlightLegend taxonomy={taxonomy} />
      <div className="document-editor__body">
      <div className="page" ref={page}>
        <EditorContent editor={editor} />
        <TaggingLayer
          editor={editor}
          room={room}
          workspaceId={workspaceId}
          taxonomy={taxonomy}
          user={user}
          editable={editable}
          frame={page}
          tagRequest={tagRequest}
        />
      </div>
      {threadsRoom && (
        <CommentsPanel
          editor={editor}
          room={room}
          threadsRoom={threadsRoom}
          documentId={documentId}
          me={{ id: user.id, name: user.name, color: user.color }}
          taxonomy={taxonomy}
          active={activeThread}
          onActivate={setActiveThread}
          commentRequest={commentRequest}
          mayWrite={commentable}
        />
      )}
      </div>
    </div>
  );
}

import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { createEditorExtensions } from '../editor/createEditorExtensions.ts';
import type { Identity } from '../identity/identityStorage.ts';
import type { Room } from '../sync/openRoom.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { LinkEditor } from './LinkEditor.tsx';

interface Props {
  room: Room;
  user: Identity;
  editable: boolean;
  title: string;
}

/** The collaborative rich-text editor of one document, with its toolbar. */
export function DocumentEditor({ room, user, editable, title }: Props) {
  const [linkEditorOpen, setLinkEditorOpen] = useState(false);
  const openLinkEditor = useRef(() => setLinkEditorOpen(true));
  const initialUser = useRef(user);

  const editor = useEditor(
    {
      extensions: createEditorExtensions({ room, user: initialUser.current, onLinkRequest: () => openLinkEditor.current() }),
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

  return (
    <div className="document-editor">
      <div className="toolbar-bar">
        <EditorToolbar editor={editor} onLinkRequest={() => setLinkEditorOpen(true)} />
        {linkEditorOpen && editable && <LinkEditor editor={editor} onClose={() => setLinkEditorOpen(false)} />}
      </div>
      <div className="page">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

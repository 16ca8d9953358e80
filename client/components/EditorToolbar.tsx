import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Fragment, useRef } from 'react';
import { TOOLBAR_GROUPS } from '../editor/toolbarActions.ts';
import { useRovingFocus } from '../hooks/useRovingFocus.ts';
import { ToolbarButton } from './ToolbarButton.tsx';

interface Props {
  /** Whether the Comment button works: we may write threads (the text itself may be read-only). */
  mayComment: boolean;
  editor: Editor;
  onLinkRequest: () => void;
  onTagRequest: () => void;
  onCommentRequest: () => void;
}

/** Formatting, structure, table and history commands; one Tab stop, arrow keys inside. */
export function EditorToolbar({ editor, onLinkRequest, onTagRequest, onCommentRequest, mayComment }: Props) {
  const popovers: Record<string, () => void> = { link: onLinkRequest, tag: onTagRequest, comment: onCommentRequest };
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(ref);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const active: Record<string, boolean> = {};
      const enabled: Record<string, boolean> = {};
      for (const group of TOOLBAR_GROUPS) {
        for (const action of group.actions) {
          active[action.id] = action.isActive?.(current) ?? false;
          // Commenting needs the right to write threads, not to edit the text (commenters comment on a read-only text).
          enabled[action.id] = (action.id === 'comment' ? mayComment : current.isEditable) && action.canRun(current);
        }
      }
      return { active, enabled };
    },
  });

  return (
    <div ref={ref} className="toolbar" role="toolbar" aria-label="Formatting" aria-controls="document-text" {...roving}>
      {TOOLBAR_GROUPS.map((group, index) => (
        <Fragment key={group.label}>
          {index > 0 && <span className="toolbar-separator" role="separator" aria-orientation="vertical" />}
          <div className="toolbar-group" role="group" aria-label={group.label}>
            {group.actions.map((action) => (
              <ToolbarButton
                key={action.id}
                action={action}
                editor={editor}
                active={state.active[action.id] ?? false}
                enabled={state.enabled[action.id] ?? false}
                onRun={popovers[action.id]}
              />
            ))}
          </div>
        </Fragment>
      ))}
    </div>
  );
}

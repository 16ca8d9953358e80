import type { Editor } from '@tiptap/core';
import { ariaKeyShortcut, shortcutLabel } from '../editor/shortcutLabel.ts';
import type { ToolbarAction } from '../editor/toolbarActions.ts';
import { ToolbarIcon } from './ToolbarIcon.tsx';

interface Props {
  action: ToolbarAction;
  editor: Editor;
  active: boolean;
  enabled: boolean;
  onRun?: () => void;
}

/** One toolbar button: named for screen readers, shortcut in its tooltip, pressed state for toggles. */
export function ToolbarButton({ action, editor, active, enabled, onRun }: Props) {
  const title = action.shortcut ? `${action.label} (${shortcutLabel(action.shortcut)})` : action.label;
  return (
    <button
      type="button"
      className={`toolbar-button toolbar-button--${action.id}`}
      aria-label={action.label}
      title={title}
      aria-pressed={action.isActive ? active : undefined}
      aria-keyshortcuts={action.shortcut ? ariaKeyShortcut(action.shortcut) : undefined}
      disabled={!enabled}
      // Keep the editor's selection: the click must not move focus before the command runs.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => (onRun ? onRun() : action.run(editor))}
    >
      {action.icon ? <ToolbarIcon name={action.icon} /> : <span aria-hidden="true">{action.text}</span>}
    </button>
  );
}

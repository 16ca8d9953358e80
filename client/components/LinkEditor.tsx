import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface Props {
  editor: Editor;
  onClose: () => void;
}

/** Adds, changes or removes the link on the selection. Escape closes it and returns to the text. */
export function LinkEditor({ editor, onClose }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const existing = editor.getAttributes('link').href as string | undefined;
  const [href, setHref] = useState(existing ?? '');

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const url = withScheme(href.trim());
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url === '') chain.unsetLink().run();
    else if (editor.state.selection.empty && !existing) chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    else chain.setLink({ href: url }).run();
    onClose();
  };

  return (
    <form
      noValidate
      className="link-editor"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={inputId}>Link address</label>
      <input
        id={inputId}
        ref={input}
        type="url"
        inputMode="url"
        placeholder="https://"
        value={href}
        onChange={(event) => setHref(event.target.value)}
      />
      <button type="submit" className="button button--primary">
        {href.trim() === '' && existing ? 'Remove link' : 'Apply'}
      </button>
      {existing && href.trim() !== '' && (
        <button
          type="button"
          className="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={close}>
        Cancel
      </button>
    </form>
  );
}

/** `example.org` means `https://example.org`; addresses with a scheme, paths and anchors stay as typed. */
function withScheme(url: string): string {
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) return url;
  return `https://${url}`;
}

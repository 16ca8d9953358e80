import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Escape, the close button, or the caller's Cancel. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog (`<dialog>.showModal()`: the rest of the page is inert while it is open). Focus
 * goes to the first field (or an `autoFocus` element) and returns to whatever opened it.
 */
export function Dialog({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

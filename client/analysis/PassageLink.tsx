import type { MouseEvent, ReactNode } from 'react';
import type { Passage } from '../../shared/analysis/Passage.ts';
import { annotationHash, documentPath } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';

interface Props {
  workspaceId: string;
  /** The document open in the editor: a passage there is reached by changing the hash only. */
  currentDocumentId: string;
  passage: Passage;
  className?: string;
  children: ReactNode;
}

/**
 * A link to a passage: `<document>#annotation=<id>`. The editor scrolls to and selects the passage
 * named by the hash; in the open document only the hash changes (announced with `hashchange`,
 * even when it is already the same, so that a second click jumps again).
 */
export function PassageLink({ workspaceId, currentDocumentId, passage, className, children }: Props) {
  const hash = annotationHash(passage.id);
  const href = `${documentPath(workspaceId, passage.documentId)}${hash}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (passage.documentId !== currentDocumentId) {
      navigate(href);
      return;
    }
    if (window.location.hash === hash) {
      const url = window.location.href;
      window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: url, newURL: url }));
    } else {
      window.location.hash = hash;
    }
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}

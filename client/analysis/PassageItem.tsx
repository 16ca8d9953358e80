import { isOrphaned, type Passage } from '../../shared/analysis/Passage.ts';
import { TagChip } from '../taxonomy/TagChip.tsx';
import { termDisplay } from '../taxonomy/termDisplay.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { PassageLink } from './PassageLink.tsx';

interface Props {
  view: AnalysisView;
  passage: Passage;
  /** Name the passage's document (workspace scope, matrix cells). */
  showDocument: boolean;
}

/** One passage: its quote (a link that jumps to it), its tags, who tagged it and where. */
export function PassageItem({ view, passage, showDocument }: Props) {
  const orphaned = isOrphaned(passage);
  const quote = passage.quote.trim() || '(no text)';
  const tags = [...new Set(passage.termIds)].map((id) => termDisplay(view.taxonomy, id));
  const title = view.titles.get(passage.documentId) ?? 'Untitled document';
  return (
    <li className={`passage${orphaned ? ' passage--orphaned' : ''}`}>
      {orphaned ? (
        <p className="passage__quote">
          <span className="passage__deleted">Text deleted</span> <q>{quote}</q>
        </p>
      ) : (
        <PassageLink workspaceId={view.workspaceId} currentDocumentId={view.documentId} passage={passage} className="passage__quote">
          <q>{quote}</q>
        </PassageLink>
      )}
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.id}>
              <TagChip term={tag} />
            </li>
          ))}
        </ul>
      )}
      <p className="passage__meta">
        <span className="passage__author">
          <span className="person-dot" style={{ backgroundColor: passage.author.color }} aria-hidden="true" />
          {passage.author.name}
        </span>
        {showDocument && (
          <span className="passage__document">in {passage.documentId === view.documentId ? 'this document' : title}</span>
        )}
      </p>
    </li>
  );
}

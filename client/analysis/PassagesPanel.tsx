import { useMemo } from 'react';
import { isOrphaned, type Passage } from '../../shared/analysis/Passage.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { PassageList } from './PassageList.tsx';

interface DocumentGroup {
  documentId: string;
  title: string;
  anchored: Passage[];
  orphaned: Passage[];
}

function groupsOf(view: AnalysisView): DocumentGroup[] {
  const ids = new Set(view.analysis.allPassages().map((passage) => passage.documentId));
  ids.add(view.documentId);
  const groups = [...ids].map((documentId) => {
    const passages = view.analysis.passagesOf(documentId); // in document order
    return {
      documentId,
      title: documentId === view.documentId ? 'This document' : (view.titles.get(documentId) ?? 'Untitled document'),
      anchored: passages.filter((passage) => !isOrphaned(passage)),
      orphaned: passages.filter(isOrphaned),
    };
  });
  return groups
    .filter((group) => group.documentId === view.documentId || group.anchored.length + group.orphaned.length > 0)
    .sort((a, b) => Number(b.documentId === view.documentId) - Number(a.documentId === view.documentId) || a.title.localeCompare(b.title));
}

/** The passages in scope, document by document and in document order; orphaned ones apart. */
export function PassagesPanel({ view }: { view: AnalysisView }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes whenever the analysis does
  const groups = useMemo(() => groupsOf(view), [view.version, view.analysis, view.titles, view.documentId]);
  const OrphansHeading = view.workspaceScope ? 'h4' : 'h3';
  return (
    <div className="analysis-sections">
      {groups.map((group) => (
        <section key={group.documentId} className="analysis-section" aria-label={`Passages: ${group.title}`}>
          {view.workspaceScope && (
            <h3 className="analysis-section__title">
              {group.title} <span className="count">({group.anchored.length})</span>
            </h3>
          )}
          <PassageList
            view={view}
            passages={group.anchored}
            label={`Tagged passages in ${group.title.toLowerCase() === 'this document' ? 'this document' : group.title}`}
            showDocument={false}
            empty="No tagged passages yet. Select text in the document and tag it with a norm, an agreement or a group."
          />
          {group.orphaned.length > 0 && (
            <div className="orphans">
              <OrphansHeading className="orphans__title">
                Text deleted <span className="count">({group.orphaned.length})</span>
              </OrphansHeading>
              <p className="analysis-note">
                These passages were deleted from the text. Their tags are kept with the last words they covered, and come back if
                the deletion is undone.
              </p>
              <PassageList view={view} passages={group.orphaned} label={`Passages whose text was deleted in ${group.title}`} showDocument={false} />
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

import type { Passage } from '../../shared/analysis/Passage.ts';
import type { AnalysisView } from './AnalysisView.ts';
import { PassageItem } from './PassageItem.tsx';

interface Props {
  view: AnalysisView;
  passages: readonly Passage[];
  label: string;
  showDocument?: boolean;
  empty?: string;
}

/** A list of passages, each linking to its place in its document. */
export function PassageList({ view, passages, label, showDocument = view.workspaceScope, empty = 'No passages.' }: Props) {
  if (passages.length === 0) return <p className="analysis-empty">{empty}</p>;
  return (
    <ul className="passage-list" aria-label={label}>
      {passages.map((passage) => (
        <PassageItem key={`${passage.documentId}/${passage.id}`} view={view} passage={passage} showDocument={showDocument} />
      ))}
    </ul>
  );
}

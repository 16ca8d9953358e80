import { useMemo } from 'react';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import type { AnalysisView } from '../analysis/AnalysisView.ts';
import { CooccurrencePanel } from '../analysis/CooccurrencePanel.tsx';
import { CoveragePanel } from '../analysis/CoveragePanel.tsx';
import { FilterBuilder } from '../analysis/FilterBuilder.tsx';
import { MatrixPanel } from '../analysis/MatrixPanel.tsx';
import { NormsPanel } from '../analysis/NormsPanel.tsx';
import { PassagesPanel } from '../analysis/PassagesPanel.tsx';
import { ANALYSIS_SCOPES, ScopeSwitch, type AnalysisScope } from '../analysis/ScopeSwitch.tsx';
import { Tabs, type TabDef } from '../analysis/Tabs.tsx';
import { useAnalysis } from '../analysis/useAnalysis.ts';
import { usePersistentState } from '../hooks/usePersistentState.ts';
import type { Room } from '../sync/openRoom.ts';
import { useTaxonomyRoom } from '../taxonomy/useTaxonomyRoom.ts';

type TabId = 'passages' | 'norms' | 'matrix' | 'coverage' | 'cooccurrence';

const TABS: readonly TabDef<TabId>[] = [
  { id: 'passages', label: 'Passages' },
  { id: 'norms', label: 'Norms' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'coverage', label: 'Coverage' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
];

interface Props {
  workspaceId: string;
  documentId: string;
  room: Room;
  documents: DocumentMeta[];
}

/** The live overlap analysis beside the editor: scope, filter and five views. */
export function AnalysisSidebar({ workspaceId, documentId, room, documents }: Props) {
  const { taxonomy } = useTaxonomyRoom(workspaceId);
  const [scope, setScope] = usePersistentState<AnalysisScope>('normspace:analysis-scope', 'document', ANALYSIS_SCOPES);
  const [tab, setTab] = usePersistentState<TabId>(
    'normspace:analysis-tab',
    'norms',
    TABS.map((t) => t.id),
  );
  const otherDocumentIds = useMemo(
    () => (scope === 'workspace' ? documents.filter((d) => !d.archived && d.id !== documentId).map((d) => d.id) : []),
    [scope, documents, documentId],
  );
  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const { store, snapshot, progress } = useAnalysis({ workspaceId, documentId, doc: room.doc, taxonomy, otherDocumentIds });

  const view: AnalysisView = {
    analysis: snapshot.analysis,
    version: snapshot.version,
    taxonomy: snapshot.analysis.getTaxonomy(),
    workspaceId,
    documentId,
    titles,
    workspaceScope: scope === 'workspace',
  };

  return (
    <div className="analysis">
      <div className="analysis__controls">
        <ScopeSwitch scope={scope} onChange={setScope} progress={progress} />
        <FilterBuilder snapshot={snapshot} taxonomy={view.taxonomy} onChange={(filter) => store.setFilter(filter)} />
      </div>
      <Tabs label="Analysis views" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'passages' && <PassagesPanel view={view} />}
        {tab === 'norms' && <NormsPanel view={view} />}
        {tab === 'matrix' && <MatrixPanel view={view} />}
        {tab === 'coverage' && <CoveragePanel view={view} />}
        {tab === 'cooccurrence' && <CooccurrencePanel view={view} />}
      </Tabs>
    </div>
  );
}

import { useCallback, useId, useMemo, useState } from 'react';
import { can } from '../../shared/access/permissions.ts';
import { ROLE_LABELS } from '../../shared/access/roles.ts';
import { setRetired } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Term } from '../../shared/taxonomy/taxonomyTypes.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { WorkspaceTrailLink } from '../components/WorkspaceTrailLink.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { KindDialog } from '../taxonomy/KindDialog.tsx';
import { KindLegend } from '../taxonomy/KindLegend.tsx';
import { KindSection, kindSectionId } from '../taxonomy/KindSection.tsx';
import { MergeDialog } from '../taxonomy/MergeDialog.tsx';
import { TaxonomyTransfer } from '../taxonomy/TaxonomyTransfer.tsx';
import { TermDialog } from '../taxonomy/TermDialog.tsx';
import type { TermActions } from '../taxonomy/TermItem.tsx';
import { useTaxonomyRoom } from '../taxonomy/useTaxonomyRoom.ts';

type OpenDialog =
  | { type: 'add-term'; kind: string | undefined }
  | { type: 'edit-term'; termId: string }
  | { type: 'merge'; termId: string }
  | { type: 'kind'; kindId: string | undefined };

function matches(term: Term, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || term.label.toLowerCase().includes(q) || term.id.includes(q) || term.description.toLowerCase().includes(q);
}

/** `/w/<workspace>/taxonomy`: the shared terms and kinds, edited live by everyone in the workspace. */
export function TaxonomyPage() {
  const { workspaceId, index, role } = useWorkspace();
  const manages = can(role, 'taxonomy.manage');
  const { workspace } = useWorkspaceIndex(index.doc, workspaceId);
  const { room, taxonomy, ready } = useTaxonomyRoom(workspaceId);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [message, setMessage] = useState('');
  const [query, setQuery] = useState('');
  const [showMerged, setShowMerged] = useState(false);
  const searchId = useId();
  useDocumentTitle(`Taxonomy · ${workspace?.name ?? workspaceId}`);

  const kinds = [...taxonomy.kinds.values()].sort((a, b) => a.order - b.order);
  const include = useCallback((term: Term) => (showMerged || !term.mergedInto) && matches(term, query), [showMerged, query]);
  // Changing the vocabulary is for facilitators (the server drops anyone else's changes).
  const disabled = !ready || !room || !manages;

  const actions = useMemo<TermActions>(
    () => ({
      edit: (termId) => setDialog({ type: 'edit-term', termId }),
      merge: (termId) => setDialog({ type: 'merge', termId }),
      setRetired: (termId, retired) => {
        if (!room) return;
        const label = taxonomy.terms.get(termId)?.label ?? termId;
        const result = setRetired(room.doc, termId, retired);
        setMessage(
          !result.ok
            ? `“${label}” could not be changed: ${result.error}.`
            : retired
              ? `Retired “${label}”: it is no longer offered for tagging, and stays on the passages that have it.`
              : `Restored “${label}”: it is offered for tagging again.`,
        );
      },
    }),
    [room, taxonomy],
  );

  const closeDialog = (done?: string) => {
    setDialog(null);
    if (done) setMessage(done);
  };
  const termOf = (id: string) => taxonomy.terms.get(id);

  return (
    <>
      <AppHeader
        homeHref={workspacePath(workspaceId)}
        trail={
          <>
            <WorkspaceTrailLink workspaceId={workspaceId} name={workspace?.name} />
            <span className="trail-separator" aria-hidden="true">
              /
            </span>
            <span className="trail-item trail-item--current" aria-current="page">
              Taxonomy
            </span>
          </>
        }
      >
        {room && <ConnectionStatus store={room.status} />}
      </AppHeader>
      <main id="main" tabIndex={-1} className="taxonomy-layout">
        <div className="taxonomy-main">
          <div className="taxonomy-intro">
            <h1 className="page-title">Taxonomy</h1>
            <p>
              The shared vocabulary for tagging passages: norms, agreements, stakeholder groups, incidents and any kind you add.
              Changes reach everyone in the workspace at once.
            </p>
            {!manages && (
              <p className="role-note" role="note">
                Facilitators and owners change the taxonomy; you are {ROLE_LABELS[role].toLowerCase()} here and can browse it.
              </p>
            )}
          </div>
          <div className="taxonomy-tools">
            <div className="field field--grow">
              <label htmlFor={searchId}>Find a term</label>
              <input id={searchId} type="search" value={query} placeholder="Label, id or description" onChange={(event) => setQuery(event.target.value)} />
            </div>
            <label className="toggle">
              <input type="checkbox" checked={showMerged} onChange={(event) => setShowMerged(event.target.checked)} />
              Show merged terms
            </label>
            <button type="button" className="button button--primary" disabled={disabled} onClick={() => setDialog({ type: 'add-term', kind: undefined })}>
              Add a term
            </button>
          </div>
          <p className="taxonomy-message" role="status">
            {message}
          </p>
          {!ready && kinds.length === 0 ? (
            <p className="empty-state">Loading the taxonomy…</p>
          ) : (
            kinds.map((kind) => (
              <KindSection
                key={kind.id}
                kind={kind}
                taxonomy={taxonomy}
                include={include}
                actions={actions}
                onAddTerm={(kindId) => setDialog({ type: 'add-term', kind: kindId })}
                onEditKind={(kindId) => setDialog({ type: 'kind', kindId })}
                disabled={disabled}
              />
            ))
          )}
        </div>
        <aside className="taxonomy-side" aria-label="Kinds, import and export">
          <section className="panel" aria-labelledby={`${searchId}-legend`}>
            <h2 id={`${searchId}-legend`} className="section-title">
              Kinds
            </h2>
            <KindLegend taxonomy={taxonomy} linkTo={(kindId) => `#${kindSectionId(kindId)}`} />
            <button type="button" className="button button--small" disabled={disabled} onClick={() => setDialog({ type: 'kind', kindId: undefined })}>
              Add a kind
            </button>
          </section>
          {room && <TaxonomyTransfer workspaceId={workspaceId} doc={room.doc} disabled={disabled} />}
        </aside>
      </main>
      {room && dialog?.type === 'add-term' && <TermDialog doc={room.doc} taxonomy={taxonomy} kind={dialog.kind} onClose={closeDialog} />}
      {room && dialog?.type === 'edit-term' && termOf(dialog.termId) && (
        <TermDialog doc={room.doc} taxonomy={taxonomy} term={termOf(dialog.termId)} onClose={closeDialog} />
      )}
      {room && dialog?.type === 'merge' && termOf(dialog.termId) && (
        <MergeDialog doc={room.doc} taxonomy={taxonomy} term={termOf(dialog.termId)!} onClose={closeDialog} />
      )}
      {room && dialog?.type === 'kind' && (
        <KindDialog doc={room.doc} taxonomy={taxonomy} kind={dialog.kindId ? taxonomy.kinds.get(dialog.kindId) : undefined} onClose={closeDialog} />
      )}
    </>
  );
}

import { useState } from 'react';
import type { DocumentMeta } from '../../shared/workspaceIndex.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';

interface Props {
  workspaceId: string;
  documents: DocumentMeta[];
  /** The open document (preselected for export); the workspace page preselects every active document. */
  documentId?: string;
  /** Offer import too (the workspace page). */
  canImport?: boolean;
}

/** The Export (and Import) buttons with their dialogs. */
export function TransferButtons({ workspaceId, documents, documentId, canImport = false }: Props) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const initial = documentId ? [documentId] : documents.filter((document) => !document.archived).map((document) => document.id);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('export')}>
        Export…
      </button>
      {canImport && (
        <button type="button" className="button" onClick={() => setOpen('import')}>
          Import…
        </button>
      )}
      {open === 'export' && <ExportDialog workspaceId={workspaceId} documents={documents} initialSelection={initial} onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog workspaceId={workspaceId} onClose={() => setOpen(null)} />}
    </>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from '../components/Link.tsx';
import { useMediaQuery } from '../hooks/useMediaQuery.ts';
import { usePersistentState } from '../hooks/usePersistentState.ts';
import { taxonomyPath } from '../router/matchRoute.ts';

/** Below this width the analysis becomes a drawer over the editor, closed by default. */
export const NARROW_QUERY = '(max-width: 1099px)';

interface Props {
  workspaceId: string;
  children: ReactNode;
}

/**
 * The frame of the analysis sidebar: a column beside the editor that can be collapsed to a rail
 * (remembered in this browser), or a drawer on narrow windows (Escape closes it). Focus follows
 * the toggle, so keyboard users land in the sidebar when they open it and back on the toggle.
 */
export function AnalysisDock({ workspaceId, children }: Props) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [wide, setWide] = usePersistentState<'open' | 'closed'>('normspace:analysis-open', 'open', ['open', 'closed']);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const open = narrow ? drawerOpen : wide === 'open';
  const bodyId = useId();
  const headingId = useId();
  const showRef = useRef<HTMLButtonElement>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);

  const setOpen = (value: boolean) => {
    moveFocus.current = true;
    if (narrow) setDrawerOpen(value);
    else setWide(value ? 'open' : 'closed');
  };

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (open ? hideRef : showRef).current?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (narrow && open && event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
    }
  };

  const className = `analysis-dock${open ? ' is-open' : ' is-closed'}${narrow ? ' is-drawer' : ''}`;
  return (
    <aside className={className} aria-labelledby={headingId} onKeyDown={onKeyDown}>
      {open ? (
        <>
          <div className="analysis-dock__bar">
            <h2 id={headingId} className="analysis-dock__title">
              Overlap analysis
            </h2>
            <Link href={taxonomyPath(workspaceId)} className="analysis-dock__link">
              Taxonomy
            </Link>
            <button
              ref={hideRef}
              type="button"
              className="icon-button"
              aria-expanded="true"
              aria-controls={bodyId}
              title="Hide the analysis"
              onClick={() => setOpen(false)}
            >
              <span aria-hidden="true">{narrow ? '×' : '»'}</span>
              <span className="visually-hidden">Hide the analysis</span>
            </button>
          </div>
          <div id={bodyId} className="analysis-dock__body">
            {children}
          </div>
        </>
      ) : (
        <>
          <h2 id={headingId} className="visually-hidden">
            Overlap analysis
          </h2>
          <button
            ref={showRef}
            type="button"
            className="analysis-dock__show"
            aria-expanded="false"
            aria-controls={bodyId}
            onClick={() => setOpen(true)}
          >
            <span aria-hidden="true">«</span> Analysis
            <span className="visually-hidden">: show the overlap analysis</span>
          </button>
          <div id={bodyId} hidden />
        </>
      )}
    </aside>
  );
}

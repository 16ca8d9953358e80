import type { ScopeProgress } from './ScopeRooms.ts';

export type AnalysisScope = 'document' | 'workspace';
export const ANALYSIS_SCOPES: readonly AnalysisScope[] = ['document', 'workspace'];

interface Props {
  scope: AnalysisScope;
  onChange: (scope: AnalysisScope) => void;
  progress: ScopeProgress;
}

/** "This document / Whole workspace", with how far the workspace's documents have loaded. */
export function ScopeSwitch({ scope, onChange, progress }: Props) {
  const loading = scope === 'workspace' && progress.loaded < progress.total;
  return (
    <div className="scope">
      <fieldset className="segmented">
        <legend className="visually-hidden">Analyse</legend>
        {ANALYSIS_SCOPES.map((value) => (
          <label key={value} className="segmented__option">
            <input type="radio" name="analysis-scope" value={value} checked={scope === value} onChange={() => onChange(value)} />
            <span>{value === 'document' ? 'This document' : 'Whole workspace'}</span>
          </label>
        ))}
      </fieldset>
      <p className="scope__progress" role="status">
        {loading
          ? `Loading ${progress.loaded} of ${progress.total} documents…`
          : scope === 'workspace'
            ? progress.total === 0
              ? 'No other documents in this workspace'
              : `All ${progress.total + 1} documents, live`
            : ''}
      </p>
    </div>
  );
}

import { useId, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { exportTaxonomy, importTaxonomy } from '../../shared/taxonomy/taxonomyJson.ts';
import { readTaxonomy } from '../../shared/taxonomy/taxonomyDoc.ts';

interface Props {
  workspaceId: string;
  doc: Y.Doc;
  disabled: boolean;
}

type Outcome = { ok: true; text: string } | { ok: false; file: string; errors: string[] };

/** Exports the taxonomy as JSON, and imports a file after checking all of it (a bad file changes nothing). */
export function TaxonomyTransfer({ workspaceId, doc, disabled }: Props) {
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const download = () => {
    const json = JSON.stringify(exportTaxonomy(readTaxonomy(doc)), null, 2);
    const url = URL.createObjectURL(new Blob([`${json}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `taxonomy-${workspaceId}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (error) {
      setOutcome({ ok: false, file: file.name, errors: [`the file is not valid JSON (${(error as Error).message})`] });
      return;
    }
    const result = importTaxonomy(doc, data);
    if (!result.ok) {
      setOutcome({ ok: false, file: file.name, errors: result.errors });
      return;
    }
    const { kinds, terms } = result.file;
    setOutcome({
      ok: true,
      text: `Imported “${file.name}”: ${kinds.length} kind${kinds.length === 1 ? '' : 's'} and ${terms.length} term${terms.length === 1 ? '' : 's'} added or updated.`,
    });
  };

  return (
    <section className="panel transfer" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="section-title">
        Import and export
      </h2>
      <p className="panel__hint">A JSON file of kinds and terms. Importing adds and updates; it never removes a term.</p>
      <div className="transfer__actions">
        <button type="button" className="button" onClick={download} disabled={disabled}>
          Export JSON
        </button>
        <label className={`button file-button${disabled ? ' is-disabled' : ''}`} htmlFor={inputId}>
          Import JSON…
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          className="visually-hidden file-button__input"
          disabled={disabled}
          onChange={(event) => void upload(event)}
        />
      </div>
      {outcome?.ok === true && (
        <p className="transfer__result transfer__result--ok" role="status">
          {outcome.text}
        </p>
      )}
      {outcome?.ok === false && (
        <div className="transfer__result transfer__result--error" role="alert">
          <p>
            <strong>Nothing was imported.</strong> “{outcome.file}” has {outcome.errors.length === 1 ? 'a problem' : `${outcome.errors.length} problems`}:
          </p>
          <ul className="transfer__errors">
            {outcome.errors.map((error, index) => (
              <li key={index}>{error}</li>
            ))}
          </ul>
          <button type="button" className="button button--quiet button--small" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}

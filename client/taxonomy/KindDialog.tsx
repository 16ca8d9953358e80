import { useState, type CSSProperties, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { setKind } from '../../shared/taxonomy/taxonomyDoc.ts';
import type { Taxonomy, TermKindDef } from '../../shared/taxonomy/taxonomyTypes.ts';
import { HEX_COLOR } from '../../shared/taxonomy/taxonomyValues.ts';
import { AA_CONTRAST, contrastRatio } from './contrastRatio.ts';
import { Dialog } from './Dialog.tsx';
import { FormField } from './FormField.tsx';
import { IdField } from './IdField.tsx';
import { suggestTermId } from './suggestTermId.ts';
import { TERM_ID_PATTERN } from './validateTermInput.ts';

interface Props {
  doc: Y.Doc;
  taxonomy: Taxonomy;
  /** The kind to edit; absent to add one. */
  kind?: TermKindDef;
  onClose: (message?: string) => void;
}


/** Adds a kind of term or edits one; its colour must carry white text at WCAG AA contrast. */
export function KindDialog({ doc, taxonomy, kind, onClose }: Props) {
  const isNew = kind === undefined;
  const [label, setLabel] = useState(kind?.label ?? '');
  const [id, setId] = useState(kind?.id ?? '');
  const [idEdited, setIdEdited] = useState(false);
  const [color, setColor] = useState(kind?.color ?? '#0e7490');
  const [errors, setErrors] = useState<{ label?: string; id?: string; color?: string }>({});
  const ratio = HEX_COLOR.test(color) ? contrastRatio(color, '#ffffff') : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (label.trim() === '') found.label = 'Give the kind a name.';
    if (isNew && !TERM_ID_PATTERN.test(id)) found.id = 'Use 1–64 characters: lower-case letters, digits and "-".';
    else if (isNew && taxonomy.kinds.has(id)) found.id = `There is already a kind “${id}”.`;
    if (!HEX_COLOR.test(color)) found.color = 'Enter a colour as #rrggbb.';
    else if (ratio < AA_CONTRAST) found.color = `White text on this colour has a contrast of ${ratio.toFixed(1)}:1; choose a darker colour (at least 4.5:1).`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const order = kind?.order ?? Math.max(0, ...[...taxonomy.kinds.values()].map((k) => k.order)) + 1;
    setKind(doc, { id: isNew ? id : kind.id, label: label.trim(), color: color.toLowerCase(), order });
    onClose(isNew ? `Added the kind “${label.trim()}”.` : `Saved the kind “${label.trim()}”.`);
  };

  return (
    <Dialog title={isNew ? 'Add a kind of term' : `Edit the kind “${kind.label}”`} onClose={() => onClose()}>
      <form onSubmit={submit} noValidate className="dialog__form">
        <FormField label="Name" error={errors.label}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoFocus
              maxLength={100}
              value={label}
              onChange={(event) => {
                setLabel(event.target.value);
                if (isNew && !idEdited) setId(suggestTermId(event.target.value));
                setErrors({});
              }}
            />
          )}
        </FormField>
        {isNew && (
          <IdField
            value={id}
            hint="Suggested from the name; you can change it."
            error={errors.id}
            onChange={(value) => {
              setIdEdited(true);
              setId(value);
              setErrors({});
            }}
          />
        )}
        <FormField label="Colour" hint="Used for its legend, chips and highlights; white text must stay readable on it." error={errors.color}>
          {(control) => (
            <div className="color-field">
              <input
                {...control}
                type="color"
                value={HEX_COLOR.test(color) ? color : '#000000'}
                onChange={(event) => {
                  setColor(event.target.value);
                  setErrors({});
                }}
              />
              <span className="color-field__sample" style={{ '--kind-color': HEX_COLOR.test(color) ? color : '#000000' } as CSSProperties}>
                {label.trim() || 'Sample'}
              </span>
              <span className={`color-field__ratio${ratio >= AA_CONTRAST ? '' : ' color-field__ratio--low'}`}>
                {ratio.toFixed(1)}:1 {ratio >= AA_CONTRAST ? '· passes AA' : '· too light'}
              </span>
            </div>
          )}
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {isNew ? 'Add kind' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

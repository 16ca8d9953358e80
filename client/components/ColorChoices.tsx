import { USER_COLORS } from '../identity/userColors.ts';

interface Props {
  value: string;
  onChange: (color: string) => void;
}

/** A radio group of caret colours (arrow keys move between them, as with any radio group). */
export function ColorChoices({ value, onChange }: Props) {
  return (
    <fieldset className="color-choices">
      <legend>Colour of your caret and avatar</legend>
      <div className="color-choices__options">
        {USER_COLORS.map((color) => (
          <label key={color.value} className="color-choice" title={color.name}>
            <input
              type="radio"
              name="identity-color"
              value={color.value}
              checked={value === color.value}
              onChange={() => onChange(color.value)}
            />
            <span className="color-choice__swatch" style={{ backgroundColor: color.value }} aria-hidden="true" />
            <span className="visually-hidden">{color.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

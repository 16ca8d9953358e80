const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number in superscript digits ("12" → "¹²"): note marks that keep the line's height. */
export function superscript(n: number): string {
  return [...String(n)].map((digit) => DIGITS[Number(digit)] ?? digit).join('');
}

/** Caret and avatar colours: each has at least 5:1 contrast with white label text. */
export const USER_COLORS = [
  { name: 'Red', value: '#b42318' },
  { name: 'Orange', value: '#b54708' },
  { name: 'Gold', value: '#8a6100' },
  { name: 'Green', value: '#067647' },
  { name: 'Teal', value: '#0e7490' },
  { name: 'Blue', value: '#175cd3' },
  { name: 'Violet', value: '#6941c6' },
  { name: 'Pink', value: '#c11574' },
] as const;

export function randomUserColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)]?.value ?? USER_COLORS[0].value;
}

export function isUserColor(value: unknown): value is string {
  return USER_COLORS.some((color) => color.value === value);
}

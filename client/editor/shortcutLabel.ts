const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** `Mod-Shift-8` as people read it: `Ctrl+Shift+8`, or `⌘⇧8` on a Mac. */
export function shortcutLabel(shortcut: string): string {
  const keys = shortcut.split('-').map((key) => {
    if (key === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (key === 'Alt') return isMac ? '⌥' : 'Alt';
    if (key === 'Shift') return isMac ? '⇧' : 'Shift';
    return key.length === 1 ? key.toUpperCase() : key;
  });
  return keys.join(isMac ? '' : '+');
}

/** The same shortcut for `aria-keyshortcuts`: `Control+Shift+8`. */
export function ariaKeyShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((key) => (key === 'Mod' ? (isMac ? 'Meta' : 'Control') : key.length === 1 ? key.toUpperCase() : key))
    .join('+');
}

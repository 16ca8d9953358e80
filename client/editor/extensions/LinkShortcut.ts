import { Extension } from '@tiptap/core';

export interface LinkShortcutOptions {
  /** Opens the link editor (the toolbar's popover). */
  onRequest: () => void;
}

/** Mod-K opens the link editor for the selection. */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',

  addOptions() {
    return { onRequest: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onRequest();
        return true;
      },
    };
  },
});

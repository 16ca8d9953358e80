import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { convertOfficeHtml } from '../convertOfficeHtml.ts';

/** Keeps the structure of text pasted from Word: its list paragraphs become real lists. */
export const WordPaste = Extension.create({
  name: 'wordPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('wordPaste'),
        props: { transformPastedHTML: (html) => convertOfficeHtml(html) },
      }),
    ];
  },
});

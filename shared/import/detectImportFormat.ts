import type { ImportFormat } from './ImportRequest.ts';

export type DetectedFormat = { ok: true; format: ImportFormat; text?: string } | { ok: false; error: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function formatFromName(fileName: string | undefined): ImportFormat | undefined {
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === 'docx') return 'docx';
  if (extension === 'md' || extension === 'markdown' || extension === 'txt') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  return undefined;
}

/**
 * Decides what a file is from its bytes, checked against its name or the declared format: a file
 * that is not what it claims gets a sentence saying what it seems to be, before any parsing.
 * Text formats must be UTF-8 without NUL bytes; the decoded text is returned with them.
 */
export function detectImportFormat(bytes: Uint8Array, fileName?: string, declared?: ImportFormat): DetectedFormat {
  if (bytes.byteLength === 0) return { ok: false, error: 'The file is empty.' };
  const claimed = declared ?? formatFromName(fileName);
  if (startsWith(bytes, OLE)) return { ok: false, error: 'This is an older Word (.doc) or other Office binary file. Open it in Word or LibreOffice and save it as .docx, then import that.' };
  if (startsWith(bytes, PDF)) return { ok: false, error: 'This is a PDF, which cannot be imported. Import the Word, Markdown or HTML version instead.' };
  const zip = startsWith(bytes, ZIP);
  if (claimed === 'docx' && !zip) return { ok: false, error: 'This file is not a Word (.docx) document: it may be damaged or have the wrong extension.' };
  if (zip) {
    if (claimed && claimed !== 'docx') return { ok: false, error: `This file claims to be ${claimed === 'html' ? 'HTML' : 'Markdown'} but is a zip archive (perhaps a Word document with the wrong extension).` };
    return { ok: true, format: 'docx' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'This file is neither a Word document nor UTF-8 text: it may be damaged, or saved in another text encoding.' };
  }
  if (text.includes('\u0000')) return { ok: false, error: 'This file holds binary data, not text: it may be damaged.' };
  text = text.replace(/^\uFEFF/, '');
  if (claimed) return { ok: true, format: claimed, text };
  const looksLikeHtml = /^\s*(<!doctype html|<html[\s>]|<body[\s>]|<(p|h[1-6]|div|table|ul|ol)[\s>])/i.test(text);
  return { ok: true, format: looksLikeHtml ? 'html' : 'markdown', text };
}

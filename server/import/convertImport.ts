import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Person } from '../../shared/annotations/annotationDoc.ts';
import { editorSchema } from '../../shared/editorExtensions.ts';
import { detectImportFormat } from '../../shared/import/detectImportFormat.ts';
import { ImportRefused, count, tooDeeplyNested, type ImportLimits } from '../../shared/import/importLimits.ts';
import type { ImportFormat } from '../../shared/import/ImportRequest.ts';
import { contentDepth, htmlNestingDepth, markdownNestingDepth } from '../../shared/import/markupNesting.ts';
import { prepareImportedContent } from '../../shared/import/prepareImportedContent.ts';
import { boundMarkdownEmphasis } from './boundMarkdownEmphasis.ts';
import * as Y from 'yjs';
import { contentToUpdates } from './contentToUpdates.ts';
import { DamagedFileError, docxToHtml } from './docxToHtml.ts';
import { htmlToContent } from './htmlToContent.ts';
import { markdownToHtml } from './markdownToHtml.ts';
import { unpackDocx } from './unpackDocx.ts';

/** One file to convert, as the import worker receives it. */
export interface ImportTask {
  bytes: Uint8Array;
  fileName?: string;
  format?: ImportFormat;
  /** Term ids of the workspace's taxonomy: tags a file carries are kept only when known. */
  knownTerms: string[];
  limits: ImportLimits;
  /** Who imports: credited with the tags the file carries. */
  by: Person;
}

/** A new document's content as Yjs updates to apply in order (see `contentToUpdates`), or why the file cannot be one. */
export type ConvertedImport =
  | { ok: true; format: ImportFormat; updates: Uint8Array[]; annotations: number; headingTitle: string | undefined; warnings: string[] }
  | { ok: false; status: 413 | 422; error: string };

const FORMAT_NAMES: Record<ImportFormat, string> = { docx: 'Word document', markdown: 'Markdown file', html: 'HTML file' };

let schema: ReturnType<typeof editorSchema> | undefined;

/** `sentence` says how long the text is ("This HTML file holds 4,000,000 characters"). */
function checkLength(characters: number, limit: number, sentence: string): void {
  if (characters > limit) throw new ImportRefused(413, `${sentence}; at most ${count(limit)} can be imported. Split it into parts and import each.`);
}

function checkNesting(depth: number, limit: number): void {
  if (depth > limit) throw tooDeeplyNested(limit);
}

/**
 * Turns a file's bytes into editor content, each step within `task.limits` and each limit checked
 * before the parser that it protects: the format against the bytes; a Word file's zip (entries,
 * declared and inflated sizes, compression ratio) before mammoth; a text's length and nesting
 * before marked or the HTML parser, and a Markdown paragraph's emphasis delimiters (see
 * `boundMarkdownEmphasis`); the converted HTML's length and nesting before the HTML parser; the
 * content's nesting and size, its links and tags (`prepareImportedContent`) and the editor
 * schema afterwards. The content is returned as the Yjs updates that write it (`contentToUpdates`). Runs in the import worker (`importWorker.ts`), which also bounds its time
 * and memory; pure apart from that.
 */
export async function convertImport(task: ImportTask): Promise<ConvertedImport> {
  const { limits } = task;
  const detected = detectImportFormat(task.bytes, task.fileName, task.format);
  if (!detected.ok) return { ok: false, status: 422, error: detected.error };
  const what = FORMAT_NAMES[detected.format];
  schema ??= editorSchema();
  try {
    const warnings: string[] = [];
    let html: string;
    if (detected.format === 'docx') {
      const converted = await docxToHtml(unpackDocx(task.bytes, limits));
      html = converted.html;
      if (converted.warnings.length > 0) warnings.push(`Some Word formatting had no equivalent and was simplified (${converted.warnings.length} note${converted.warnings.length === 1 ? '' : 's'} from the converter).`);
    } else {
      const text = detected.text!;
      checkLength(text.length, limits.maxMarkupCharacters, `This ${what} holds ${count(text.length)} characters`);
      if (detected.format === 'markdown') {
        checkNesting(markdownNestingDepth(text, limits.maxNesting), limits.maxNesting);
        const bounded = boundMarkdownEmphasis(text, limits.maxMarkdownDelimiters);
        if (bounded.escaped > 0) {
          warnings.push(`${bounded.escaped} paragraph${bounded.escaped === 1 ? ' has' : 's have'} more than ${count(limits.maxMarkdownDelimiters)} asterisks and underscores: they were kept as characters, without emphasis.`);
        }
        html = markdownToHtml(bounded.markdown);
      } else html = text;
    }
    if (detected.format !== 'html') checkLength(html.length, limits.maxMarkupCharacters, `This ${what} converts to ${count(html.length)} characters of HTML`);
    checkNesting(htmlNestingDepth(html, limits.maxNesting), limits.maxNesting);

    const parsed = htmlToContent(html, schema);
    if (parsed.images > 0) warnings.push(`${parsed.images} image${parsed.images === 1 ? ' was' : 's were'} left out: documents hold text only.`);
    checkNesting(contentDepth(parsed.content, limits.maxNesting), limits.maxNesting);
    const prepared = prepareImportedContent(parsed.content, parsed.tags, new Set(task.knownTerms));
    if (!prepared.ok) return { ok: false, status: 422, error: prepared.error };
    let doc: ProseMirrorNode;
    try {
      doc = ProseMirrorNode.fromJSON(schema, prepared.content);
      doc.check();
    } catch {
      return { ok: false, status: 422, error: 'The file’s structure could not be turned into a document (it may be damaged).' };
    }
    const { annotations, headingTitle } = prepared;
    // one update holding the whole new document, merged here rather than on the main thread
    const updates = [Y.mergeUpdates(contentToUpdates(doc, annotations, task.by, Date.now()))];
    return { ok: true, format: detected.format, updates, annotations: annotations.length, headingTitle, warnings: [...warnings, ...prepared.warnings] };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, status: error.status, error: error.message };
    if (error instanceof DamagedFileError) return { ok: false, status: 422, error: error.message };
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, status: 422, error: tooDeeplyNested(limits.maxNesting).message };
    throw error;
  }
}

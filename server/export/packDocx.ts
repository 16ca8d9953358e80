import { Packer, type Document } from 'docx';
import { zipSync, type Zippable } from 'fflate';
import type { RawXmlParts } from './RawXmlParts.ts';

/** What `Packer` zips: docx's compiler, which writes a document's parts (XML and media) by their paths. */
interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/** Every entry gets this date, so the same parts zip to the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;

/**
 * A Word document as .docx bytes: docx's compiler writes the parts, the raw XML goes in place of
 * its placeholders, and fflate zips them, as docx's own `Packer` does (it cannot be used here:
 * it zips the parts before the raw XML could be put in). docx keeps its compiler private: the
 * DOCX writer's tests fail should a release of docx move it.
 */
export async function packDocx(doc: Document, raw: RawXmlParts): Promise<Buffer> {
  if (typeof compiler?.compile !== 'function') throw new Error('this version of docx has no Packer.compiler: see server/export/packDocx.ts');
  const files: Zippable = {};
  for (const [path, data] of compiler.compile(doc)) files[path] = typeof data === 'string' ? Buffer.from(raw.splice(data), 'utf8') : data;
  return Buffer.from(zipSync(files, { level: 6, mtime: ZIP_TIME }));
}

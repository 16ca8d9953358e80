import { Packer, type Document } from 'docx';
import type { RawXmlParts } from './RawXmlParts.ts';
import { writeZip } from './writeZip.ts';

/** What `Packer` zips: docx's compiler, which writes a document's parts (XML and media) by their paths. */
interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;

/**
 * A Word document as .docx bytes: docx writes the parts, the raw XML goes in place of its
 * placeholders, and Node's zlib zips them (`Packer.toBuffer` deflates in JavaScript on the event
 * loop, about ten times slower). docx keeps its compiler private: the DOCX writer's tests fail
 * should a release of docx move it.
 */
export async function packDocx(doc: Document, raw: RawXmlParts): Promise<Buffer> {
  if (typeof compiler?.compile !== 'function') throw new Error('this version of docx has no Packer.compiler: see server/export/packDocx.ts');
  const parts = compiler.compile(doc);
  for (const [path, data] of parts) if (typeof data === 'string') parts.set(path, raw.splice(data));
  return writeZip(parts);
}

import { Inflate, zipSync } from 'fflate';
import { ImportRefused, RATIO_CHECKED_ABOVE, count, sizeText, type ImportLimits } from '../../shared/import/importLimits.ts';
import { DamagedFileError } from './docxToHtml.ts';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: deflate expands at most about 1,032:1, so one step adds at most about 4 MB past the cap. */
const INFLATE_STEP = 4096;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

const damaged = (why: string) => new DamagedFileError(`This Word document could not be read: it may be damaged (${why}).`);
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

function readEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no zip directory');
  const total = view.getUint16(end + 10, true);
  const directory = view.getUint32(end + 16, true);
  if (total === 0xffff || directory === 0xffffffff) throw damaged('a zip64 archive, which Word never writes');
  if (total > maxEntries) {
    throw new ImportRefused(413, `This Word document holds ${count(total)} files; at most ${count(maxEntries)} can be imported. Save it again from Word (images can be left out) and import that.`);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = directory;
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_ENTRY) throw damaged('a broken zip directory');
    if (view.getUint16(at + 8, true) & 1) throw damaged('an encrypted part');
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localHeader: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localHeader === 0xffffffff) throw damaged('a zip64 part, which Word never writes');
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function tooLarge(limit: number): ImportRefused {
  return new ImportRefused(
    413,
    `This Word document is too large to import: its text and formatting unpack to more than ${sizeText(limit)} (images not counted). Split it into parts and import each.`,
  );
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_ENTRY) throw damaged(`a broken zip entry for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw damaged(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates `data`, stopping with `onExceeded()` as soon as the output passes `cap` bytes (so a bomb never unpacks past it). */
function inflateCapped(data: Uint8Array, cap: number, onExceeded: () => Error, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.byteLength;
    if (total > cap) throw onExceeded();
    chunks.push(chunk);
  });
  try {
    if (data.byteLength === 0) inflater.push(data, true);
    for (let at = 0; at < data.byteLength; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.byteLength);
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw damaged(`${name} could not be unpacked`);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Checks a Word file's zip before any parser sees it, and unpacks it within the limits: the number
 * of entries, then the sizes its directory declares for the XML parts (text, styles, numbering,
 * notes, relationships) and their compression ratio, then the sizes they actually inflate to (the
 * inflater stops at the declared size, and at `maxUnzippedBytes` in all). Images and other binary
 * parts are never unpacked: the editor holds text only. Returns a zip of what was checked
 * (stored, not compressed: its reader has nothing left to inflate), binary parts left empty, so
 * that mammoth reads exactly the bytes that were measured.
 */
export function unpackDocx(bytes: Uint8Array, limits: Pick<ImportLimits, 'maxUnzippedBytes' | 'maxZipEntries' | 'maxCompressionRatio'>): Uint8Array {
  const entries = readEntries(bytes, limits.maxZipEntries);
  const xmlParts = entries.filter((entry) => isXmlPart(entry.name));
  let declared = 0;
  for (const entry of xmlParts) {
    declared += entry.declaredSize;
    if (declared > limits.maxUnzippedBytes) throw tooLarge(limits.maxUnzippedBytes);
    if (entry.declaredSize > RATIO_CHECKED_ABOVE && entry.declaredSize > limits.maxCompressionRatio * Math.max(1, entry.compressedSize)) {
      throw new ImportRefused(
        413,
        `This Word document cannot be imported: its part ${entry.name} unpacks from ${sizeText(entry.compressedSize)} to ${sizeText(entry.declaredSize)}, more than ${count(limits.maxCompressionRatio)} times its packed size, as files built to exhaust a server's memory do (Word's own files are packed about 5 to 30 times).`,
      );
    }
    if (entry.method !== 0 && entry.method !== 8) throw damaged(`${entry.name} is packed with an unknown method`);
  }
  const files: Record<string, Uint8Array> = {};
  let unpacked = 0;
  for (const entry of entries) {
    if (!isXmlPart(entry.name)) {
      files[entry.name] = new Uint8Array(0);
      continue;
    }
    const data = compressedData(bytes, entry);
    const budget = Math.min(entry.declaredSize, limits.maxUnzippedBytes - unpacked);
    const exceeded = () =>
      entry.declaredSize > budget
        ? tooLarge(limits.maxUnzippedBytes)
        : new ImportRefused(413, `This Word document cannot be imported: its part ${entry.name} unpacks to more than the ${sizeText(entry.declaredSize)} its zip directory declares (the file is damaged, or built to exhaust a server's memory).`);
    if (entry.method === 0 && data.byteLength > budget) throw exceeded();
    const content = entry.method === 0 ? data : inflateCapped(data, budget, exceeded, entry.name);
    unpacked += content.byteLength;
    files[entry.name] = content;
  }
  return zipSync(files, { level: 0 });
}

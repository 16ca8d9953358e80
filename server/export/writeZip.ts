import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

/** 1980-01-01 00:00 in MS-DOS format: every entry gets this fixed date, so the same files zip to the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** General-purpose flag 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/**
 * A zip archive of `files` in their order, each DEFLATE-compressed by Node's zlib (native, and off
 * the event loop in the thread pool, all files at once). Plain zip (no zip64): for files and
 * archives under 4 GiB, which exports are far below.
 */
export async function writeZip(files: ReadonlyMap<string, string | Uint8Array>, level = zlib.constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  const entries = await Promise.all(
    [...files].map(async ([name, data]) => {
      const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      return { name: Buffer.from(name, 'utf8'), size: raw.byteLength, crc: zlib.crc32(raw), deflated: await deflateRaw(raw, { level }) };
    }),
  );
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.byteLength, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.byteLength, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    local.copy(header, 6, 4, 30); // version needed … name and extra lengths, as in the local header
    // comment length, disk number, internal and external attributes: 0
    header.writeUInt32LE(offset, 42);
    parts.push(local, entry.name, entry.deflated);
    central.push(header, entry.name);
    offset += local.byteLength + entry.name.byteLength + entry.deflated.byteLength;
  }
  const centralSize = central.reduce((sum, part) => sum + part.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

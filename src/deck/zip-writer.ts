// A zip written one entry at a time: each entry is compressed as it is added and only its
// compressed bytes are kept, so a deck of thousands of slides never holds its parts twice. The
// bytes are those jszip 3 writes with { compression: 'DEFLATE', platform: 'UNIX' } and no
// folders (the deck's files have always been written that way): the same local headers, central
// directory and DEFLATE stream (pako, the deflate jszip uses, at the same level).
import { crc32 } from 'node:zlib';
import pako from 'pako';

/** The DEFLATE level jszip was given: 6, zlib's default. */
export const ZIP_LEVEL = 6;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const CENTRAL_END = 0x06054b50;
/** Version made by: UNIX, zip 3.0 (as jszip writes with platform 'UNIX'). */
const MADE_BY_UNIX = 0x031e;
/** A regular file, rw-rw-r-- (jszip's default for a file without permissions), in the high word. */
const FILE_ATTRIBUTES = 0x81b4 * 0x10000;
const STORE = 0;
const DEFLATE = 8;

interface Written {
  name: Buffer;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** A file's content compressed, with what its headers say of it. */
export interface Packed {
  header: { method: number; crc: number; compressed: number; size: number };
  body: Uint8Array;
}

/** A file's content as a zip entry holds it: DEFLATE, or stored when empty (as jszip does). */
export function pack(data: Uint8Array | string): Packed {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const method = bytes.length === 0 ? STORE : DEFLATE;
  const body = method === STORE ? bytes : deflate(bytes);
  return { header: { method, crc: bytes.length === 0 ? 0 : crc32(bytes), compressed: body.length, size: bytes.length }, body };
}

/** A DOS time and date, from the UTC fields of `date` (seconds halved, as jszip does). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const time = (((date.getUTCHours() << 6) | date.getUTCMinutes()) << 5) | (date.getUTCSeconds() / 2);
  const day = (((date.getUTCFullYear() - 1980) << 4) | (date.getUTCMonth() + 1)) << 5 | date.getUTCDate();
  return { time, date: day };
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  /** `date` is every entry's modification date. */
  constructor(date: Date) {
    this.stamp = dosDateTime(date);
  }

  /** Adds a file; a name must be ASCII (a part name of a package always is). */
  add(name: string, data: Uint8Array | string): void {
    this.addPacked(name, pack(data));
  }

  /** Adds a file compressed beforehand with pack(). */
  addPacked(name: string, packed: Packed): void {
    if (!/^[\x20-\x7e]+$/.test(name)) throw new Error(`zip entry name is not printable ASCII: ${JSON.stringify(name)}`);
    const entry: Written = { name: Buffer.from(name, 'latin1'), ...packed.header, ...this.stamp, offset: this.offset };
    this.entries.push(entry);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    writeCommon(local, 4, entry);
    this.push(local, entry.name, packed.body);
  }

  /** The whole zip: the entries, then the central directory. */
  finish(): Buffer {
    const start = this.offset;
    for (const entry of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(CENTRAL_HEADER, 0);
      central.writeUInt16LE(MADE_BY_UNIX, 4);
      writeCommon(central, 6, entry);
      // comment length, disk number, internal attributes: 0
      central.writeUInt32LE(FILE_ATTRIBUTES, 38);
      central.writeUInt32LE(entry.offset, 42);
      this.push(central, entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(CENTRAL_END, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks, this.offset);
  }

  private push(...parts: Uint8Array[]): void {
    for (const part of parts) {
      this.chunks.push(part);
      this.offset += part.length;
    }
  }
}

/** The header fields a local header and a central record share, from `at`. */
function writeCommon(buffer: Buffer, at: number, e: Written): void {
  buffer.writeUInt16LE(10, at); // version needed to extract: 1.0
  buffer.writeUInt16LE(0, at + 2); // flags: sizes known, ASCII name
  buffer.writeUInt16LE(e.method, at + 4);
  buffer.writeUInt16LE(e.time, at + 6);
  buffer.writeUInt16LE(e.date, at + 8);
  buffer.writeUInt32LE(e.crc >>> 0, at + 10);
  buffer.writeUInt32LE(e.compressed, at + 14);
  buffer.writeUInt32LE(e.size, at + 18);
  buffer.writeUInt16LE(e.name.length, at + 22);
  buffer.writeUInt16LE(0, at + 24); // extra field length
}

/** Raw DEFLATE as jszip drives pako: the data pushed without flushing, then finished. */
function deflate(bytes: Uint8Array): Uint8Array {
  const deflater = new pako.Deflate({ raw: true, level: ZIP_LEVEL });
  const out: Uint8Array[] = [];
  deflater.onData = (chunk: Uint8Array) => void out.push(chunk);
  deflater.push(bytes, false);
  deflater.push(new Uint8Array(0), true);
  if (deflater.err) throw new Error(`deflate failed: ${deflater.msg}`);
  return out.length === 1 ? (out[0] as Uint8Array) : Buffer.concat(out);
}

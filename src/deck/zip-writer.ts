// A zip written one entry at a time: each entry is compressed as it is added and only its
// compressed bytes are kept, so a deck of thousands of slides never holds its parts twice. The
// bytes are those jszip 3 writes with { compression: 'DEFLATE', platform: 'UNIX' } and no
// folders (the deck's files have always been written that way): the same local headers, central
// directory and DEFLATE stream (pako, the deflate jszip uses, at the same level).
import { crc32 } from 'node:zlib';
import zlib from 'pako/lib/zlib/deflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';

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

/** Raw DEFLATE as jszip drives pako (level 6, window 2^15, memory level 8, default strategy). */
function deflate(bytes: Uint8Array): Uint8Array {
  const run = new DeflateRun();
  run.feed(bytes, 0, Z_FINISH);
  return run.output();
}

const Z_NO_FLUSH = 0;
const Z_FINISH = 4;
const Z_OK = 0;
const Z_STREAM_END = 1;
const OUT_CHUNK = 64 * 1024;

/**
 * One raw DEFLATE stream driven through pako's zlib port. Its output does not depend on how the
 * input is split (zlib decides nothing until it has enough lookahead, unless told to flush), so
 * a stream stopped after a prefix and copied (snapshot) can be resumed with different endings.
 */
class DeflateRun {
  private strm: ZStream;
  /** Output buffers already full. */
  private done: Uint8Array[];

  constructor(from?: { strm: ZStream; done: Uint8Array[] }) {
    if (from) {
      this.strm = structuredClone(from.strm);
      this.done = [...from.done];
      return;
    }
    this.strm = new ZStream();
    this.done = [];
    const status = zlib.deflateInit2(this.strm, ZIP_LEVEL, 8, -15, 8, 0);
    if (status !== Z_OK) throw new Error(`deflate failed to start: ${this.strm.msg}`);
  }

  /** Compresses bytes[from…], then finishes the stream or stops with all of it taken in. */
  feed(bytes: Uint8Array, from: number, flush: typeof Z_NO_FLUSH | typeof Z_FINISH): void {
    const strm = this.strm;
    strm.input = bytes;
    strm.next_in = from;
    strm.avail_in = bytes.length - from;
    let status: number;
    do {
      if (strm.avail_out === 0) {
        if (strm.output) this.done.push(strm.output);
        strm.output = new Uint8Array(OUT_CHUNK);
        strm.next_out = 0;
        strm.avail_out = OUT_CHUNK;
      }
      status = zlib.deflate(strm, flush);
      if (status !== Z_OK && status !== Z_STREAM_END) throw new Error(`deflate failed: ${strm.msg}`);
    } while ((strm.avail_in > 0 || strm.avail_out === 0) && status !== Z_STREAM_END);
    strm.input = null;
    if (flush === Z_FINISH) zlib.deflateEnd(strm);
  }

  /** The stream so far, to resume: a copy, so that this run may go on. */
  snapshot(): { strm: ZStream; done: Uint8Array[] } {
    return { strm: structuredClone(this.strm), done: [...this.done] };
  }

  output(): Uint8Array {
    const last = (this.strm.output ?? new Uint8Array(0)).subarray(0, this.strm.next_out);
    return this.done.length === 0 ? last : Buffer.concat([...this.done, last]);
  }
}

/** Shortest shared beginning worth resuming from rather than compressing again. */
const SHARED_AT_LEAST = 16 * 1024;

/**
 * pack() for a run of files that begin alike (the notes of a section's continued slides, which
 * repeat its talking points): the DEFLATE stream of the beginning a file shares with the one
 * before is kept and resumed, rather than that beginning compressed once a file. The same bytes
 * as pack().
 */
export class RunPacker {
  private previous: Uint8Array | undefined;
  private shared: { at: number; prefix: Uint8Array; run: { strm: ZStream; done: Uint8Array[] } } | undefined;

  pack(data: Uint8Array | string): Packed {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (bytes.length === 0) return pack(bytes);
    const header = { method: DEFLATE, crc: crc32(bytes), size: bytes.length };
    let run: DeflateRun;
    let from = 0;
    const kept = this.shared;
    if (kept && bytes.length > kept.at && Buffer.compare(bytes.subarray(0, kept.at), kept.prefix) === 0) {
      run = new DeflateRun(kept.run);
      from = kept.at;
    } else {
      run = new DeflateRun();
      this.shared = undefined;
      const at = this.previous ? sharedLength(this.previous, bytes) : 0;
      if (at >= SHARED_AT_LEAST && at < bytes.length) {
        // The stream stops at the end of the shared part, is kept, and goes on with this file's own.
        run.feed(bytes.subarray(0, at), 0, Z_NO_FLUSH);
        this.shared = { at, prefix: bytes.slice(0, at), run: run.snapshot() };
        from = at;
      }
    }
    run.feed(bytes, from, Z_FINISH);
    this.previous = bytes;
    const body = run.output();
    return { header: { ...header, compressed: body.length }, body };
  }
}

/** How many bytes a and b begin with alike. */
function sharedLength(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k;
}

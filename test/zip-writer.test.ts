// The deck's zip writer writes, entry by entry, the bytes jszip writes for the same entries.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dosDateTime, pack, RunPacker, ZipWriter } from '../src/deck/zip-writer.js';

async function jszipBytes(entries: [string, Uint8Array | string][], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of entries) {
    zip.file(name, typeof data === 'string' ? new TextEncoder().encode(data) : data, { date, createFolders: false, binary: true });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

function writerBytes(entries: [string, Uint8Array | string][], date: Date): Buffer {
  const zip = new ZipWriter(date);
  for (const [name, data] of entries) zip.add(name, data);
  return zip.finish();
}

const date = new Date(Date.UTC(2025, 10, 1, 13, 47, 31));

describe('ZipWriter', () => {
  const big = Array.from({ length: 20000 }, (_, k) => `<a:t>line ${k % 97} “quoted” ${'x'.repeat(k % 13)}</a:t>`).join('\n');
  const entries: [string, Uint8Array | string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['ppt/empty.xml', ''],
    ['ppt/notesSlides/notesSlide1.xml', big],
    ['ppt/media/image1.png', Uint8Array.from({ length: 5000 }, (_, k) => (k * 7919) % 256)],
  ];

  it('writes the bytes jszip writes (DEFLATE, UNIX, no folders; an empty file stored)', async () => {
    expect(writerBytes(entries, date).equals(await jszipBytes(entries, date))).toBe(true);
  });

  it('is read back by jszip with every entry intact', async () => {
    const zip = await JSZip.loadAsync(writerBytes(entries, date));
    expect(Object.keys(zip.files)).toEqual(entries.map(([n]) => n));
    expect(await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')).toBe(big);
    expect(await zip.file('ppt/empty.xml')?.async('string')).toBe('');
  });

  it('dates entries in DOS time, two-second steps, as jszip does', () => {
    expect(dosDateTime(new Date(Date.UTC(1980, 0, 1, 0, 0, 0)))).toEqual({ time: 0, date: 33 });
    expect(dosDateTime(date)).toEqual({ time: (13 << 11) | (47 << 5) | 15, date: (45 << 9) | (11 << 5) | 1 });
  });

  it('refuses a name that is not printable ASCII', () => {
    expect(() => new ZipWriter(date).add('ppt/é.xml', 'x')).toThrow(/ASCII/);
  });
});

describe('RunPacker', () => {
  const words = (seed: number, n: number) => Array.from({ length: n }, (_, k) => `w${(k * 7919 + seed * 104729) % 1013}`).join(' ');
  const shared = `<p:notes>${words(1, 30000)}`;
  const files = [
    `${shared} tail one ${words(2, 500)}</p:notes>`,
    `${shared} tail two ${words(3, 800)}</p:notes>`,
    `${shared} tail three ${words(4, 50)}</p:notes>`,
    `${shared.slice(0, 90000)} diverging earlier ${words(5, 300)}</p:notes>`,
    `${shared.slice(0, 90000)} diverging earlier too ${words(6, 300)}</p:notes>`,
    shared.slice(0, 90000),
    'short',
    '',
    `${shared} again ${words(7, 10)}`,
  ];

  it('packs each of a run of files alike into the bytes pack() gives it alone', () => {
    const runs = new RunPacker();
    for (const [k, file] of files.entries()) {
      const a = runs.pack(file);
      const b = pack(file);
      expect(a.header, `file ${k}`).toEqual(b.header);
      expect(Buffer.from(a.body).equals(Buffer.from(b.body)), `file ${k}`).toBe(true);
    }
  });

  it('gives files jszip reads back', async () => {
    const runs = new RunPacker();
    const zip = new ZipWriter(date);
    files.forEach((file, k) => zip.addPacked(`f${k}.xml`, runs.pack(file)));
    const read = await JSZip.loadAsync(zip.finish());
    for (const [k, file] of files.entries()) expect(await read.file(`f${k}.xml`)?.async('string')).toBe(file);
  });
});

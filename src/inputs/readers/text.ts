// Plain text sources (.txt): the text as it is, UTF-8, with the BOM dropped, LF line ends and NFC.
import { dateOfText } from '../dates.js';
import { identityMap, normalizeText, ReaderError, type ExtractedText, type SourceReader } from '../document.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const textReader: SourceReader = {
  format: 'text',
  extensions: FORMAT_EXTENSIONS.text,
  cached: false,
  version: 1,
  async read(bytes) {
    const text = normalizeText(decodeUtf8(bytes));
    const result: ExtractedText = { text, map: identityMap() };
    const date = dateOfText(text)?.date;
    if (date !== undefined) result.date = date;
    return result;
  },
};

/** The bytes as UTF-8, or a reader error that says to save the file as UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReaderError('not-utf8', 'source is not valid UTF-8; save it as UTF-8');
  }
}

// Escaping for the review page: every string from the documents and the summary reaches the page
// through one of these three functions, each for one context (text, an attribute, JSON inside a
// script element). A character that changes what text means without being seen (bidi controls,
// zero-width and format characters, C0 and C1 controls, lone surrogates) is shown as its code
// point, so that a passage reads as it is, not as a control would reorder or hide it.
import { characterName } from '../inputs/invisible.js';

/**
 * The characters shown as their code point: C0 controls but tab and line feed, DEL, C1 controls,
 * format characters (Cf: bidi controls, zero-width characters, soft hyphen, BOM), the combining
 * grapheme joiner, Hangul fillers, variation selectors, lone surrogates and the noncharacters
 * U+FFFE and U+FFFF. The same pattern is given to the page's script (passages are rendered there).
 */
export const SHOWN_AS_CODE_SOURCE =
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\p{Cf}\\u034F\\u180B-\\u180D\\u180F\\u115F\\u1160\\u3164\\uFFA0\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}\\uD800-\\uDFFF\\uFFFE\\uFFFF]';

const SHOWN_AS_CODE = new RegExp(SHOWN_AS_CODE_SOURCE, 'u');
const TEXT_SPECIAL = new RegExp(`[&<>]|${SHOWN_AS_CODE_SOURCE}`, 'gu');
const ATTRIBUTE_SPECIAL = new RegExp(`[&<>"'\`]|${SHOWN_AS_CODE_SOURCE}`, 'gu');

/** "U+202E" for a character. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The name of a character shown as its code point ("U+0007 (a control character)"). */
export function shownCodeName(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `${codePoint(ch)} (a control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${codePoint(ch)} (half of a character: a lone surrogate)`;
  if (code === 0xfffe || code === 0xffff) return `${codePoint(ch)} (not a character)`;
  return characterName(ch);
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Text for an element's content: `&`, `<` and `>` escaped, and each character of
 * SHOWN_AS_CODE_SOURCE replaced by a marked box with its code point (a span; its name in the title).
 */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, (ch) => TEXT_ENTITIES[ch] ?? shownCode(ch));
}

/** Text for a quoted attribute value: quotes and brackets escaped; controls written as "[U+202E]". */
export function escapeAttr(text: string): string {
  return text.replace(ATTRIBUTE_SPECIAL, (ch) => ATTRIBUTE_ENTITIES[ch] ?? `[${codePoint(ch)}]`);
}

/**
 * A value as JSON that can sit inside a `<script type="application/json">` element: `<`, `>` and
 * `&` written as \u escapes (so no `</script>` or `<!--` can end or change the element), and the
 * line and paragraph separators too. JSON.stringify writes lone surrogates as \u escapes.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Whether text holds a character the page shows as its code point. */
export function hasShownAsCode(text: string): boolean {
  return SHOWN_AS_CODE.test(text);
}

function shownCode(ch: string): string {
  return `<span class="ctl" title="${escapeAttr(shownCodeName(ch))}">${codePoint(ch)}</span>`;
}

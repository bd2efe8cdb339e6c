/**
 * What a person may type into a form or a chat answer that the bot stores: text with newlines and tabs, in any
 * script. Control characters (NUL, BEL, terminal escape sequences…), the bidirectional overrides and isolates
 * that make text read in a different order than it is stored (U+202A–U+202E, U+2066–U+2069) and lone
 * surrogates are removed at the edge, before validation, so a field left empty by that is empty.
 */

const ESC = 0x1b;

function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** C0 and C1 controls and DEL, except tab and newline. */
function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Length of the escape sequence starting at `i` (ESC [ params intermediates final, or ESC and one byte). */
function escapeLength(text: string, i: number): number {
  if (text.charCodeAt(i + 1) !== 0x5b) return i + 1 < text.length ? 2 : 1;
  let j = i + 2;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j += 1;
  if (j < text.length && text.charCodeAt(j) >= 0x40 && text.charCodeAt(j) <= 0x7e) j += 1;
  return j - i;
}

/** The typed text with only what the policy above allows; `\r\n` and `\r` become `\n`. */
export function cleanTypedText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const code = raw.charCodeAt(i);
    if (code === ESC) {
      i += escapeLength(raw, i);
      continue;
    }
    if (code === 0x0d) {
      out += '\n';
      i += raw.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = raw.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += raw.slice(i, i + 2);
      i += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      continue;
    }
    if ((code >= 0xdc00 && code <= 0xdfff) || isControl(code) || isBidiControl(code)) {
      i += 1;
      continue;
    }
    out += raw[i];
    i += 1;
  }
  return out;
}

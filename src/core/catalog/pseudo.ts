/**
 * The pseudo-locale: English with accented letters and about 40 % more length, built from the English catalog.
 * Only literal text changes; parameters, plural and select keywords, and `/coach word` commands stay as they
 * are, so every sentence keeps its meaning and its arguments. `unpseudo` turns it back into English (tests read
 * the bot through it).
 */

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçďéƒğĥíĵķľɱñóþǫŕšţúṽŵẍýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const TO_ACCENTED = new Map([...PLAIN].map((c, i) => [c, ACCENTED[i]!]));
const TO_PLAIN = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i]!]));

/** The filler that makes pseudo text longer: words of this mark, never used elsewhere. */
export const PSEUDO_FILL = '¤';

function accent(text: string, state: { code: boolean }): string {
  let out = '';
  for (const c of text) {
    if (c === '`') state.code = !state.code;
    out += state.code ? c : (TO_ACCENTED.get(c) ?? c);
  }
  return out;
}

/** Filler words about 40 % of `length` long. */
function fill(length: number): string {
  const wanted = Math.ceil(length * 0.4);
  const words: string[] = [];
  for (let left = wanted; left > 0; left -= 6) words.push(PSEUDO_FILL.repeat(Math.min(5, left)));
  return words.length > 0 ? ` ${words.join(' ')}` : '';
}

/**
 * One ICU message in the pseudo-locale. Walks the template: text outside braces and inside plural or select
 * options is literal (accented); argument names and keywords are not.
 */
export function pseudoMessage(template: string): string {
  let out = '';
  let literal = 0;
  // true: literal text; false: inside an argument's head (`{name, plural, one` …).
  const stack: boolean[] = [true];
  const state = { code: false };
  let quoted = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    const inText = stack[stack.length - 1]!;
    if (inText && c === "'" && (quoted || /[{}#'|]/.test(template[i + 1] ?? ''))) {
      // ICU quoting: copied as is.
      if (template[i + 1] === "'") {
        out += "''";
        i++;
      } else {
        quoted = !quoted;
        out += c;
      }
      continue;
    }
    if (quoted) {
      out += c;
      continue;
    }
    if (c === '{') {
      stack.push(!inText);
      out += c;
    } else if (c === '}') {
      stack.pop();
      out += c;
    } else if (inText) {
      out += accent(c, state);
      if (/\S/.test(c)) literal++;
    } else {
      out += c;
    }
  }
  return out + fill(literal);
}

/** Text the pseudo-locale made: it carries the filler (a real language's accents stay as they are). */
export function isPseudo(text: string): boolean {
  return text.includes(PSEUDO_FILL);
}

/** Pseudo text back to the English it came from (filler dropped, accents removed). */
export function unpseudo(text: string): string {
  let out = '';
  for (const c of text.replace(new RegExp(` ?${PSEUDO_FILL}+`, 'g'), '')) out += TO_PLAIN.get(c) ?? c;
  return out;
}

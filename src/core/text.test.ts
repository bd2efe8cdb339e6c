import { describe, expect, it } from 'vitest';
import { cleanTypedText } from './text.js';

describe('typed text policy', () => {
  it('keeps text in any script, with newlines and tabs, and emoji', () => {
    const kept = 'Ask before I tell\n\tFragen statt sagen — 先に聞く 🙂 عربى';
    expect(cleanTypedText(kept)).toBe(kept);
  });

  it('removes NUL, BEL and other controls, and whole terminal escape sequences', () => {
    expect(cleanTypedText('a\u0000b\u0007c\u007fd\u0085e')).toBe('abcde');
    expect(cleanTypedText('\u001b[31mred\u001b[0m and \u001b[2J\u001b[Hclear \u001b]x')).toBe(
      'red and clear x',
    );
  });

  it('removes bidirectional overrides and isolates', () => {
    expect(cleanTypedText('pay \u202eetoN\u202c now \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068')).toBe(
      'pay etoN now x ',
    );
  });

  it('removes lone surrogates but keeps pairs', () => {
    expect(cleanTypedText('a\ud800b\udc00c\ud83d\ude42')).toBe('abc\ud83d\ude42');
    expect(cleanTypedText('end\ud83d')).toBe('end');
  });

  it('turns carriage returns into newlines', () => {
    expect(cleanTypedText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('leaves nothing of a text made only of what it removes', () => {
    expect(cleanTypedText('\u0000\u0007\u202e\u001b[0m\ud800').trim()).toBe('');
  });
});

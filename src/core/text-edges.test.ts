import { describe, expect, it } from 'vitest';
import { cleanTypedText } from './text.js';

const ch = (code: number) => String.fromCharCode(code);

describe('typed text policy at the edges of each range', () => {
  it('removes controls up to U+001F and from U+007F to U+009F, and keeps their neighbours', () => {
    for (const code of [0x00, 0x0b, 0x0c, 0x1f, 0x7f, 0x9f])
      expect(cleanTypedText(`a${ch(code)}b`)).toBe('ab');
    for (const code of [0x09, 0x0a, 0x20, 0x7e, 0xa0]) {
      expect(cleanTypedText(`a${ch(code)}b`)).toBe(`a${ch(code)}b`);
    }
  });

  it('removes exactly U+202A–U+202E and U+2066–U+2069', () => {
    for (const code of [0x202a, 0x202e, 0x2066, 0x2069]) expect(cleanTypedText(`a${ch(code)}b`)).toBe('ab');
    for (const code of [0x2029, 0x202f, 0x2065, 0x206a]) {
      expect(cleanTypedText(`a${ch(code)}b`)).toBe(`a${ch(code)}b`);
    }
  });

  it('removes an escape with the one character after it, or a whole CSI sequence and nothing more', () => {
    expect(cleanTypedText('a\u001bxb')).toBe('ab');
    expect(cleanTypedText('a\u001b')).toBe('a');
    expect(cleanTypedText('a\u001b[')).toBe('a');
    expect(cleanTypedText('a\u001b[12')).toBe('a');
    expect(cleanTypedText('a\u001b[ ?0;1mb')).toBe('ab');
    expect(cleanTypedText('a\u001b[@b')).toBe('ab');
    expect(cleanTypedText('a\u001b[~b')).toBe('ab');
    expect(cleanTypedText('a\u001b[0\u00ffb')).toBe('a\u00ffb');
    expect(cleanTypedText('a\u001b[0\u001fb')).toBe('ab');
  });

  it('turns a carriage return at the end, or before another, into a newline of its own', () => {
    expect(cleanTypedText('a\r')).toBe('a\n');
    expect(cleanTypedText('a\r\r\nb')).toBe('a\n\nb');
  });

  it('keeps surrogate pairs at the ends of the ranges and drops lone halves', () => {
    expect(cleanTypedText('\udbff\udfff')).toBe('\udbff\udfff');
    expect(cleanTypedText('\ud800\udc00')).toBe('\ud800\udc00');
    expect(cleanTypedText('a\udfffb')).toBe('ab');
    expect(cleanTypedText('a\udc00b')).toBe('ab');
    expect(cleanTypedText('a\udbffb')).toBe('ab');
    expect(cleanTypedText('a\ud800\ue000')).toBe('a\ue000');
    expect(cleanTypedText('\ud7ff\ue000')).toBe('\ud7ff\ue000');
  });
});

import { describe, expect, it } from 'vitest';
import { csvCell, pseudonym } from './csv.js';

describe('CSV cells', () => {
  it('quotes what needs quoting and leaves numbers alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
  });
});

describe('pseudonyms', () => {
  it('are stable under one secret, differ between secrets and ids, and show nothing of the id', () => {
    const a = pseudonym('secret-one', 'ppl_123');
    expect(a).toMatch(/^p_[0-9a-f]{16}$/);
    expect(pseudonym('secret-one', 'ppl_123')).toBe(a);
    expect(pseudonym('secret-two', 'ppl_123')).not.toBe(a);
    expect(pseudonym('secret-one', 'ppl_124')).not.toBe(a);
    expect(a).not.toContain('123');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  BUDGETED_KINDS,
  clip,
  fillTemplate,
  INSTANT_TOKEN,
  instantFallback,
  instantToken,
  MESSAGE_KINDS,
  textMessage,
} from './messages.js';

describe('instants in text', () => {
  it('writes an instant as a token in whole milliseconds, and shows it in UTC as plain text', () => {
    const at = Date.UTC(2026, 2, 16, 9, 30, 15);
    expect(instantToken(at + 0.9)).toBe(`<time:${at}>`);
    expect(instantFallback(`Due ${instantToken(at)}, or ${instantToken(at + 60_000)}.`)).toBe(
      'Due 2026-03-16 09:30 UTC, or 2026-03-16 09:31 UTC.',
    );
    expect(instantFallback('<time:>, <time:1234567890123456>')).toBe('<time:>, <time:1234567890123456>');
    expect(INSTANT_TOKEN.flags).toContain('g');
  });
});

describe('message helpers', () => {
  it('makes a message of words, then the blocks that follow', () => {
    expect(textMessage('Hello')).toEqual({ text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] });
    expect(textMessage('Hello', [{ type: 'divider' }])).toEqual({
      text: 'Hello',
      blocks: [{ type: 'text', text: 'Hello' }, { type: 'divider' }],
    });
  });

  it('cuts text to a limit with an ellipsis in the last place', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
    expect(clip('abcdefg', 6)).toHaveLength(6);
  });

  it('fills named placeholders and leaves unknown ones as they are', () => {
    expect(
      fillTemplate('Try {behavior} and count {kpi}; {other}', { behavior: 'asking', kpi: 'ideas' }),
    ).toBe('Try asking and count ideas; {other}');
  });

  it('counts nudges, checkpoints and mentoring messages against the budget, not consent or notices', () => {
    expect([...BUDGETED_KINDS].sort()).toEqual(
      [
        'checkpoint',
        'checkpoint_reminder',
        'milestone_reminder',
        'nudge',
        'pair_checkin',
        'pair_nudge',
      ].sort(),
    );
    expect(MESSAGE_KINDS.filter((k) => !BUDGETED_KINDS.has(k))).toEqual([
      'consent',
      'notice',
      'curator_alert',
    ]);
    expect(ACTION_NAMES).toContain('alert.back');
    expect(new Set(ACTION_NAMES).size).toBe(ACTION_NAMES.length);
  });
});

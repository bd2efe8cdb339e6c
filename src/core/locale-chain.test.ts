import { describe, expect, it } from 'vitest';
import { translator } from './catalog/index.js';
import { localeOf, type Participant, readerOf } from './participant.js';
import { programSettingsSchema } from './program.js';

const person = (facts: Partial<Participant>): Participant =>
  ({ timezone: 'Europe/Paris', ...facts }) as Participant;

describe('a person’s language', () => {
  const program = programSettingsSchema.parse({ name: 'pilot', language: 'es' });

  it('is their own choice, then the roster’s, then their platform’s, then the program’s, then English', () => {
    const all = { language: 'ja', rosterLanguage: 'fr', platformLocale: 'de-AT' };
    expect(localeOf(program, person(all))).toBe('ja');
    expect(localeOf(program, person({ ...all, language: null }))).toBe('fr');
    expect(localeOf(program, person({ platformLocale: 'de-AT' }))).toBe('de-AT');
    expect(localeOf(program, person({}))).toBe('es');
    expect(localeOf(programSettingsSchema.parse({ name: 'pilot' }), person({}))).toBe('en-GB');
  });

  it('skips a language the bot does not speak, and borrows the region of a later one of the same language', () => {
    expect(localeOf(program, person({ rosterLanguage: 'it', platformLocale: 'fr-CA' }))).toBe('fr-CA');
    expect(localeOf(program, person({ language: 'de', platformLocale: 'de-CH' }))).toBe('de-CH');
    expect(localeOf(program, person({ language: 'pt', platformLocale: 'en-US' }))).toBe('pt');
  });

  it('formats dates and numbers in that locale and the person’s zone', () => {
    const t = translator(readerOf(program, person({ platformLocale: 'de-CH' })));
    expect(t('command.snoozed', { days: 1, until: new Date(Date.UTC(2026, 2, 15, 23, 30)) })).toBe(
      'Pausiert für 1 Tag, bis Mo., 16. März. Danach geht es von selbst weiter.',
    );
    const us = translator({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(us('status.nextWhen', { at: new Date(Date.UTC(2026, 2, 16, 18)), zone: 'America/New_York' })).toBe(
      'Mon, Mar 16, 02:00 PM (America/New_York)',
    );
  });

  it('refuses a program language that is not a language tag', () => {
    expect(programSettingsSchema.safeParse({ name: 'pilot', language: 'not a tag!' }).success).toBe(false);
  });
});

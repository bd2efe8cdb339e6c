import {
  canonicalLocale,
  PSEUDO_LOCALE,
  speaks,
  supportedLanguages,
  type Translator,
} from '../../core/catalog/index.js';

/** The words people type after /coach in Slack, or as a message to the bot in Teams. */
export const COMMANDS = [
  'help',
  'start',
  'status',
  'pause',
  'resume',
  'snooze',
  'checkin',
  'optout',
  'forget-me',
  'notwith',
  'language',
] as const;
/** Words for curators: pair two people, or claim a channel for curator alerts. */
export const CURATOR_COMMANDS = ['pair', 'claim'] as const;
export type CommandName = (typeof COMMANDS)[number] | (typeof CURATOR_COMMANDS)[number];

export type ParsedCommand =
  | { name: Exclude<CommandName, 'snooze' | 'language'> }
  | { name: 'snooze'; days: number }
  /**
   * `choice`: absent to ask, null to follow the platform again, else a language tag the bot speaks;
   * `unknown`: a word that names no language the bot speaks.
   */
  | { name: 'language'; choice?: string | null; unknown?: string }
  | { name: 'unknown'; word: string }
  | { name: 'invalid' };

const ALIASES: Record<string, CommandName> = {
  'check-in': 'checkin',
  'opt-out': 'optout',
  forgetme: 'forget-me',
  'not-with': 'notwith',
};

/** A word echoed back is clipped, so a huge word cannot make a huge reply. */
const ECHO_LIMIT = 40;

export function parseCommand(typed: string): ParsedCommand {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [word = 'help', ...rest] = words;
  const name = ALIASES[word] ?? word;
  if (![...COMMANDS, ...CURATOR_COMMANDS].includes(name as CommandName)) {
    return { name: 'unknown', word: word.length > ECHO_LIMIT ? `${word.slice(0, ECHO_LIMIT - 1)}…` : word };
  }
  if (name === 'snooze') {
    const days = rest.length === 0 ? 7 : Number(rest[0]);
    if (!Number.isInteger(days) || days < 1 || days > 60) return { name: 'invalid' };
    return { name: 'snooze', days };
  }
  if (name === 'language') {
    const [asked] = rest;
    if (asked === undefined) return { name: 'language' };
    if (asked === 'auto') return { name: 'language', choice: null };
    const tag = canonicalLocale(asked);
    if (!tag || !speaks(tag) || tag === PSEUDO_LOCALE) {
      return {
        name: 'language',
        unknown: asked.length > ECHO_LIMIT ? `${asked.slice(0, ECHO_LIMIT - 1)}…` : asked,
      };
    }
    return { name: 'language', choice: tag };
  }
  return { name: name as Exclude<CommandName, 'snooze' | 'language'> };
}

export function helpText(t: Translator): string {
  return [
    t('help.title'),
    t('help.start'),
    t('help.status'),
    t('help.checkin'),
    t('help.pause'),
    t('help.snooze'),
    t('help.optout'),
    t('help.forget'),
    t('help.pairStatus'),
    t('help.notWith'),
    t('help.language', { languages: languageList() }),
  ].join('\n');
}

/** The languages a person can choose, as they type them. */
export function languageList(): string {
  return supportedLanguages().join(', ');
}

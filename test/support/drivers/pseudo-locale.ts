/**
 * The shared scenarios in the pseudo-locale (`SCENARIO_LOCALE=en-XA`, see vitest.config.ts): every program and
 * every person speaks accented English that is 40 % longer, so a limit that only holds for English breaks
 * here first. The bot runs as in production; what the person sees is checked against the platforms' limits
 * and read back into English, so the scenarios themselves stay as they are.
 */

import { TEAMS_LIMITS } from '../../../src/channels/teams/render.js';
import { PSEUDO_LOCALE } from '../../../src/core/catalog/index.js';
import { isPseudo, unpseudo } from '../../../src/core/catalog/pseudo.js';
import {
  type ChatDriver,
  type ChatSession,
  type ChatSetup,
  DEFAULT_PROGRAMS,
  type OpenForm,
  type Outcome,
  type PersonSpec,
  type PersonView,
  type SeenMessage,
} from './chat-driver.js';

/** The locale the scenarios run in: English unless `SCENARIO_LOCALE` names another. */
export const SCENARIO_LOCALE = process.env.SCENARIO_LOCALE || undefined;

const PSEUDO_LETTERS = /[áƀçďéƒğĥíĵķľɱñóþǫŕšţúṽŵẍýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/g;

/**
 * A label the pseudo-locale wrote, even when cut before its filler: most of its letters are pseudo letters
 * (a real language's label, such as French, has a few accents among plain letters).
 */
function pseudoLabel(text: string): boolean {
  const pseudo = text.match(PSEUDO_LETTERS)?.length ?? 0;
  const plain = text.match(/[A-Za-z]/g)?.length ?? 0;
  return text.includes('¤') || pseudo > plain;
}

/** Slack's limits on short plain texts by where they are (the simulator rejects what breaks them, too). */
const SLACK_PLAIN_LIMITS: Record<string, number> = {
  title: 24,
  submit: 24,
  close: 24,
  button: 75,
  option: 75,
};

/** Every short label in a payload, with where it is and the limit it must keep. */
function labelsOf(raw: unknown, platform: 'slack' | 'teams'): { where: string; text: string; max: number }[] {
  const found: { where: string; text: string; max: number }[] = [];
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (platform === 'slack') {
      if (obj.type === 'plain_text' && typeof obj.text === 'string') {
        found.push({ where: key, text: obj.text, max: SLACK_PLAIN_LIMITS[key] ?? 3000 });
      }
      if (obj.type === 'button' && obj.text && typeof obj.text === 'object') walk(obj.text, 'button');
      for (const [name, value] of Object.entries(obj)) {
        if (name === 'text' && obj.type === 'button') continue;
        walk(value, name === 'options' ? 'option' : name);
      }
      return;
    }
    const type = String(obj.type ?? '');
    if (type.startsWith('Action.') && typeof obj.title === 'string')
      found.push({ where: type, text: obj.title, max: TEAMS_LIMITS.buttonTitle });
    if (type === 'Input.ChoiceSet')
      for (const choice of (obj.choices ?? []) as { title?: string }[])
        if (typeof choice.title === 'string')
          found.push({ where: 'choice', text: choice.title, max: TEAMS_LIMITS.choiceTitle });
    if (type.startsWith('Input.') && typeof obj.placeholder === 'string')
      found.push({ where: 'placeholder', text: obj.placeholder, max: TEAMS_LIMITS.placeholder });
    for (const value of Object.values(obj)) walk(value, key);
  };
  walk(raw, '');
  return found;
}

/**
 * A label in the pseudo-locale ends with its filler, unless it was cut: then with an ellipsis. A label that
 * ends otherwise was cut mid-word with nothing to show it.
 */
export function labelProblems(raw: unknown, platform: 'slack' | 'teams'): string[] {
  const problems: string[] = [];
  for (const { where, text, max } of labelsOf(raw, platform)) {
    if (text.length > max) problems.push(`${where} "${text}" is ${text.length} characters, over ${max}`);
    if (pseudoLabel(text) && !/[¤…]$/.test(text.trim()))
      problems.push(`${where} "${text}" is cut without an ellipsis`);
  }
  return problems;
}

/** What a person reads back: pseudo text as its English, text in a real language as it is. */
const read = (text: string): string => (isPseudo(text) ? unpseudo(text) : text);

function check(raw: unknown, platform: 'slack' | 'teams'): void {
  const problems = labelProblems(raw, platform);
  if (problems.length > 0) throw new Error(`pseudo-locale limits broken:\n${problems.join('\n')}`);
}

function readMessage(message: SeenMessage, platform: 'slack' | 'teams'): SeenMessage {
  check(message.raw, platform);
  return { ...message, text: read(message.text), buttons: message.buttons.map(read) };
}

function readForm(form: OpenForm | null, platform: 'slack' | 'teams'): OpenForm | null {
  if (!form) return null;
  check(form.raw, platform);
  return {
    ...form,
    title: read(form.title),
    text: read(form.text),
    submitLabel: read(form.submitLabel),
    fields: form.fields.map((f) => ({
      ...f,
      label: read(f.label),
      ...(f.error !== undefined ? { error: read(f.error) } : {}),
    })),
    errors: Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, read(v)])),
  };
}

function readOutcome(outcome: Outcome, platform: 'slack' | 'teams'): Outcome {
  return {
    text: read(outcome.text),
    notices: outcome.notices.map(read),
    messages: outcome.messages.map((m) => readMessage(m, platform)),
    form: readForm(outcome.form, platform),
  };
}

function readView(view: PersonView, platform: 'slack' | 'teams'): PersonView {
  return {
    messages: view.messages.map((m) => readMessage(m, platform)),
    notices: view.notices.map(read),
    form: readForm(view.form, platform),
  };
}

const STEPS = ['open', 'command', 'say', 'click', 'replay', 'submitForm'] as const;

/**
 * The session with people who join later speaking `locale` too; in the pseudo-locale, as a person reading it
 * would report it in English.
 */
function speaking(session: ChatSession, locale: string, platform: 'slack' | 'teams'): ChatSession {
  const pseudo = locale === PSEUDO_LOCALE;
  return new Proxy(session, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      if (name === 'addPerson') return (spec: PersonSpec) => value.call(target, { locale, ...spec });
      if (!pseudo) return value.bind(target);
      if ((STEPS as readonly (string | symbol)[]).includes(name))
        return async (...args: unknown[]) => readOutcome(await value.apply(target, args), platform);
      if (name === 'view') return (...args: unknown[]) => readView(value.apply(target, args), platform);
      if (name === 'curatorChannel')
        return (...args: unknown[]) =>
          (value.apply(target, args) as SeenMessage[]).map((m) => readMessage(m, platform));
      return value.bind(target);
    },
  });
}

/** A driver whose programs and people speak `locale`; in the pseudo-locale, read back as described above. */
export function inLocale(driver: ChatDriver, locale: string): ChatDriver {
  return {
    name: driver.name,
    platform: driver.platform,
    async start(setup: ChatSetup): Promise<ChatSession> {
      const programs = (setup.programs ?? DEFAULT_PROGRAMS).map((p) => ({
        language: locale,
        ...p,
      }));
      const people = (setup.people ?? []).map((p) => ({ locale, ...p }));
      const session = await driver.start({ ...setup, programs, people });
      return speaking(session, locale, driver.platform);
    },
  };
}

import { canonicalLocale, languageName, PSEUDO_LOCALE, speaks, text } from '../../../core/catalog/index.js';
import type { ActionName, Message } from '../../../core/messages.js';
import { NotAllowedError, UserFacingError } from '../../errors.js';
import { helpText, languageList, parseCommand } from '../commands.js';
import { type ActionFlow, answer, me, NOTHING, say, type Turn } from '../conversation.js';
import type { ActionEvent, CommandEvent, TextEvent } from '../events.js';
import type { Answer } from '../replies.js';
import { statusMessage } from '../status.js';
import { checkinForm } from './checkpoint.js';
import { firstContact } from './consent.js';
import { curatorsChannelWords, pairCommand } from './curators.js';
import { experimentFormFor } from './experiment.js';
import { notWithText } from './matching.js';
import { pairStatusText } from './mentoring.js';

/**
 * A command typed by a person, wherever it arrived (`/coach <words>` in Slack, the words typed to the bot
 * in Teams). The answer is the same; how it travels is the caller's choice.
 */
async function runCommand(turn: Turn<CommandEvent | TextEvent>): Promise<Answer> {
  const { event, deps, t } = turn;
  const { identity } = event.actor;
  const command = parseCommand(event.text);
  const pairStatus = command.name === 'pair' && /^\s*pair\s+status\s*$/i.test(event.text);
  if (command.name === 'pair' && !pairStatus) return say(await pairCommand(turn));
  if (command.name === 'claim') return say(t('channel.claimElsewhere'));
  if (await firstContact(turn)) return say(t('welcome.sentConsent'));
  const person = await me(turn);
  if (person) {
    await deps.coaching.resendConsentIfLost(person);
    await deps.coaching.touch(person);
  }
  const { coaching } = deps;
  switch (command.name) {
    case 'pair': // `pair status`: the person's own pair score (pairing two people is the curators' `pair`)
      return say(await pairStatusText(turn));
    case 'help':
      return say(helpText(t));
    case 'unknown':
      return say(`${t('command.unknown', { word: command.word })}\n${helpText(t)}`);
    case 'invalid':
      return say(t('command.snoozeInvalid'));
    case 'start':
      return answer({ kind: 'form', form: await experimentFormFor(turn) });
    case 'checkin': {
      const form = await checkinForm(turn);
      return form ? answer({ kind: 'form', form }) : say(t('command.noCheckpointOpen'));
    }
    case 'status':
      return answer({ kind: 'message', message: statusMessage(t, await coaching.status(identity)) });
    case 'pause':
      await coaching.pause(identity);
      return answer({ kind: 'say', text: t('command.paused') }, { statusChanged: true });
    case 'resume':
      await coaching.resume(identity);
      return answer({ kind: 'say', text: t('command.resumed') }, { statusChanged: true });
    case 'snooze': {
      const until = await coaching.snooze(identity, command.days);
      return answer(
        { kind: 'say', text: t('command.snoozed', { days: command.days, until: new Date(until) }) },
        { statusChanged: true },
      );
    }
    case 'optout':
      await coaching.optOut(identity);
      return answer({ kind: 'say', text: t('command.optedOut') }, { statusChanged: true });
    case 'notwith':
      return say(await notWithText(turn));
    case 'language':
      return chooseLanguage(turn, command);
    case 'forget-me':
      if (!deps.privacy) return say(t('command.forgetUnavailable'));
      await deps.privacy.forgetMe(identity);
      return say(t('command.forgotten'));
  }
}

/**
 * `/coach language de`: the person's own choice of language, first in the chain (then the roster, the
 * platform, the program). The answer already speaks the new language, and the status surface follows.
 */
async function chooseLanguage(
  turn: Turn<CommandEvent | TextEvent>,
  command: { choice?: string | null; unknown?: string },
): Promise<Answer> {
  const { event, deps, t } = turn;
  const languages = languageList();
  if (command.unknown !== undefined)
    return say(t('command.languageUnknown', { word: command.unknown, languages }));
  if (command.choice === undefined) {
    const language = languageName(t.reader.locale, t.reader.locale);
    return say(t('command.languageIs', { language, languages }));
  }
  await deps.coaching.chooseLanguage(event.actor.identity, command.choice);
  const now = await deps.coaching.translatorOf(event.actor.identity, event.actor.locale);
  const language = languageName(now.reader.locale, now.reader.locale);
  return answer(
    {
      kind: 'say',
      text: now(command.choice === null ? 'command.languageAuto' : 'command.languageSet', { language }),
    },
    { statusChanged: true },
  );
}

/** A language button on the status surface: the person's own choice, like `/coach language <tag>`. */
async function chooseLanguageButton(turn: Turn<ActionEvent>): Promise<Answer> {
  const { event, deps } = turn;
  const person = await me(turn);
  if (!person || person.id !== event.ref) throw new NotAllowedError();
  const tag = canonicalLocale(event.value);
  if (!tag || !speaks(tag) || tag === PSEUDO_LOCALE) throw new UserFacingError('common.buttonInvalid');
  const chosen = await deps.coaching.chooseLanguage(event.actor.identity, tag);
  const now = await deps.coaching.translatorOf(event.actor.identity, event.actor.locale);
  const notice = now('command.languageSet', { language: languageName(now.reader.locale, now.reader.locale) });
  const view = await deps.coaching.statusOf(chosen);
  return answer(
    { kind: 'update', message: statusMessage(now, view, notice) },
    { statusChanged: true, statusNotice: notice },
  );
}

export const languageActions: Partial<Record<ActionName, ActionFlow>> = {
  'language.choose': chooseLanguageButton,
};

/** `/coach <words>`: answered privately, where it was typed. In a channel, `claim` and `help` are the channel's. */
export async function answerCommand(turn: Turn<CommandEvent>): Promise<Answer> {
  const { event } = turn;
  if (event.place.kind === 'channel') {
    const word = parseCommand(event.text).name;
    if (word === 'claim') return say(await curatorsChannelWords(turn, 'claim'));
  }
  return runCommand(turn);
}

/**
 * Words typed to the bot. In a 1:1: an answer in the charter chat if one is going on, else a command. The
 * answer to someone who consented is queued through the outbox under the typed message's id, so it goes
 * out once however often the platform delivers the message; before consent it is said directly.
 */
export async function answerText(turn: Turn<TextEvent>): Promise<Answer> {
  const { event, deps, t } = turn;
  if (event.place.kind === 'channel') {
    const word = event.text.trim().toLowerCase().split(/\s+/)[0] ?? '';
    if (word === 'pair') return say(await pairCommand(turn));
    if (word === 'notwith' || word === 'not-with') {
      // People are mentioned where they are members (a team channel); the answer goes to the 1:1 chat.
      const reply = await notWithText(turn);
      const person = await deps.coaching.store.participants.findByIdentity(event.actor.identity);
      if (person?.consent !== 'accepted') return say(reply);
      await deps.coaching.notify(person, `dm:${event.messageId}`, () => reply, { reply: true });
      return say(t('notWith.answeredInChat'));
    }
    return say(
      await curatorsChannelWords(
        turn,
        word === 'claim' ? 'claim' : word === '' || word === 'help' ? 'help' : 'other',
      ),
    );
  }
  if (event.place.kind === 'group') return say(t('welcome.groupChat'));
  if (await firstContact(turn)) return say(t('welcome.sentConsent'));
  const person = await me(turn);
  if (person?.consent === 'accepted') {
    await deps.coaching.touch(person);
    const chat = await deps.mentoring.answerCharterChat(event.actor.identity, event.text);
    if (chat && 'submitted' in chat) return NOTHING;
    if (chat) {
      await deps.coaching.notify(person, `dm:${event.messageId}`, chat.say, { reply: true });
      return NOTHING;
    }
  }
  const answered = await runCommand(turn);
  const { reply } = answered;
  if (person?.consent !== 'accepted' || (reply.kind !== 'say' && reply.kind !== 'message')) return answered;
  // A consented person's answer travels through the outbox, once per typed message.
  const fresh = (await deps.coaching.store.participants.get(person.id)) ?? person;
  if (fresh.consent !== 'accepted') return answered;
  const message: Message | string = reply.kind === 'say' ? reply.text : reply.message;
  await deps.coaching.notify(
    fresh,
    `dm:${event.messageId}`,
    typeof message === 'string' ? () => message : { compose: () => message },
    { reply: true },
  );
  return { ...answered, reply: { kind: 'nothing' } };
}

export { text };

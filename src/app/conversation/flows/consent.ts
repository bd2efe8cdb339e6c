import { consentAnsweredMessage } from '../../../core/coaching.js';
import type { ActionName } from '../../../core/messages.js';
import { NotAllowedError } from '../../errors.js';
import type { ProfileUpdate } from '../../service.js';
import { type ActionFlow, alreadyAnswered, answer, me, NOTHING, say, type Turn } from '../conversation.js';
import type { ActionEvent, InstalledEvent, OpenedEvent, RemovedEvent } from '../events.js';
import type { Answer } from '../replies.js';

/**
 * First contact: enrol with consent pending and queue the consent request. Until they accept, only their
 * identity and the decision are stored. True when that just happened.
 */
export async function firstContact(turn: Turn): Promise<boolean> {
  const { created } = await turn.deps.coaching.ensureParticipant(
    turn.event.actor.identity,
    undefined,
    turn.event.actor.locale,
  );
  if (created) await me(turn);
  return created;
}

async function decide(turn: Turn<ActionEvent>, accept: boolean): Promise<Answer> {
  const { event, deps, t } = turn;
  const before = await me(turn);
  if (!before || before.id !== event.ref) throw new NotAllowedError();
  const decided = accept
    ? before.consent === 'accepted'
    : before.consent === 'declined' || before.consent === 'opted_out';
  // A second click (another device, a double click, an old copy) records nothing: once per decision.
  if (decided || !(await deps.coaching.firstTime(`consent:${before.id}:${before.consentAt ?? 0}`))) {
    const now = (await deps.coaching.store.participants.get(before.id)) ?? before;
    return alreadyAnswered(turn, {
      kind: 'update',
      message: consentAnsweredMessage(t, before.id, now.consent === 'accepted'),
    });
  }
  // Only after consent: what the platform knows of their time zone, name and email.
  const profile: ProfileUpdate = accept
    ? {
        ...(event.actor.timezone ? { timezone: event.actor.timezone } : {}),
        ...(event.actor.name ? { displayName: event.actor.name } : {}),
        ...(event.actor.locale ? { locale: event.actor.locale } : {}),
        ...(await lookUp(turn)),
      }
    : {};
  await deps.coaching.decideConsent(event.actor.identity, event.ref, accept, profile);
  // Consent may have told the bot the person's language: the answer already speaks it.
  const words = accept ? await deps.coaching.translatorOf(event.actor.identity, event.actor.locale) : t;
  return answer(
    { kind: 'update', message: consentAnsweredMessage(words, before.id, accept) },
    { statusChanged: true },
  );
}

async function lookUp(turn: Turn): Promise<ProfileUpdate> {
  const lookUpProfile = turn.event.actor.lookUpProfile;
  if (!lookUpProfile) return {};
  try {
    return await lookUpProfile();
  } catch (error) {
    turn.deps.logger.warn(
      { err: (error as Error).message },
      'profile look-up failed; using the program time zone',
    );
    return {};
  }
}

export const consentActions: Partial<Record<ActionName, ActionFlow>> = {
  'consent.accept': (turn) => decide(turn, true),
  'consent.decline': (turn) => decide(turn, false),
};

/** The person opened the status surface (Slack's App Home): first contact if need be, then show it. */
export async function onOpened(turn: Turn<OpenedEvent>): Promise<Answer> {
  try {
    await firstContact(turn);
  } catch {
    // Not enrolled anywhere: the status surface says so.
  }
  return { ...NOTHING, statusChanged: true };
}

/** The bot was added: to a person's 1:1 (greet them, consent first) or to a channel (curators or not). */
export async function onInstalled(turn: Turn<InstalledEvent>): Promise<Answer> {
  const { event, deps, t } = turn;
  const { place, actor } = event;
  if (place.kind === 'channel') {
    const curators = deps.curators;
    if (await curators.isCuratorChannel(place.channel)) {
      await curators.registerChannel(place.channel, place.address);
      return say(t('channel.helloCurators'));
    }
    return say(t(curators.configured(place.channel.platform) ? 'channel.hello' : 'channel.helloClaim'));
  }
  if (place.kind !== 'dm') return say(t('welcome.groupChat'));
  const first = actor.name?.split(' ')[0];
  const named = { named: first ? 'yes' : 'no', name: first ?? '' };
  const existing = await me(turn);
  if (existing) {
    await deps.coaching.resendConsentIfLost(existing);
    return say(t(existing.consent === 'pending' ? 'welcome.pending' : 'welcome.back', named));
  }
  await firstContact(turn);
  // Now enrolled: greeted in the words of their program (its form of address), like the consent request.
  const enrolled = await deps.coaching.translatorOf(event.actor.identity, event.actor.locale);
  return say(enrolled('welcome.hello', named));
}

/** The bot was removed from a person's 1:1 (or blocked), or from a channel it posts to. */
export async function onRemoved(turn: Turn<RemovedEvent>): Promise<Answer> {
  const { place, actor } = turn.event;
  if (place.kind === 'channel') await turn.deps.curators.channelRemoved(place.channel);
  else if (place.kind === 'dm') await turn.deps.coaching.markUnreachable(actor.identity);
  return NOTHING;
}

import type { ActionName } from '../../../core/messages.js';
import type { Identity } from '../../../core/participant.js';
import { UserFacingError } from '../../errors.js';
import { decideProposal, openProposal, type ProposalDecision, reviewMessage } from '../../match-review.js';
import { type ActionFlow, answer, me, type Turn } from '../conversation.js';
import type { ActionEvent, CommandEvent, TextEvent } from '../events.js';

function depsOf(turn: Turn<ActionEvent>) {
  const { deps } = turn;
  return {
    store: deps.coaching.store,
    clock: deps.clock,
    curators: deps.curators,
    mentoring: deps.mentoring,
  };
}

/** The review message as it is now, in place of the one clicked (optionally with one proposal's alternatives). */
async function showReview(turn: Turn<ActionEvent>, proposalId: string, expanded: string | null) {
  const proposal = await turn.deps.coaching.store.matching.getProposal(proposalId);
  const message = proposal
    ? await reviewMessage(turn.deps.coaching.store, turn.t, proposal.reviewId, expanded)
    : null;
  return message
    ? answer({ kind: 'update', message })
    : answer({ kind: 'say', text: turn.t('common.buttonInvalid') });
}

/** Approve, reject, or pair with one of the alternatives: curators only; exactly one decision per proposal. */
function decide(toDecision: (event: ActionEvent) => ProposalDecision): ActionFlow {
  return async (turn) => {
    const { actor } = turn.event;
    await decideProposal(
      depsOf(turn),
      actor.identity,
      turn.event.ref,
      toDecision(turn.event),
      actor.name ?? actor.mention ?? null,
    );
    return showReview(turn, turn.event.ref, null);
  };
}

/** Choose another: the top alternatives with their reasons, each with its own button (curators only). */
const showAlternatives: ActionFlow = async (turn) => {
  await openProposal(depsOf(turn), turn.event.actor.identity, turn.event.ref);
  return showReview(turn, turn.event.ref, turn.event.ref);
};

const hideAlternatives: ActionFlow = async (turn) => {
  await openProposal(depsOf(turn), turn.event.actor.identity, turn.event.ref);
  return showReview(turn, turn.event.ref, null);
};

export const matchingActions: Partial<Record<ActionName, ActionFlow>> = {
  'match.approve': decide(() => ({ type: 'approve' })),
  'match.reject': decide(() => ({ type: 'reject' })),
  // The button's value names a mentor; the use case accepts only one of the proposal's stored alternatives.
  'match.pick': decide((event) => ({ type: 'pick', mentorId: event.value ?? '' })),
  'match.another': showAlternatives,
  'match.back': hideAlternatives,
};

const sameIdentity = (a: Identity, b: Identity) =>
  a.platform === b.platform && a.workspaceId === b.workspaceId && a.userId === b.userId;

/**
 * `notwith @person` adds to the person's private "not with" list, `notwith remove @person` takes off, and
 * `notwith` alone lists it. Nobody else sees the list; the matcher honours it for both people.
 */
export async function notWithText(turn: Turn<CommandEvent | TextEvent>): Promise<string> {
  const { event, deps, t } = turn;
  const owner = await me(turn);
  if (!owner) throw new UserFacingError('enrol.notEnrolledYet');
  if (owner.consent !== 'accepted') throw new UserFacingError('consent.pendingFirst');
  const store = deps.coaching.store;
  // People are mentioned, or named by email (a 1:1 chat in Teams cannot mention anyone).
  const mentioned = [...(event.mentions ?? [])];
  let unknownEmail = false;
  for (const email of event.text.match(/[^\s<>@|:]+@[^\s<>@|]+\.[a-z]{2,}/gi) ?? []) {
    const [known] = await store.participants.findByEmail(event.actor.identity.platform, email);
    if (known)
      mentioned.push({ platform: known.platform, workspaceId: known.workspaceId, userId: known.userId });
    else unknownEmail = true;
  }
  const names = async (people: readonly { other: Identity; name: string | null }[]) =>
    (
      await Promise.all(
        people.map(
          async ({ other, name }) =>
            (await store.participants.findByIdentity(other))?.displayName ?? name ?? t('common.someone'),
        ),
      )
    ).join(', ');
  if (mentioned.length === 0 && unknownEmail) return t('notWith.unknownEmail');
  if (mentioned.length === 0) {
    const listed = await store.matching.notWithOf(owner.id);
    return listed.length === 0 ? t('notWith.empty') : t('notWith.list', { people: await names(listed) });
  }
  if (mentioned.some((m) => sameIdentity(m, event.actor.identity))) return t('notWith.self');
  const unique = mentioned.filter((m, i) => mentioned.findIndex((other) => sameIdentity(other, m)) === i);
  const entries = unique.map((other) => ({ other, name: event.mentionNames?.[other.userId] ?? null }));
  const now = deps.clock.now();
  if (/^\s*not-?with\s+remove\b/i.test(event.text)) {
    const removed = [];
    for (const entry of entries)
      if (await store.matching.removeNotWith(owner.id, entry.other)) removed.push(entry);
    return removed.length === 0
      ? t('notWith.notListed')
      : t('notWith.removed', { people: await names(removed) });
  }
  for (const entry of entries) await store.matching.addNotWith(owner.id, entry.other, entry.name, now);
  return t('notWith.added', { people: await names(entries) });
}

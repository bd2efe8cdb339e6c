import type { ActionName } from '../../../core/messages.js';
import { decideProposal, openProposal, type ProposalDecision, reviewMessage } from '../../match-review.js';
import { type ActionFlow, answer, type Turn } from '../conversation.js';
import type { ActionEvent } from '../events.js';

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

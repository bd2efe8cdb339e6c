import { randomUUID } from 'node:crypto';
import { english, type Translator, translator } from '../core/catalog/index.js';
import { type Clock, DAY } from '../core/clock.js';
import {
  matchReviewMessage,
  PROPOSALS_PER_REVIEW,
  type ReviewItem,
  type StoredProposal,
} from '../core/matching.js';
import type { Message } from '../core/messages.js';
import { type Identity, type Participant, readerOf } from '../core/participant.js';
import { localWeekKey } from '../core/time.js';
import type { NewProposal, ProgramRecord, Store } from '../store/types.js';
import { NotAllowedError, UserFacingError } from './errors.js';
import { matchInputFromStore, planMatches } from './matching.js';
import type { CuratorDirectory, MentoringService } from './mentoring.js';

export interface MatchReviewDeps {
  store: Store;
  clock: Clock;
  curators: CuratorDirectory;
  /** Forms approved pairs exactly as a curator's `/coach pair` does (introductions after consent). */
  mentoring: Pick<MentoringService, 'createPair'>;
  onQueued?: () => void;
}

export interface PostedReviews {
  /** Review messages queued, one per curator channel and at most PROPOSALS_PER_REVIEW proposals each. */
  reviews: { reviewId: string; channel: string; proposals: number }[];
  /** Mentees whose open proposal from an earlier review is still waiting. */
  alreadyWaiting: number;
  /** Proposals for mentees on a platform and workspace without a curator channel. */
  withoutChannel: number;
  unmatched: number;
}

const newId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const personName = (p: Participant | null, t: Translator, fallback: 'pair.mentor' | 'pair.mentee') =>
  p?.displayName ?? p?.email ?? t(fallback);

/** The review as a curator reads it now: each proposal, its decision, and the alternatives if asked for. */
export async function reviewMessage(
  store: Store,
  t: Translator,
  reviewId: string,
  expanded: string | null = null,
): Promise<Message | null> {
  const proposals = await store.matching.review(reviewId);
  const first = proposals[0];
  if (!first) return null;
  const program = await store.programs.get(first.programId);
  const people = new Map<string, Participant | null>();
  const get = async (id: string | null) => {
    if (!id) return null;
    if (!people.has(id)) people.set(id, await store.participants.get(id));
    return people.get(id) ?? null;
  };
  const items: ReviewItem[] = [];
  for (const p of proposals) {
    const names: Record<string, string> = {};
    for (const id of [...p.alternatives.map((a) => a.mentorId), p.chosenMentorId])
      if (id) names[id] = personName(await get(id), t, 'pair.mentor');
    const curator = p.decidedBy ? await get(p.decidedBy) : null;
    items.push({
      proposal: p,
      mentee: personName(await get(p.menteeId), t, 'pair.mentee'),
      mentor: personName(await get(p.mentorId), t, 'pair.mentor'),
      names,
      curator: curator?.displayName ?? curator?.email ?? p.decidedByName,
    });
  }
  return matchReviewMessage(t, program?.settings.title ?? program?.name ?? '', items, expanded);
}

/**
 * `coachloop match post`: the program's proposals go to the curators' channel as review messages. Nothing is
 * paired here; a mentee whose proposal is still open is not proposed again.
 */
export async function postMatchReview(
  deps: Pick<MatchReviewDeps, 'store' | 'clock' | 'curators' | 'onQueued'>,
  program: ProgramRecord,
): Promise<PostedReviews> {
  const { store, clock } = deps;
  const now = clock.now();
  const plan = planMatches(await matchInputFromStore(store, program, now), program.settings);
  const waiting = new Set(
    (await store.matching.proposals(program.id)).filter((p) => p.status === 'open').map((p) => p.menteeId),
  );
  const byChannel = new Map<string, { target: Identity; proposals: typeof plan.result.proposals }>();
  const outcome: PostedReviews = {
    reviews: [],
    alreadyWaiting: 0,
    withoutChannel: 0,
    unmatched: plan.result.unmatched.length,
  };
  for (const proposal of plan.result.proposals) {
    if (waiting.has(proposal.menteeId)) {
      outcome.alreadyWaiting += 1;
      continue;
    }
    const mentee = await store.participants.get(proposal.menteeId);
    const target = mentee ? await deps.curators.channelFor(mentee.platform, mentee.workspaceId) : null;
    if (!target) {
      outcome.withoutChannel += 1;
      continue;
    }
    const key = `${target.platform}:${target.workspaceId}:${target.userId}`;
    const group = byChannel.get(key) ?? { target, proposals: [] };
    group.proposals.push(proposal);
    byChannel.set(key, group);
  }
  for (const { target, proposals } of byChannel.values()) {
    const channel = await store.participants.ensureChannel(target, program.id, now);
    for (let start = 0; start < proposals.length; start += PROPOSALS_PER_REVIEW) {
      const reviewId = newId('rev');
      const rows: NewProposal[] = proposals.slice(start, start + PROPOSALS_PER_REVIEW).map((p) => ({
        id: newId('prp'),
        reviewId,
        programId: program.id,
        menteeId: p.menteeId,
        mentorId: p.mentorId,
        fit: p.fit,
        reasons: p.reasons,
        alternatives: p.alternatives,
      }));
      const saved = await store.matching.saveProposals(rows, now);
      if (saved.length === 0) continue;
      const message = await reviewMessage(store, translator(readerOf(program.settings, channel)), reviewId);
      const inserted = await store.outbox.enqueue(
        {
          key: `match_review:${reviewId}`,
          participantId: channel.id,
          kind: 'curator_alert',
          budgeted: false,
          budgetWeek: localWeekKey(now, program.settings.timezone),
          message: message!,
          dueAt: now,
          expiresAt: now + 7 * DAY,
        },
        now,
      );
      if (inserted) deps.onQueued?.();
      outcome.reviews.push({ reviewId, channel: target.userId, proposals: saved.length });
    }
  }
  await store.audit.append({
    at: now,
    actor: 'cli',
    action: 'match.posted',
    subject: program.name,
    detail: {
      reviews: outcome.reviews.length,
      proposals: outcome.reviews.reduce((sum, r) => sum + r.proposals, 0),
      unmatched: outcome.unmatched,
    },
  });
  return outcome;
}

export type ProposalDecision = { type: 'approve' } | { type: 'reject' } | { type: 'pick'; mentorId: string };

/** Opening the alternatives, or any decision: curators only, and only while the proposal is open. */
export async function openProposal(
  deps: Pick<MatchReviewDeps, 'store' | 'curators'>,
  actor: Identity,
  proposalId: string,
): Promise<StoredProposal> {
  if (!(await deps.curators.isCurator(actor))) throw new NotAllowedError('common.curatorsOnly');
  const proposal = await deps.store.matching.getProposal(proposalId);
  if (!proposal) throw new NotAllowedError();
  if (proposal.status !== 'open') throw new UserFacingError('match.review.alreadyDecided');
  return proposal;
}

const identityOf = (p: Participant): Identity => ({
  platform: p.platform,
  workspaceId: p.workspaceId,
  userId: p.userId,
});

/**
 * A curator's decision on a proposal. Exactly one decision wins; an approved (or changed) proposal forms the
 * pair as a curator's `/coach pair` does, so introductions wait for both people's consent.
 */
export async function decideProposal(
  deps: MatchReviewDeps,
  actor: Identity,
  proposalId: string,
  decision: ProposalDecision,
  /** How the platform names the curator (a Slack mention, a Teams name), for one the bot has no name of. */
  actorName: string | null = null,
): Promise<StoredProposal> {
  const { store, clock } = deps;
  const proposal = await openProposal(deps, actor, proposalId);
  const curator = await store.participants.findByIdentity(actor);
  const by = curator?.id ?? `${actor.platform}:${actor.workspaceId}:${actor.userId}`;
  const now = clock.now();
  if (decision.type === 'reject') {
    if (!(await store.matching.decide(proposal.id, { status: 'rejected', by, byName: actorName }, now)))
      throw new UserFacingError('match.review.alreadyDecided');
    await store.audit.append({
      at: now,
      actor: by,
      action: 'match.rejected',
      subject: proposal.id,
      detail: { mentee: proposal.menteeId, mentor: proposal.mentorId },
    });
    return (await store.matching.getProposal(proposal.id))!;
  }
  const mentorId = decision.type === 'pick' ? decision.mentorId : proposal.mentorId;
  if (decision.type === 'pick' && !proposal.alternatives.some((a) => a.mentorId === mentorId))
    throw new UserFacingError('match.review.notAlternative');
  const mentor = await store.participants.get(mentorId);
  const mentee = await store.participants.get(proposal.menteeId);
  if (!mentor || !mentee) throw new UserFacingError('match.review.notAlternative');
  if ((await store.mentoring.activePairsOf(mentee.id)).some((p) => p.menteeId === mentee.id))
    throw new UserFacingError('match.review.menteePaired', {
      mentee: personName(mentee, english, 'pair.mentee'),
    });
  const taken = (await store.mentoring.activePairsOf(mentor.id)).filter(
    (p) => p.mentorId === mentor.id,
  ).length;
  if (taken >= (Number(mentor.attributes?.capacity ?? 1) || 1))
    throw new UserFacingError('match.review.mentorFull', {
      mentor: personName(mentor, english, 'pair.mentor'),
    });
  const status = decision.type === 'pick' ? 'changed' : 'approved';
  if (
    !(await store.matching.decide(
      proposal.id,
      { status, by, byName: actorName, chosenMentorId: decision.type === 'pick' ? mentorId : null },
      now,
    ))
  )
    throw new UserFacingError('match.review.alreadyDecided');
  let pairId: string;
  try {
    pairId = (await deps.mentoring.createPair(actor, identityOf(mentor), identityOf(mentee))).id;
  } catch (error) {
    await store.matching.reopen(proposal.id);
    throw error;
  }
  await store.matching.linkPair(proposal.id, pairId);
  await store.audit.append({
    at: now,
    actor: by,
    action: `match.${status}`,
    subject: proposal.id,
    detail: { mentee: mentee.id, proposed: proposal.mentorId, mentor: mentor.id, pair: pairId },
  });
  return (await store.matching.getProposal(proposal.id))!;
}

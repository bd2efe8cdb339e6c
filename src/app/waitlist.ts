import { translator } from '../core/catalog/index.js';
import { textMessage } from '../core/messages.js';
import { personStateOf, readerOf } from '../core/participant.js';
import type { Decision, ScheduledJob } from '../core/schedule.js';
import { decideCoachingStart } from '../core/waitlist.js';
import type { NewOutboxRow, Store } from '../store/types.js';

/**
 * The wait-list job of a staggered pilot: the core decides when the wait ends; this reads what it needs and
 * words the message that tells the leader their coaching starts.
 */
export async function decideCoachingStartJob(
  store: Store,
  job: ScheduledJob,
  now: number,
): Promise<{ decision: Decision; outbox: NewOutboxRow | null }> {
  const participant = await store.participants.get(job.participantId);
  const program = participant ? await store.programs.get(participant.programId) : null;
  if (!participant || !program) {
    return {
      decision: { type: 'skip', reason: 'participant or program no longer exists', effects: [], next: [] },
      outbox: null,
    };
  }
  const experiment = await store.experiments.current(participant.id);
  const surveys = experiment ? await store.surveys.forExperiment(experiment.id) : [];
  const person = personStateOf(program.settings, participant);
  const decision = decideCoachingStart({ now, job, program: program.settings, person, experiment, surveys });
  if (decision.type !== 'send') return { decision, outbox: null };
  const running = experiment !== null && (experiment.status === 'active' || experiment.status === 'paused');
  const t = translator(readerOf(program.settings, participant));
  const text = t('waitlist.coachingStarts', {
    program: program.settings.title ?? program.settings.name,
    running: running ? 'yes' : 'no',
    behavior: running ? experiment.behavior : null,
  });
  return {
    decision,
    outbox: {
      key: decision.key,
      participantId: participant.id,
      kind: 'notice',
      budgeted: false,
      budgetWeek: decision.budgetWeek,
      message: textMessage(text),
      dueAt: now,
      expiresAt: decision.expiresAt,
    },
  };
}

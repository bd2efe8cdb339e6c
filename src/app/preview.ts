import { DateTime } from 'luxon';
import { ManualClock, MINUTE } from '../core/clock.js';
import { type ExperimentInput, experimentEndDate } from '../core/experiment.js';
import { availabilityOf } from '../core/participant.js';
import type { ProgramSettings } from '../core/program.js';
import { planExperiment } from '../core/schedule.js';
import { Dispatcher } from '../scheduler/dispatcher.js';
import { runSchedulerPass } from '../scheduler/pass.js';
import type { Store } from '../store/types.js';
import type { ChannelSender, Delivery, SendReceipt } from './ports.js';

export interface PreviewLine {
  kind: string;
  local: string;
  utc: string;
  text: string;
}

class CollectingSender implements ChannelSender {
  readonly platform = 'slack' as const;
  readonly limits = { perWorkspacePerSecond: 1_000_000, burst: 1_000_000 };
  readonly sent: { delivery: Delivery; at: number }[] = [];
  constructor(private readonly clock: ManualClock) {}
  async send(delivery: Delivery): Promise<SendReceipt> {
    this.sent.push({ delivery, at: this.clock.now() });
    return { providerRef: delivery.key };
  }
}

/**
 * Every message one leader would receive, in order, when they answer nothing: the real scheduler and
 * dispatcher run against a throw-away database (`scratchStore`, opened for this preview and closed after it) on a
 * simulated clock. Used by `coachloop preview` and the console's Programs page.
 */
export async function previewProgram(
  program: ProgramSettings,
  timezone: string,
  startDate: string,
  days: number,
  /** The leader's own language; default the program's. */
  locale: string | undefined,
  scratchStore: () => Promise<Store>,
): Promise<PreviewLine[]> {
  const start = DateTime.fromISO(startDate, { zone: timezone }).startOf('day');
  if (!start.isValid) throw new Error(`not a date: ${startDate}`);
  const clock = new ManualClock(start.toMillis());
  const store = await scratchStore();
  try {
    const { record } = await store.programs.upsert(program, clock.now());
    const person = await store.participants.create(
      { platform: 'slack', workspaceId: 'PREVIEW', userId: 'LEADER', programId: record.id },
      clock.now(),
    );
    const leader = await store.participants.update(person.id, {
      consent: 'accepted',
      consentAt: clock.now(),
      timezone,
      ...(locale ? { language: locale } : {}),
    });
    const lengthWeeks = Math.min(16, Math.max(8, program.lengthWeeks));
    const input: ExperimentInput = {
      behavior: 'your chosen behavior',
      hypothesis: 'preview',
      kpiName: 'your KPI',
      kpiUnit: 'units',
      kpiBaseline: 0,
      kpiTarget: 1,
      kpiDirection: 'increase',
      startDate,
      lengthWeeks,
    };
    const endDate = experimentEndDate(startDate, lengthWeeks);
    const plan = planExperiment(clock.now(), program, availabilityOf(program, leader), {
      id: 'exp_preview',
      startDate,
      endDate,
      lengthWeeks,
    });
    await store.experiments.start('exp_preview', leader.id, input, endDate, plan, clock.now());
    const sender = new CollectingSender(clock);
    const dispatcher = new Dispatcher({ store, clock, senders: [sender] });
    const until = start.plus({ days }).toMillis();
    for (let guard = 0; guard < 10_000; guard += 1) {
      await runSchedulerPass(store, clock);
      await dispatcher.drain();
      const next = (await store.jobs.scheduled(leader.id))[0]?.dueAt;
      if (next === undefined || next > until) break;
      clock.set(Math.max(next, clock.now() + MINUTE));
    }
    return sender.sent.map(({ delivery, at }) => ({
      kind: delivery.kind,
      local: DateTime.fromMillis(at, { zone: timezone }).toFormat('ccc yyyy-LL-dd HH:mm ZZZZ'),
      utc: DateTime.fromMillis(at, { zone: 'UTC' }).toFormat("yyyy-LL-dd HH:mm'Z'"),
      text: delivery.message.text,
    }));
  } finally {
    await store.close();
  }
}

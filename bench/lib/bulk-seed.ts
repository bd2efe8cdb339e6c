/**
 * Very large populations (up to millions of people), written through the store's own bulk import
 * (`transfer.importRows`: one transaction, rows in batches; multi-row inserts on a server database), so the same
 * code seeds every store.
 *
 * What each person gets is not written by hand: one template person per time zone is created through the store
 * API (participants.create and update, experiments.start with the plan of planExperiment) in a throw-away store,
 * read back with `transfer.exportRows`, and copied with the ids of the n-th person in place of the template's.
 * Every row therefore follows the schema as it evolves, as the API writes it.
 */
import { createHash } from 'node:crypto';
import { experimentEndDate } from '../../src/core/experiment.js';
import { effectiveAvailability, parseProgramSettings } from '../../src/core/program.js';
import { planExperiment } from '../../src/core/schedule.js';
import { openThrowAwayStore } from '../../src/store/index.js';
import { TRANSFER_TABLES } from '../../src/store/transfer.js';
import type { Store, TransferBatch, TransferValue } from '../../src/store/types.js';
import { userIdOf } from './common.js';
import { BENCH_PROGRAM, checkSeededPerson, EXPERIMENT_INPUT, SEED_AT, START_DATE } from './seed.js';

/** A share of the people (whole percent) living in a zone; null: the program's own zone (New York). */
export interface ZoneShare {
  zone: string | null;
  percent: number;
}

/**
 * Where the people of a large multinational program live. Every zone's first nudge (Tuesday 09:30 local) falls
 * at its own instant; the largest group east of New York, a tenth of everyone in Tokyo, comes due first.
 */
export const SPREAD: readonly ZoneShare[] = [
  { zone: 'Asia/Tokyo', percent: 10 },
  { zone: 'Asia/Kolkata', percent: 4 },
  { zone: 'Europe/Berlin', percent: 8 },
  { zone: 'Europe/London', percent: 6 },
  { zone: 'America/Sao_Paulo', percent: 3 },
  { zone: null, percent: 45 },
  { zone: 'America/Chicago', percent: 12 },
  { zone: 'America/Denver', percent: 2 },
  { zone: 'America/Los_Angeles', percent: 10 },
];

/** The index in `spread` of the n-th person's zone: the same for every hundredth person. */
export function spreadIndex(index: number, spread: readonly ZoneShare[] = SPREAD): number {
  let slot = index % 100;
  for (const [i, share] of spread.entries()) {
    if (slot < share.percent) return i;
    slot -= share.percent;
  }
  throw new Error('the shares of a spread must add up to 100');
}

/** People of one zone and when their first nudge falls due. */
export interface Slice {
  zone: string;
  people: number;
  firstNudgeAt: number;
}

export interface BulkSeed {
  people: number;
  rows: number;
  ms: number;
  /** By due time of the first nudge. */
  slices: Slice[];
}

/** The n-th person's participant id: spread over the key space as random ids are, and the same every time. */
export function participantIdOf(index: number): string {
  const h = createHash('md5').update(`bench-person-${index}`).digest('hex');
  return `ppl_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface TemplateRow {
  values: TransferValue[];
  /** Columns that name the template person (their ids), to be rewritten for each copy. */
  named: number[];
  /** The column the store generates, written afresh for each copy. */
  generated: number | null;
}

interface Template {
  participantId: string;
  userId: string;
  experimentId: string;
  /** Rows of this person, per table. */
  rows: Map<string, TemplateRow[]>;
}

/** One person per zone through the store API, read back as rows, and the rows that belong to nobody (the program). */
async function templates(
  spread: readonly ZoneShare[],
): Promise<{ shared: TransferBatch[]; people: Template[]; firstNudge: number[] }> {
  const scratch = await openThrowAwayStore();
  try {
    const { record } = await scratch.programs.upsert(parseProgramSettings({ ...BENCH_PROGRAM }), SEED_AT);
    const endDate = experimentEndDate(START_DATE, EXPERIMENT_INPUT.lengthWeeks);
    const people: Template[] = [];
    const firstNudge: number[] = [];
    for (const [k, share] of spread.entries()) {
      const userId = `UTEMPLATE${k}Z`;
      const experimentId = `exp_TEMPLATE${k}Z`;
      const created = await scratch.participants.create(
        { platform: 'slack', workspaceId: 'T0001', userId, programId: record.id },
        SEED_AT,
      );
      await scratch.participants.update(created.id, {
        consent: 'accepted',
        consentAt: SEED_AT,
        timezone: share.zone,
      });
      const plan = planExperiment(
        SEED_AT,
        record.settings,
        effectiveAvailability(record.settings, { timezone: share.zone }),
        { id: experimentId, startDate: START_DATE, endDate, lengthWeeks: EXPERIMENT_INPUT.lengthWeeks },
      );
      const nudge = plan.find((run) => run.kind === 'nudge');
      if (!nudge) throw new Error(`no nudge planned in ${share.zone ?? 'the program zone'}`);
      firstNudge.push(nudge.dueAt);
      await scratch.experiments.start(experimentId, created.id, EXPERIMENT_INPUT, endDate, plan, SEED_AT);
      people.push({ participantId: created.id, userId, experimentId, rows: new Map() });
    }
    const shared: TransferBatch[] = [];
    for await (const batch of scratch.transfer.exportRows()) {
      const table = TRANSFER_TABLES.find((t) => t.name === batch.table)!;
      const columns = Object.keys(table.columns);
      const generated = table.generatedId ? columns.indexOf(table.generatedId) : null;
      const common: TransferValue[][] = [];
      for (const values of batch.rows) {
        const owner = people.find((person) =>
          values.some(
            (v) =>
              typeof v === 'string' &&
              (v.includes(person.participantId) || v.includes(person.experimentId) || v === person.userId),
          ),
        );
        if (!owner) {
          common.push(values);
          continue;
        }
        const named = values.flatMap((v, i) =>
          typeof v === 'string' &&
          (v.includes(owner.participantId) || v.includes(owner.experimentId) || v.includes(owner.userId))
            ? [i]
            : [],
        );
        const list = owner.rows.get(batch.table) ?? [];
        list.push({ values, named, generated });
        owner.rows.set(batch.table, list);
      }
      if (common.length > 0) shared.push({ table: batch.table, rows: common });
    }
    return { shared, people, firstNudge };
  } finally {
    await scratch.close();
  }
}

/**
 * Seeds `count` people into an empty store: consent accepted, a running 13-week experiment each with its planned
 * jobs, spread over the zones of `spread`. Slack user ids are userIdOf(n) in workspace T0001, as seedPopulation's.
 */
export async function bulkSeed(
  store: Store,
  count: number,
  spread: readonly ZoneShare[] = SPREAD,
  batchRows = 5_000,
): Promise<BulkSeed> {
  const started = performance.now();
  const { shared, people, firstNudge } = await templates(spread);
  const kinds = new Array<number>(100);
  for (let slot = 0; slot < 100; slot += 1) kinds[slot] = spreadIndex(slot, spread);
  // People are written in the order of their participant ids, so that the indexes keyed by them grow at one end
  // (random ids written in random order cost a page-cache miss per index entry: 5 times the seeding time).
  const ids = new Array<string>(count);
  for (let index = 0; index < count; index += 1) ids[index] = participantIdOf(index);
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
  );
  let rows = 0;
  function* generate(): Generator<TransferBatch> {
    for (const table of TRANSFER_TABLES) {
      for (const batch of shared.filter((b) => b.table === table.name)) {
        rows += batch.rows.length;
        yield batch;
      }
      if (!people.some((person) => person.rows.has(table.name))) continue;
      let nextId = 1;
      let out: TransferValue[][] = [];
      for (const index of order) {
        const template = people[kinds[index % 100]!]!;
        const own = template.rows.get(table.name);
        if (!own) continue;
        const userId = userIdOf(index);
        const participantId = ids[index]!;
        const experimentId = `exp_${userId}`;
        for (const row of own) {
          const values = row.values.slice();
          for (const i of row.named)
            values[i] = (values[i] as string)
              .replaceAll(template.participantId, participantId)
              .replaceAll(template.experimentId, experimentId)
              .replaceAll(template.userId, userId);
          if (row.generated !== null) values[row.generated] = nextId++;
          out.push(values);
        }
        if (out.length >= batchRows) {
          rows += out.length;
          yield { table: table.name, rows: out };
          out = [];
        }
      }
      if (out.length > 0) {
        rows += out.length;
        yield { table: table.name, rows: out };
      }
    }
  }
  await store.transfer.importRows(generate());
  const counts = new Array<number>(spread.length).fill(0);
  for (let index = 0; index < count; index += 1) counts[kinds[index % 100]!]! += 1;
  const slices = spread
    .map((share, i) => ({
      zone: share.zone ?? BENCH_PROGRAM.timezone,
      people: counts[i]!,
      firstNudgeAt: firstNudge[i]!,
    }))
    .filter((slice) => slice.people > 0)
    .sort((a, b) => a.firstNudgeAt - b.firstNudgeAt);
  return { people: count, rows, ms: performance.now() - started, slices };
}

/** Reads a few seeded people back through the store API: consent, running experiment, planned nudge. */
export async function verifyBulkSeed(store: Store, count: number): Promise<void> {
  for (const index of [0, Math.floor(count / 2), count - 1]) {
    const participant = await store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: userIdOf(index),
    });
    await checkSeededPerson(store, index, participant, participantIdOf(index));
  }
}

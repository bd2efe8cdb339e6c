import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  canonicalLocale,
  chooseLocale,
  PSEUDO_LOCALE,
  speaks,
  supportedLanguages,
  translator,
} from '../core/catalog/index.js';
import { defaultCharterDraft } from '../core/charter.js';
import { consentRequestMessage } from '../core/coaching.js';
import { nextPairHealthRun } from '../core/mentoring.js';
import type { Message } from '../core/messages.js';
import { ARMS, type Identity, type Participant, PLATFORMS, ROLES, type Role } from '../core/participant.js';
import { effectiveAvailability } from '../core/program.js';
import { localWeekKey, nextAllowedInstant, timeZoneSchema } from '../core/time.js';
import type { ProgramRecord, RosterPairPlan, RosterPersonPlan, RosterPlan, Store } from '../store/types.js';
import { type ArmAssignmentSummary, assignmentAuditDetail, planArmAssignments } from './roster-assignment.js';
import { attributesFromRows, ROSTER_ATTRIBUTE_NAMES, rosterAttributeShape } from './roster-attributes.js';

/** How far a directory has got resolving a roster's emails (for a progress line on the terminal). */
export interface DirectoryProgressReport {
  platform: Identity['platform'];
  /** Directory calls made so far. */
  calls: number;
  /** Members read from a listing (0 for lookups one email at a time). */
  membersRead: number;
  found: number;
  wanted: number;
}
export type DirectoryProgress = (report: DirectoryProgressReport) => void;

/** Finds chat users by email on one platform. */
export interface DirectoryLookup {
  platform: Identity['platform'];
  lookupByEmail(email: string): Promise<Identity | null>;
  /**
   * Resolves many emails at once where the platform allows it (e.g. one paged listing of the workspace): the map
   * holds those found, and an email missing from it has no user. Null: ask `lookupByEmail` for each email.
   */
  lookupMany?(
    emails: ReadonlySet<string>,
    progress?: DirectoryProgress,
  ): Promise<Map<string, Identity> | null>;
  /**
   * Called with the people this directory found once the import passed every check and is about to be written
   * (never on a dry run), before any message is queued: the directory may keep what its platform needs to
   * open a conversation with them, and nothing more.
   */
  keep?(found: readonly Identity[]): Promise<void>;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const rosterRowSchema = z.object({
  email: z.email('is not an email address').transform((v) => v.toLowerCase()),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  mentor_email: optional(z.email('is not an email address').transform((v) => v.toLowerCase())),
  /** `auto`: the bot draws the arm (see the program's evaluation.assignment). */
  arm: optional(z.enum([...ARMS, 'auto'], { error: 'must be coached, control or auto' })),
  timezone: optional(timeZoneSchema),
  platform: optional(z.enum(PLATFORMS, { error: 'must be slack or teams' })),
  /** The language the bot writes to the person in, unless they choose another (`de`, `pt-BR`…). */
  language: optional(
    z
      .string()
      .transform((tag) => canonicalLocale(tag) ?? '')
      .refine((tag) => speaks(tag) && tag !== PSEUDO_LOCALE, {
        error: `must be a language the bot speaks (${supportedLanguages().join(', ')})`,
      }),
  ),
  ...rosterAttributeShape,
});
export type RosterRow = z.output<typeof rosterRowSchema> & { line: number };

export interface RosterParse {
  rows: RosterRow[];
  problems: string[];
}

/**
 * What one import may read: a roster is read as a stream and stops at the first limit it crosses, so memory stays
 * bounded whatever the file holds. Both are documented in the README (Privacy and reliability).
 */
export const ROSTER_LIMITS = { maxBytes: 32 * 1024 * 1024, maxRows: 100_000 } as const;
export type RosterLimits = { maxBytes: number; maxRows: number };

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(Object.keys(rosterRowSchema.shape));
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A roster that crosses a limit: nothing is imported, and the message says which limit and what to do. */
export class RosterLimitError extends Error {}

/** The source's chunks, counted: past `maxBytes` the read stops with a RosterLimitError. */
async function* bounded(source: Iterable<string> | AsyncIterable<string | Uint8Array>, maxBytes: number) {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > maxBytes)
      throw new RosterLimitError(
        `the file is larger than ${megabytes(maxBytes)}, the most one import reads; split it into several files and import each`,
      );
    yield chunk;
  }
}

/** Header problems: unknown columns (including names like `__proto__`), a column named twice, required ones missing. */
function headerProblems(header: readonly string[]): string[] {
  const problems: string[] = [];
  for (const required of ['email', 'role']) {
    if (!header.includes(required))
      problems.push(`the header has no "${required}" column (columns: ${header.join(', ')})`);
  }
  const unknown = header.filter((h) => !KNOWN_COLUMNS.has(h));
  if (unknown.length > 0) problems.push(`unknown columns: ${unknown.join(', ')}`);
  const twice = [...new Set(header.filter((h, i) => header.indexOf(h) !== i))];
  if (twice.length > 0)
    problems.push(`the header names ${twice.map((h) => `"${h}"`).join(', ')} more than once`);
  return problems;
}

/**
 * Reads and checks a roster: every problem is reported with its line, and nothing is written. The text is read
 * as a stream (a string, or the chunks of a file) within `limits`.
 */
export async function parseRosterCsv(
  source: string | AsyncIterable<string | Uint8Array>,
  limits: RosterLimits = ROSTER_LIMITS,
): Promise<RosterParse> {
  const { rows, problems } = await readRoster(source, limits);
  return { rows, problems };
}

/** The rows, and the same rows by person (email), in the order people first appear. */
async function readRoster(
  source: string | AsyncIterable<string | Uint8Array>,
  limits: RosterLimits = ROSTER_LIMITS,
): Promise<RosterParse & { byEmail: Map<string, RosterRow[]> }> {
  const byEmail = new Map<string, RosterRow[]>();
  const parser = parse({
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
    relax_column_count: true,
  });
  const input = Readable.from(bounded(typeof source === 'string' ? [source] : source, limits.maxBytes));
  let inputError: unknown = null;
  input.on('error', (error) => {
    inputError = error;
    parser.destroy(error);
  });
  input.pipe(parser);
  const problems: string[] = [];
  const rows: RosterRow[] = [];
  const repeated = new Map<string, string>();
  let header: string[] | null = null;
  let count = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
        const wrong = headerProblems(header);
        if (wrong.length > 0) {
          input.destroy();
          return { rows: [], byEmail, problems: wrong };
        }
        continue;
      }
      count += 1;
      if (count > limits.maxRows) {
        input.destroy();
        return {
          rows: [],
          byEmail,
          problems: [
            `the file has more than ${limits.maxRows.toLocaleString('en-US')} rows, the most one import takes; split it into several files and import each`,
          ],
        };
      }
      const line = info.lines;
      if (record.length !== header.length) {
        problems.push(`line ${line}: has ${record.length} cells, the header has ${header.length}`);
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((name, i) => {
        cells[name] = record[i] ?? '';
      });
      const parsed = rosterRowSchema.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push(`line ${line}: ${issue.path.join('.') || 'row'} ${issue.message}`);
        continue;
      }
      const own = byEmail.get(parsed.data.email);
      const earlier = own?.find((r) => r.role === parsed.data.role);
      if (earlier !== undefined) {
        problems.push(
          `line ${line}: duplicates line ${earlier.line} (${parsed.data.email} as ${parsed.data.role})`,
        );
        continue;
      }
      const row: RosterRow = Object.assign(parsed.data, { line });
      // Attribute values repeat from row to row (departments, levels): one string each, not one per row.
      for (const name of ROSTER_ATTRIBUTE_NAMES) {
        const value = row[name];
        if (value === undefined) continue;
        const known = repeated.get(value);
        // Unique values (a manager's email on every row) would only grow the map: it stops at 10,000.
        if (known === undefined) {
          if (repeated.size < 10_000) repeated.set(value, value);
        } else row[name] = known;
      }
      rows.push(row);
      if (own) own.push(row);
      else byEmail.set(row.email, [row]);
    }
  } catch (error) {
    const cause = inputError ?? error;
    if (cause instanceof RosterLimitError) return { rows: [], byEmail, problems: [cause.message] };
    const err = cause as { message: string; lines?: number; code?: string };
    // A file that cannot be read at all (missing, a folder, no permission) is not a CSV problem.
    if (!err.code?.startsWith('CSV_')) throw cause;
    return {
      rows: [],
      byEmail,
      problems: [
        `the file is not valid CSV${err.lines ? ` (line ${err.lines})` : ''}: ${err.message.split(':')[0]}`,
      ],
    };
  }
  if (!header || count === 0) return { rows: [], byEmail, problems: ['the file has no rows'] };
  // One person, one arm, zone and platform across their rows.
  for (const [email, own] of byEmail) {
    if (own.length < 2) continue;
    for (const field of ['arm', 'timezone', 'platform', 'language', ...ROSTER_ATTRIBUTE_NAMES] as const) {
      const values = new Set(own.map((r) => r[field]).filter(Boolean));
      if (values.size > 1)
        problems.push(
          `lines ${own.map((r) => r.line).join(', ')}: ${email} has conflicting ${field} values (${[...values].join(', ')})`,
        );
    }
  }
  const mentors = new Set(rows.filter((r) => r.role === 'mentor').map((r) => r.email));
  for (const row of rows) {
    if (row.mentor_email && row.role !== 'mentee')
      problems.push(`line ${row.line}: mentor_email is only for mentee rows`);
    if (row.mentor_email && !mentors.has(row.mentor_email))
      problems.push(`line ${row.line}: mentor ${row.mentor_email} is not in the roster as a mentor`);
    if (row.mentor_email === row.email) problems.push(`line ${row.line}: a person cannot mentor themselves`);
  }
  return { rows, byEmail, problems };
}

export interface RosterOutcome {
  ok: boolean;
  written: boolean;
  problems: string[];
  people: {
    email: string;
    platform: Identity['platform'];
    roles: Role[];
    arm: string;
    status: 'new' | 'updated' | 'unchanged';
  }[];
  pairs: { mentor: string; mentee: string; status: 'new' | 'exists' }[];
  counts?: { peopleCreated: number; peopleUpdated: number; pairsCreated: number };
  /** Arms the bot drew in this import (with its seed), and leaders who keep theirs. */
  assignment?: ArmAssignmentSummary | null;
  notes?: string[];
}

/**
 * Imports a roster into a program: emails resolve to Slack or Teams users, unmatched and duplicate rows are
 * listed, and either the whole roster is applied in one transaction or nothing is. A second import of the
 * same file changes nothing.
 */
export async function importRoster(options: {
  store: Store;
  program: ProgramRecord;
  /** The roster's text, or a stream of it (e.g. a file's chunks). */
  csv: string | AsyncIterable<string | Uint8Array>;
  limits?: RosterLimits;
  lookups: readonly DirectoryLookup[];
  /** Called as the directories resolve emails, for a progress line on long imports. */
  onProgress?: DirectoryProgress;
  now: number;
  dryRun?: boolean;
  actor?: string;
}): Promise<RosterOutcome> {
  const { store, program, now } = options;
  const parsed = await readRoster(options.csv, options.limits);
  const outcome: RosterOutcome = {
    ok: false,
    written: false,
    problems: [...parsed.problems],
    people: [],
    pairs: [],
  };
  if (outcome.problems.length > 0) return outcome;

  const { byEmail } = parsed;
  const wantedPlatform = (rows: readonly RosterRow[]) => rows.find((r) => r.platform)?.platform;
  // Directories that can list many people at once answer for the whole roster first.
  const bulk = new Map<DirectoryLookup, Map<string, Identity>>();
  for (const lookup of options.lookups) {
    if (!lookup.lookupMany) continue;
    const emails = new Set<string>();
    for (const [email, rows] of byEmail) {
      const wanted = wantedPlatform(rows);
      if (!wanted || wanted === lookup.platform) emails.add(email);
    }
    const found = emails.size > 0 ? await lookup.lookupMany(emails, options.onProgress) : null;
    if (found) bulk.set(lookup, found);
  }
  // Each email resolves to one user, or it is a problem.
  const lookupsFor = new Map<string, DirectoryLookup[]>();
  /** Who each directory that keeps something found. */
  const foundBy = new Map<DirectoryLookup, Identity[]>();
  let oneByOne = 0;
  const resolved = new Map<string, Identity>();
  for (const [email, rows] of byEmail) {
    const wanted = wantedPlatform(rows);
    const key = wanted ?? '';
    let lookups = lookupsFor.get(key);
    if (!lookups) {
      lookups = options.lookups.filter((l) => !wanted || l.platform === wanted);
      lookupsFor.set(key, lookups);
    }
    let identity: Identity | null = null;
    for (const lookup of lookups) {
      const listed = bulk.get(lookup);
      if (listed) {
        identity = listed.get(email) ?? null;
        // Moved, not copied: the listing's map shrinks as the resolved one grows.
        listed.delete(email);
      } else {
        identity = await lookup.lookupByEmail(email);
        oneByOne += 1;
        if (options.onProgress && oneByOne % 100 === 0)
          options.onProgress({
            platform: lookup.platform,
            calls: oneByOne,
            membersRead: 0,
            found: resolved.size,
            wanted: byEmail.size,
          });
      }
      if (identity) {
        if (lookup.keep) {
          const found = foundBy.get(lookup);
          if (found) found.push(identity);
          else foundBy.set(lookup, [identity]);
        }
        break;
      }
    }
    if (identity) resolved.set(email, identity);
    else
      outcome.problems.push(
        `${rows.length > 1 ? 'lines' : 'line'} ${rows.map((r) => r.line).join(', ')}: no ${wanted ?? 'Slack or Teams'} user has the email ${email}`,
      );
  }
  // The listings' members who are not on the roster are not needed any more.
  bulk.clear();
  if (outcome.problems.length > 0) return outcome;

  // When and in which words an invitation goes out depends only on the zone and the language: worked out once per
  // zone and language, the
  // message serialized once with a stand-in id that each person's id then replaces.
  const invitations = new Map<
    string,
    {
      at: number;
      budgetWeek: string;
      messageFor: (participantId: string) => Message;
      messageJsonFor: (participantId: string) => string;
    }
  >();
  const invitationIn = (timezone: string | null, locale: string) => {
    const invitationKey = `${timezone ?? ''}|${locale}`;
    let invitation = invitations.get(invitationKey);
    if (!invitation) {
      const who = effectiveAvailability(program.settings, { timezone });
      const at = nextAllowedInstant(now, who);
      const t = translator({ locale, timeZone: who.timezone });
      const standIn = `ppl_${randomUUID()}`;
      const template = JSON.stringify(consentRequestMessage(t, standIn, program.settings));
      invitation = {
        at,
        budgetWeek: localWeekKey(at, who.timezone),
        messageFor: (participantId) => consentRequestMessage(t, participantId, program.settings),
        messageJsonFor: (participantId) =>
          template.replaceAll(standIn, JSON.stringify(participantId).slice(1, -1)),
      };
      invitations.set(invitationKey, invitation);
    }
    return invitation;
  };
  /** A resolved person's plan: created or updated, roles merged, consent asked once. */
  const planPerson = async (email: string): Promise<PlannedPerson> => {
    const rows = byEmail.get(email)!;
    const identity = resolved.get(email)!;
    const existing = await store.participants.findByIdentity(identity);
    const roles = sharedRoles([...new Set([...(existing?.roles ?? []), ...rows.map((r) => r.role)])].sort());
    const named = rows.find((r) => r.arm)?.arm;
    const arm = named && named !== 'auto' ? named : (existing?.arm ?? 'coached');
    const timezone = rows.find((r) => r.timezone)?.timezone ?? null;
    const language = rows.find((r) => r.language)?.language ?? null;
    const attributes = attributesFromRows(rows);
    const id = existing?.id ?? `ppl_${randomUUID()}`;
    const needsConsent =
      !existing || (existing.consent === 'pending' && !(await store.outbox.byKey(`consent:${id}`)));
    // The program team's invitation arrives in the person's working hours (their roster zone, else the program's).
    const invitation = invitationIn(
      timezone ?? existing?.timezone ?? null,
      chooseLocale([
        existing?.language,
        language ?? existing?.rosterLanguage,
        existing?.platformLocale,
        program.settings.language,
      ]),
    );
    return {
      existing,
      person: {
        id,
        exists: Boolean(existing),
        identity,
        programId: program.id,
        email,
        roles,
        arm,
        timezone,
        language,
        attributes,
        consentRequest: needsConsent
          ? {
              key: `consent:${id}`,
              participantId: id,
              kind: 'consent',
              budgeted: false,
              budgetWeek: invitation.budgetWeek,
              // Both made when the row is written, so a batch does not hold its messages until then.
              get message() {
                return invitation.messageFor(id);
              },
              get messageJson() {
                return invitation.messageJsonFor(id);
              },
              dueAt: invitation.at,
              expiresAt: invitation.at + 14 * 86_400_000,
            }
          : null,
      },
    };
  };
  // Role lists repeat (most people are "leader"): one array per combination, not one per person.
  const roleLists = new Map<string, Role[]>();
  const sharedRoles = (roles: Role[]) => {
    const key = roles.join('+');
    const known = roleLists.get(key);
    if (known) return known;
    roleLists.set(key, roles);
    return roles;
  };

  // Arms the bot draws: one separate step, which plans (and keeps) only the people a draw concerns.
  const plannedAhead = new Map<string, PlannedPerson>();
  const arms = await planArmAssignments({
    store,
    program,
    requests: (function* () {
      for (const [email, rows] of byEmail)
        yield [
          email,
          {
            lines: rows.map((r) => r.line),
            roles: rows.map((r) => r.role),
            arm: rows.find((r) => r.arm)?.arm,
          },
        ] as const;
    })(),
    personOf: async (email) => {
      let planned = plannedAhead.get(email);
      if (!planned) {
        planned = await planPerson(email);
        plannedAhead.set(email, planned);
      }
      return planned.person;
    },
    now,
  });
  outcome.problems.push(...arms.problems);
  outcome.notes = arms.notes;
  outcome.assignment = arms.summary;
  if (outcome.problems.length > 0) return outcome;

  // Pairs need the ids of their people, which exist only once those are planned: kept for them alone.
  const inPairs = new Set<string>();
  for (const row of parsed.rows) {
    if (!row.mentor_email) continue;
    inPairs.add(row.mentor_email);
    inPairs.add(row.email);
  }
  const pairPeople = new Map<string, { id: string; exists: boolean }>();
  const planPairs = async (): Promise<RosterPairPlan[]> => {
    const pairs: RosterPairPlan[] = [];
    const today = DateTime.fromMillis(now, { zone: program.settings.timezone }).toISODate()!;
    for (const row of parsed.rows) {
      if (!row.mentor_email) continue;
      const mentor = pairPeople.get(row.mentor_email)!;
      const mentee = pairPeople.get(row.email)!;
      const active = mentee.exists
        ? (await store.mentoring.activePairsOf(mentee.id)).some(
            (p) => p.mentorId === mentor.id && p.menteeId === mentee.id,
          )
        : false;
      outcome.pairs.push({ mentor: row.mentor_email, mentee: row.email, status: active ? 'exists' : 'new' });
      if (active) continue;
      const id = `pair_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      pairs.push({
        id,
        programId: program.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        jobs: [nextPairHealthRun(id, program.settings, effectiveAvailability(program.settings, {}), now)],
        draft: defaultCharterDraft(today),
      });
    }
    return pairs;
  };
  // The plan, a batch of people at a time (planned as the batch is written, then let go), pairs last.
  async function* batches(): AsyncGenerator<RosterPlan> {
    let people: RosterPersonPlan[] = [];
    for (const email of byEmail.keys()) {
      const { person, existing } = plannedAhead.get(email) ?? (await planPerson(email));
      plannedAhead.delete(email);
      const status: 'new' | 'updated' | 'unchanged' = !existing
        ? 'new'
        : unchangedPerson(
              existing,
              program.id,
              person.roles,
              person.arm,
              person.timezone,
              person.attributes ?? {},
            ) &&
            (person.language === null || existing.rosterLanguage === person.language)
          ? 'unchanged'
          : 'updated';
      outcome.people.push({
        email,
        platform: person.identity.platform,
        roles: person.roles,
        arm: person.arm,
        status,
      });
      if (inPairs.has(email)) pairPeople.set(email, { id: person.id, exists: person.exists });
      people.push(person);
      if (people.length >= ROSTER_WRITE_BATCH) {
        yield { people, pairs: [] };
        people = [];
      }
    }
    yield { people, pairs: await planPairs() };
  }
  if (options.dryRun) {
    // Planned like a real import (statuses, pairs), and nothing written.
    for await (const _batch of batches());
    outcome.ok = true;
    return outcome;
  }
  // Before the write: the consent requests it queues may be sent at once, and must find their way.
  for (const [lookup, found] of foundBy) await lookup.keep?.(found);
  foundBy.clear();
  outcome.counts = await store.participants.importRoster(batches(), now);
  outcome.ok = true;
  outcome.written = true;
  await store.audit.append({
    at: now,
    actor: options.actor ?? 'cli',
    action: 'roster.imported',
    subject: program.name,
    detail: { rows: parsed.rows.length, ...outcome.counts },
  });
  if (arms.summary) {
    await store.audit.append({
      at: now,
      actor: options.actor ?? 'cli',
      action: 'arms.assigned',
      subject: program.name,
      detail: assignmentAuditDetail(arms.summary),
    });
  }
  return outcome;
}

/**
 * People planned per write batch: the plan held at any time is one batch, not the roster. Small, so a batch dies
 * young instead of being promoted and piling up in the old generation until a full collection.
 */
export const ROSTER_WRITE_BATCH = 100;

interface PlannedPerson {
  person: RosterPersonPlan;
  existing: Participant | null;
}

function unchangedPerson(
  p: Participant,
  programId: string,
  roles: Role[],
  arm: string,
  timezone: string | null,
  attributes: Readonly<Record<string, string>>,
): boolean {
  return (
    p.programId === programId &&
    Object.entries(attributes).every(([name, value]) => p.attributes?.[name] === value) &&
    JSON.stringify([...p.roles].sort()) === JSON.stringify(roles) &&
    p.arm === arm &&
    (timezone === null || p.timezone === timezone) &&
    p.invitedAt !== null
  );
}

/**
 * Teams users the bot already knows: an install carries no email, and the profile (with the email) is read only
 * once the person accepts consent, so a Teams person can be found by email after they installed and accepted.
 */
export function knownUsersLookup(store: Store, platform: Identity['platform']): DirectoryLookup {
  return {
    platform,
    lookupByEmail: async (email) => {
      const [match] = await store.participants.findByEmail(platform, email);
      return match ? { platform, workspaceId: match.workspaceId, userId: match.userId } : null;
    },
  };
}

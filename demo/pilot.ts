/**
 * A whole simulated pilot, no credentials and no network: the real bot (Bolt receiver, Bot Framework
 * CloudAdapter, store, scheduler, outbox dispatcher, Slack and Teams senders) runs against the local Slack
 * Web API simulator and the local Bot Framework connector simulator. Only the clock and the people are
 * simulated; every message goes through the same code as in production.
 *
 *   npm run demo
 *   npm run demo -- --console   (then keeps the web console running on the pilot's data)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { addConfounderNote } from '../src/app/confounders.js';
import { postMatchReview } from '../src/app/match-review.js';
import { roundsOf } from '../src/app/mentoring.js';
import type { OutcomeReport } from '../src/app/reports/compute.js';
import type { EvidenceReport } from '../src/app/reports/evidence.js';
import { exportReport } from '../src/app/reports/export.js';
import type { MidReviewReport } from '../src/app/reports/mid-review.js';
import { importRoster, knownUsersLookup } from '../src/app/roster.js';
import { slackDirectory } from '../src/channels/slack/directory.js';
import { createSlackClient } from '../src/channels/slack/sender.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { answerWindowMs, meetingTally } from '../src/core/meetings.js';
import type { Identity, Platform } from '../src/core/participant.js';
import type { OneTimeSignIn } from '../src/http/console/index.js';
import { silentLogger } from '../src/logger.js';
import { type Coachloop, startCoachloop } from '../src/main.js';
import { startConnectorSimulator } from '../test/simulators/botframework.js';
import { startSlackSimulator } from '../test/simulators/slack-api.js';
import { freePort } from '../test/support/console-client.js';
import { type LocalOidcIssuer, startLocalOidcIssuer } from '../test/support/oidc-issuer.js';
import { SlackInbound } from '../test/support/slack-requests.js';
import { Agenda } from './agenda.js';
import { CAST, type Person } from './cast.js';
import { Narrator, type Output } from './narrator.js';
import { People } from './people.js';
import { SlackSide, slackUserId } from './slack-side.js';
import { TENANT, TeamsSide, teamsIdentity } from './teams-side.js';

const ROOT = resolve(import.meta.dirname, '..');
const PROGRAMS_DIR = join(ROOT, 'programs');
const ROSTER = join(PROGRAMS_DIR, 'demo-roster.csv');
const PROGRAM = 'pilot';

/** The kick-off call: Friday afternoon in Europe, morning in the Americas. */
const KICKOFF = Date.parse('2026-02-27T15:00:00Z');
/** Experiments start on Monday 2 March; pilot week 1 begins then. */
const WEEK_ONE = Date.parse('2026-03-02T00:00:00Z');
const START_DATE = '2026-03-02';
const CURATOR_CHANNEL = 'C0CURATORS';
const SIGNING_SECRET = 'demo-signing-secret';
const STEP = 15 * 60_000;
const DAY = 86_400_000;
/** The program admin the console's `--console` signs in as: named in ADMINS, not on the roster. */
const DEMO_ADMIN = { userId: 'UDEMOADMIN', name: 'Dana Admin' };

export interface DemoOptions {
  /** Where the transcript goes (default: stdout). */
  out?: Output;
  /**
   * How many pilot weeks to play. Default: the program's whole length plus the days its last checkpoint
   * stays open (reminder, then marked missed).
   */
  weeks?: number;
  /** Where the report is written (default: reports/ in the current folder). */
  reportDir?: string;
  /** Seed of the people's random choices (default 7). */
  seed?: number;
  /**
   * Keep the web console running on the pilot's data after the report: `hold` gets its URL and a one-time link that
   * signs in as the demo admin, and everything stops when the promise it returns settles (Ctrl-C on the command line).
   */
  console?: { hold(console: DemoConsole): Promise<void> };
}

export interface DemoConsole {
  url: string;
  /** Works once: signs the browser in as the demo admin. */
  signInUrl: string;
  admin: { identity: Identity; name: string };
}

export interface DemoFacts {
  /** Enrolled people per platform. */
  people: Record<Platform, number>;
  /** Leaders per arm whose consent stands. */
  leaders: { coached: number; control: number };
  checkpointsAnswered: number;
  checkpointsMissed: number;
  nudgesSent: { coached: number; control: number };
  nudgesAnswered: number;
  alerts: { status: string; action: string | null }[];
  pairs: { active: number; closed: number; rematched: number; chartersActive: number };
  milestonesConfirmed: number;
  /** Matching proposals by the curators' decision. */
  proposals: { approved: number; changed: number; rejected: number; open: number };
  /** No-fault requests for a new match from the friendly nudge. */
  newMatchRequests: number;
  /** Pair check-in rounds: meetings held of those expected (as the engagement score counts them). */
  meetings: { held: number; expected: number; asked: number };
  slackApiCalls: number;
  teamsConnectorRequests: number;
  clicks: number;
  formsSubmitted: number;
  typedMessages: number;
  transcriptLines: number;
  /** Answers only the clicking person saw (refusals, errors): a healthy run has none. */
  notices: string[];
}

export interface DemoResult {
  htmlPath: string;
  jsonPath: string;
  /** The mid-pilot review (week 6), when the demo ran that far. */
  midPath: string | null;
  mid: MidReviewReport | null;
  report: OutcomeReport;
  facts: DemoFacts;
  /** Simulated span. */
  from: string;
  to: string;
  wallMs: number;
}

/** Plays the pilot and writes its report; everything it starts is stopped again before it returns. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const out = options.out ?? process.stdout;
  const seed = options.seed ?? 7;
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-demo-'));
  const clock = new ManualClock(KICKOFF);
  const slackSim = await startSlackSimulator();
  const connector = await startConnectorSimulator();
  let app: Coachloop | null = null;
  let issuer: LocalOidcIssuer | null = null;
  try {
    const cora = CAST.find((p) => p.curator === 'env')!;
    // --console: the console on the demo's own server, Sign in with Slack through a local issuer that knows the
    // demo admin, and a one-time link that signs the newcomer in as that admin.
    let consoleEnv: Record<string, string> = {};
    let oneTimeSignIn: OneTimeSignIn | null = null;
    if (options.console) {
      issuer = await startLocalOidcIssuer();
      const port = await freePort();
      const admin: Identity = { platform: 'slack', workspaceId: slackSim.teamId, userId: DEMO_ADMIN.userId };
      issuer.signInAs({
        sub: admin.userId,
        name: DEMO_ADMIN.name,
        'https://slack.com/user_id': admin.userId,
        'https://slack.com/team_id': admin.workspaceId,
      });
      oneTimeSignIn = {
        token: randomBytes(32).toString('base64url'),
        identity: admin,
        name: DEMO_ADMIN.name,
      };
      consoleEnv = {
        PORT: String(port),
        ADMINS: admin.userId,
        CONSOLE_ENABLED: 'true',
        CONSOLE_SESSION_SECRET: randomBytes(48).toString('base64url'),
        CONSOLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        SLACK_CLIENT_ID: issuer.clientId,
        SLACK_CLIENT_SECRET: issuer.clientSecret,
        CONSOLE_SLACK_ISSUER: issuer.issuer,
      };
    }
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'coachloop.db'),
      PROGRAMS_DIR,
      DEFAULT_PROGRAM: PROGRAM,
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: slackSim.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackSim.apiUrl,
      // The pace limits count real time: with twelve weeks played in seconds, the default pace would be
      // the bottleneck (the simulators do not rate-limit).
      SLACK_MESSAGES_PER_MINUTE: '10000',
      TEAMS_MESSAGES_PER_SECOND: '30',
      CURATOR_CHANNEL,
      CURATORS: slackUserId(cora),
      // Teams in local development mode: no app id, so /api/messages takes activities without tokens and
      // replies go to the serviceUrl they name (the connector simulator).
      TEAMS_ENABLED: 'true',
      TEAMS_TIMEOUT_MS: '3000',
      ...consoleEnv,
    });
    app = await startCoachloop(config, {
      clock,
      cron: false,
      logger: silentLogger,
      slackBotIds: { botId: slackSim.botId, botUserId: slackSim.botUserId },
      ...(oneTimeSignIn ? { consoleOneTimeSignIn: oneTimeSignIn } : {}),
    });
    const bot = app;
    const program = (await bot.store.programs.getByName(PROGRAM))!;
    const lengthWeeks = program.settings.lengthWeeks;
    const lastDay = Math.max(...program.settings.checkpointDays);
    const closing =
      (program.settings.reminders.afterHours + program.settings.reminders.missedAfterHours) / 24 + 1;
    const end =
      options.weeks !== undefined
        ? WEEK_ONE + options.weeks * 7 * DAY
        : WEEK_ONE + (lastDay + closing) * DAY + 12 * 3_600_000;

    const slackPeople = CAST.filter((p) => p.platform === 'slack');
    const teamsPeople = CAST.filter((p) => p.platform === 'teams');
    const inbound = new SlackInbound({
      url: `${bot.url}/slack/events`,
      signingSecret: SIGNING_SECRET,
      teamId: slackSim.teamId,
      responseUrlBase: slackSim.responseUrlBase,
    });
    const slack = new SlackSide(slackSim, inbound, bot, slackPeople, CURATOR_CHANNEL);
    slack.addUsers(slackPeople);
    const teams = new TeamsSide(connector, bot, teamsPeople);
    const narrator = new Narrator(out, clock, WEEK_ONE, lengthWeeks, cora.tz);
    const agenda = new Agenda();
    let rosterImported = false;
    const nia = CAST.find((p) => p.key === 'nia')!;
    const people = new People({
      clock,
      agenda,
      narrator,
      sides: { slack, teams },
      cast: CAST,
      seed,
      kickoff: KICKOFF,
      startDate: START_DATE,
      lengthWeeks,
      rematch: {
        mentor: nia,
        userId: slackUserId(nia),
        reason: 'No contact for a month; schedules never lined up',
      },
      rosterImported: () => rosterImported,
    });

    const observe = async () => {
      for (let round = 0; round < 50; round += 1) {
        await bot.dispatcher.drain();
        // In the order of the cast (then the curators' channel): sends of one tick go out concurrently, and
        // this keeps the transcript the same on every run. Each person's own messages keep their order.
        const rank = (m: { to: Person | 'curators' }) =>
          m.to === 'curators' ? CAST.length : CAST.indexOf(m.to);
        const fresh = [...slack.collect(), ...teams.collect()].sort((a, b) => rank(a) - rank(b));
        if (fresh.length === 0) return;
        for (const message of fresh) people.onMessage(message);
      }
    };
    /** Simulated time moves in 15-minute scheduler ticks; people act at their own moments in between. */
    const runUntil = async (until: number) => {
      while (clock.now() < until) {
        const boundary = Math.min(until, clock.now() + STEP);
        for (let item = agenda.take(boundary); item; item = agenda.take(boundary)) {
          if (item.at > clock.now()) clock.set(item.at);
          await item.run();
          await observe();
        }
        clock.set(boundary);
        await bot.tick();
        await observe();
      }
    };

    const span = `${DateTime.fromMillis(KICKOFF, { zone: 'UTC' }).toFormat('d LLL')} to ${DateTime.fromMillis(end, { zone: 'UTC' }).toFormat('d LLL yyyy')}`;
    out.write(
      `coachloop demo: a ${lengthWeeks}-week leadership pilot, ${span}, simulated clock\n` +
        `${CAST.length} people: ${slackPeople.length} in Slack, ${teamsPeople.length} in Microsoft Teams; the bot is the real one, Slack and Teams are local simulators.\n` +
        'Times are each person\'s local time. "bot:" is what the bot sent them, "→" what they did.\n',
    );

    // ---- Kick-off: Teams people add the app during the call; the admin imports the roster. ---------------
    narrator.admin('kick-off call: the Teams people add the coachloop app in Teams');
    for (const [i, p] of teamsPeople.entries()) {
      agenda.add(KICKOFF + i * 20_000, async () => {
        narrator.act(p, 'teams', 'adds the coachloop app in Teams');
        await teams.install(p);
      });
    }
    await runUntil(KICKOFF + 30 * 60_000);

    const csv = readFileSync(ROSTER, 'utf8');
    const client = createSlackClient({ token: slackSim.token, apiUrl: slackSim.apiUrl });
    const outcome = await importRoster({
      store: bot.store,
      program,
      csv,
      lookups: [slackDirectory(client, slackSim.teamId), knownUsersLookup(bot.store, 'teams')],
      now: clock.now(),
      actor: 'demo-admin',
    });
    if (!outcome.ok) {
      throw new Error(`the roster was not imported:\n${outcome.problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    rosterImported = true;
    const counts = outcome.counts!;
    const arms = outcome.people.filter((p) => p.roles.includes('leader'));
    narrator.admin(
      `imports ${relative(ROOT, ROSTER)}: ${outcome.people.length} people (${counts.peopleCreated} new, ${counts.peopleUpdated} already in Teams), ` +
        `${arms.filter((p) => p.arm === 'coached').length} coached and ${arms.filter((p) => p.arm === 'control').length} control leaders, ${outcome.pairs.length} mentor pairs`,
    );
    for (const pair of outcome.pairs) {
      const mentor = CAST.find((p) => p.email === pair.mentor)!;
      const mentee = CAST.find((p) => p.email === pair.mentee)!;
      narrator.admin(
        `  pair: ${mentor.name} (${mentor.platform}) mentors ${mentee.name} (${mentee.platform})`,
      );
    }
    narrator.admin(
      `curators: ${cora.name} (CURATORS), ${CAST.filter((p) => p.curator === 'roster')
        .map((p) => p.name)
        .join(', ')} (roster role); alerts go to #curators in Slack`,
    );
    for (const pair of await bot.store.mentoring.activePairs(program.id))
      await bot.mentoring.sendIntros(pair);
    await bot.tick();
    await observe();

    // Mentees on the roster without a mentor are matched: the bot proposes, the curators decide.
    const posted = await postMatchReview(
      { store: bot.store, clock, curators: bot.mentoring.curators },
      program,
    );
    narrator.admin(
      `runs coachloop match post: ${posted.reviews.reduce((sum, r) => sum + r.proposals, 0)} matching proposals to #curators for review (nothing pairs until a curator approves)`,
    );
    await bot.tick();
    await observe();

    // ---- The pilot -------------------------------------------------------------------------------------
    // Week 5: something else happens in the organization; the admin writes it into the confounder log.
    const noteAt = WEEK_ONE + 30 * DAY + 12 * 3_600_000;
    await runUntil(Math.min(noteAt, end));
    if (clock.now() >= noteAt) {
      const date = DateTime.fromMillis(clock.now(), { zone: program.settings.timezone }).toISODate()!;
      const text = 'Sales reorganized into two regional teams; two sales leaders changed managers';
      await addConfounderNote(bot.store, program, { date, text }, 'demo-admin', clock.now());
      narrator.admin(`adds to the confounder log: ${date} "${text}"`);
    }
    // Week 7: the mid-pilot governance review (response rates, data quality, balance; no effect).
    const midAt = WEEK_ONE + 45 * DAY + 10 * 3_600_000;
    await runUntil(Math.min(midAt, end));
    let mid: { path: string; review: MidReviewReport | null } | null = null;
    if (clock.now() >= midAt) {
      const reportDir = resolve(options.reportDir ?? join(process.cwd(), 'reports'));
      mid = await exportReport(bot.store, clock, {
        program: PROGRAM,
        format: 'html',
        stage: 'mid',
        out: join(reportDir, `${PROGRAM}-demo-mid-review.html`),
        actor: 'demo-admin',
      });
      const review = mid.review!;
      const rates = review.responses
        .map(
          (arm) =>
            `${arm.arm} ${
              arm.checkpoints
                .map((c) => `day ${c.day} ${pct(c.rate)}`)
                .filter((t) => !t.endsWith('–'))
                .join(', ') || 'no survey yet'
            }`,
        )
        .join('; ');
      narrator.admin(
        `runs the mid-pilot review (${relative(process.cwd(), mid.path)}): answered ${rates}; ${review.dataQuality.length} data-quality warnings; no effect shown, on purpose`,
      );
    }
    await runUntil(end);

    // ---- The report ------------------------------------------------------------------------------------
    const reportDir = resolve(options.reportDir ?? join(process.cwd(), 'reports'));
    const date = DateTime.fromMillis(clock.now(), { zone: program.settings.timezone }).toISODate();
    const html = await exportReport(bot.store, clock, {
      program: PROGRAM,
      format: 'html',
      out: join(reportDir, `${PROGRAM}-demo-${date}.html`),
      actor: 'demo-admin',
    });
    const json = await exportReport(bot.store, clock, {
      program: PROGRAM,
      format: 'json',
      out: join(reportDir, `${PROGRAM}-demo-${date}.json`),
      actor: 'demo-admin',
    });
    const who = (p: Person) => identityOf(p, slackSim.teamId);
    const facts = await factsOf(
      bot,
      who,
      program.id,
      slackSim.calls.length,
      teams.requests,
      people,
      narrator.lines,
      clock.now(),
    );
    await summarize(out, bot, who, html.report!, facts);
    out.write(verdictText(html.report!.evidence));

    const wallMs = performance.now() - started;
    out.write(
      `\nReport: ${html.path}\n        ${json.path} (the same figures as JSON)\n` +
        `Took ${(wallMs / 1000).toFixed(1)} s of wall time for ${Math.round((end - KICKOFF) / DAY)} simulated days.\n`,
    );
    if (options.console && oneTimeSignIn) {
      const url = `${config.CONSOLE_PUBLIC_URL}/console`;
      await options.console.hold({
        url,
        signInUrl: `${url}/one-time-sign-in/${oneTimeSignIn.token}`,
        admin: { identity: oneTimeSignIn.identity, name: oneTimeSignIn.name },
      });
    }
    return {
      htmlPath: html.path,
      jsonPath: json.path,
      midPath: mid?.path ?? null,
      mid: mid?.review ?? null,
      report: html.report!,
      facts,
      from: new Date(KICKOFF).toISOString(),
      to: new Date(end).toISOString(),
      wallMs,
    };
  } finally {
    await app?.close();
    await issuer?.close();
    await slackSim.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type IdentityOf = (p: Person) => Identity;

async function factsOf(
  app: Coachloop,
  identityOf: IdentityOf,
  programId: string,
  slackApiCalls: number,
  teamsConnectorRequests: number,
  people: People,
  transcriptLines: number,
  now: number,
): Promise<DemoFacts> {
  const store = app.store;
  const facts: DemoFacts = {
    people: { slack: 0, teams: 0 },
    leaders: { coached: 0, control: 0 },
    checkpointsAnswered: 0,
    checkpointsMissed: 0,
    nudgesSent: { coached: 0, control: 0 },
    nudgesAnswered: 0,
    alerts: [],
    pairs: { active: 0, closed: 0, rematched: 0, chartersActive: 0 },
    milestonesConfirmed: 0,
    proposals: { approved: 0, changed: 0, rejected: 0, open: 0 },
    newMatchRequests: 0,
    meetings: { held: 0, expected: 0, asked: 0 },
    slackApiCalls,
    teamsConnectorRequests,
    clicks: people.stats.clicks,
    formsSubmitted: people.stats.forms,
    typedMessages: people.stats.typed,
    transcriptLines,
    notices: people.stats.notices,
  };
  const sent = await store.outbox.list({ status: 'sent' });
  for (const person of CAST) {
    const participant = await store.participants.findByIdentity(identityOf(person));
    if (!participant) continue;
    facts.people[participant.platform] += 1;
    if (participant.roles.includes('leader') && participant.consent === 'accepted')
      facts.leaders[participant.arm] += 1;
    const nudges = sent.filter((r) => r.participantId === participant.id && r.kind === 'nudge').length;
    facts.nudgesSent[participant.arm] += nudges;
    const experiment = await store.experiments.current(participant.id);
    if (!experiment) continue;
    for (const survey of await store.surveys.forExperiment(experiment.id)) {
      if (survey.status === 'answered') facts.checkpointsAnswered += 1;
      if (survey.status === 'missed') facts.checkpointsMissed += 1;
    }
  }
  const data = await store.reports.dataset(programId);
  facts.nudgesAnswered = data.nudges.reduce((sum, r) => sum + r.answered, 0);
  facts.alerts = (await store.mentoring.alerts()).map((a) => ({
    status: a.status,
    action: a.action ?? null,
  }));
  facts.pairs = {
    active: data.pairs.filter((p) => p.status === 'active').length,
    closed: data.pairs.filter((p) => p.status === 'closed').length,
    rematched: data.pairs.filter((p) => p.replacesPairId !== null).length,
    chartersActive: data.pairs.filter((p) => p.status === 'active' && p.charterConfirmedAt !== null).length,
  };
  facts.milestonesConfirmed = data.milestones.filter((m) => m.confirmedAt !== null).length;
  for (const proposal of data.proposals ?? []) facts.proposals[proposal.status] += 1;
  facts.newMatchRequests = (data.voices ?? []).filter((v) => v.kind === 'new_match').length;
  for (const pair of data.pairs) {
    const checkins = await store.matching.pairCheckins(pair.id);
    const charter = await store.mentoring.currentCharter(pair.id);
    const tally = meetingTally(
      roundsOf(checkins),
      now,
      answerWindowMs(charter?.charter.cadence ?? 'biweekly'),
    );
    facts.meetings.held += tally.met;
    facts.meetings.expected += tally.expected;
    facts.meetings.asked += checkins.length;
  }
  return facts;
}

function identityOf(p: Person, slackTeam: string): Identity {
  return p.platform === 'slack'
    ? { platform: 'slack', workspaceId: slackTeam, userId: slackUserId(p) }
    : { platform: 'teams', workspaceId: TENANT, userId: teamsIdentity(p).aadObjectId };
}

const pct = (rate: { rate: number | null; suppressed: boolean }) =>
  rate.suppressed ? 'suppressed (n<5)' : rate.rate === null ? '–' : `${Math.round(rate.rate * 100)}%`;
const num = (figure: { value: number | null; suppressed: boolean }, digits = 0) =>
  figure.suppressed ? 'suppressed (n<5)' : figure.value === null ? '–' : figure.value.toFixed(digits);

async function summarize(
  out: Output,
  app: Coachloop,
  identityOf: IdentityOf,
  report: OutcomeReport,
  facts: DemoFacts,
) {
  const store = app.store;
  out.write('\nWhere everyone ended up\n');
  for (const person of CAST) {
    const participant = await store.participants.findByIdentity(identityOf(person));
    const head = `  ${person.name.padEnd(15)} ${person.platform.padEnd(5)}`;
    if (!participant) {
      out.write(
        `${head}  not enrolled (${person.curator === 'env' ? 'curator named in CURATORS' : 'not on the roster'})\n`,
      );
      continue;
    }
    const role = participant.roles.length ? participant.roles.join('+') : 'leader';
    const parts = [
      `${role}${participant.roles.includes('leader') ? ` (${participant.arm})` : ''}`.padEnd(26),
      participant.consent.padEnd(8),
    ];
    const rows = (await store.outbox.list({ participantId: participant.id })).filter(
      (r) => r.status === 'sent',
    );
    const nudges = rows.filter((r) => r.kind === 'nudge').length;
    const experiment = await store.experiments.current(participant.id);
    if (experiment) {
      const surveys = await store.surveys.forExperiment(experiment.id);
      const checkpoints = surveys
        .map(
          (s) =>
            `d${s.checkpointDay} ${s.status === 'answered' ? `${s.practice}/5 ${s.kpiValue ?? ''}`.trim() : s.status}`,
        )
        .join(', ');
      parts.push(
        `nudges ${String(nudges).padStart(2)}`,
        checkpoints ? `checkpoints: ${checkpoints}` : 'no checkpoint yet',
      );
    }
    const pairs = await store.mentoring.activePairsOf(participant.id);
    for (const pair of pairs) {
      const other = await store.participants.get(
        pair.menteeId === participant.id ? pair.mentorId : pair.menteeId,
      );
      const charter = await store.mentoring.currentCharter(pair.id);
      const otherName = other?.displayName ?? other?.email ?? '?';
      parts.push(
        `${pair.menteeId === participant.id ? 'mentored by' : 'mentors'} ${otherName.split(' ')[0]}, charter ${charter ? `v${charter.version} ${charter.status}` : 'not started'}`,
      );
    }
    out.write(`${head}  ${parts.join('  ')}\n`);
  }

  const f = report.funnel;
  const cmp = report.comparison;
  out.write('\nThe pilot in numbers (from the report; groups under 5 people are suppressed there)\n');
  out.write(
    `  people        ${facts.people.slack} in Slack, ${facts.people.teams} in Teams; leaders invited ${num(f.invited)}, consented ${num(f.consented)}, experiment set ${num(f.experimentSet)}\n`,
  );
  out.write(
    `  checkpoints   ${report.responses.checkpoints.map((c) => `day ${c.day} ${pct(c.rate)}`).join(', ')} answered (${facts.checkpointsAnswered} answers, ${facts.checkpointsMissed} missed)\n`,
  );
  out.write(
    `  nudges        ${facts.nudgesSent.coached} to coached leaders, ${facts.nudgesSent.control} to control leaders; ${pct(report.responses.nudges.responseRate)} answered, ${pct(report.responses.nudges.didRate)} "did it"\n`,
  );
  if (cmp) {
    const last = cmp.difference
      .filter((d) => !d.pctOfTargetMean.suppressed && d.pctOfTargetMean.value !== null)
      .at(-1);
    const at = (arm: typeof cmp.coached, day: number) => arm.checkpoints.find((c) => c.day === day);
    if (last) {
      out.write(
        `  coached/ctrl  day ${last.day}: ${num(at(cmp.coached, last.day)!.pctOfTargetMean)}% vs ${num(at(cmp.control, last.day)!.pctOfTargetMean)}% of the way to target ` +
          `(difference ${num(last.pctOfTargetMean, 1)} points); practice ${num(at(cmp.coached, last.day)!.practiceMean, 1)} vs ${num(at(cmp.control, last.day)!.practiceMean, 1)} of 5\n`,
      );
    } else {
      out.write(
        `  coached/ctrl  ${facts.leaders.coached} coached and ${facts.leaders.control} control leaders; no checkpoint with both arms showable yet\n`,
      );
    }
  }
  const alerts =
    facts.alerts.map((a) => `${a.status}${a.action ? ` (${a.action})` : ''}`).join(', ') || 'none';
  out.write(
    `  mentoring     ${facts.pairs.active} active pairs (${facts.pairs.chartersActive} with an active charter), ${facts.pairs.closed} closed, ${facts.pairs.rematched} re-matched; ` +
      `${facts.milestonesConfirmed} milestones confirmed; curator alerts: ${alerts}\n`,
  );
  out.write(
    `  matching      ${facts.proposals.approved} proposals approved by a curator, ${facts.proposals.changed} changed, ${facts.proposals.rejected} rejected; ` +
      `${facts.newMatchRequests} no-fault request for a new match\n`,
  );
  out.write(
    `  check-ins     ${facts.meetings.asked} "did you meet?" questions to pair members; meetings held ${facts.meetings.held} of ${facts.meetings.expected} expected\n`,
  );
  const roi = report.roi;
  if (roi.status === 'complete' && roi.steps && roi.assumptions) {
    const s = roi.steps;
    out.write(
      `  ROI           ${s.baseline} → ${s.current} ${roi.assumptions.unit}, ${s.attributionPercent}% credited = ${s.attributableUnits} × ${s.valuePerUnit} ${roi.assumptions.currency} ` +
        `= ${Math.round(s.attributableValue)} against a cost of ${s.programCost}: ROI ${Math.round(s.roi * 100)}%\n`,
    );
  } else {
    out.write(`  ROI           ${roi.message ?? roi.status}\n`);
  }
  out.write(
    `  traffic       ${facts.slackApiCalls} Slack Web API calls, ${facts.teamsConnectorRequests} Bot Framework connector requests; ` +
      `${facts.clicks} clicks, ${facts.formsSubmitted} forms, ${facts.typedMessages} typed answers by the simulated people\n`,
  );
  if (facts.notices.length > 0)
    out.write(`  answers seen by the clicking person only: ${facts.notices.slice(0, 5).join(' | ')}\n`);
}

/** The last words of the demo: the verdict under the decision rule, and the estimate behind it. */
export function verdictText(e: EvidenceReport): string {
  const p = e.primary;
  const lines = [`\nVerdict: ${e.verdict.word}. ${e.verdict.reason}`];
  if (p && p.difference !== null) {
    lines.push(
      `  ${p.label} at day ${p.day}: coached ${p.coached!.mean.toFixed(0)} (n ${p.coached!.n}) vs control ${p.control!.mean.toFixed(0)} (n ${p.control!.n}); ` +
        `effect ${p.difference.toFixed(1)} ${p.unit}, ${p.levelPercent} % interval ${p.lower!.toFixed(1)} to ${p.upper!.toFixed(1)}, Hedges' g ${p.hedgesG?.toFixed(2) ?? '–'} (${p.effectSize ?? '–'})`,
    );
  }
  if (e.flows)
    lines.push(
      `  with data at day ${e.rule!.primary.day}: ${e.flows.coached.withData.value ?? 'suppressed (n<5)'} coached, ${e.flows.control.withData.value ?? 'suppressed (n<5)'} control; lost: ${e.flows.coached.lost.value ?? 'suppressed (n<5)'} coached, ${e.flows.control.lost.value ?? 'suppressed (n<5)'} control`,
    );
  lines.push(`  deviations from the rule fixed at launch: ${e.deviations.length}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Loopback only: keep any HTTP proxy in the environment away from the local simulators.
  process.env.NO_PROXY = ['127.0.0.1', 'localhost', process.env.NO_PROXY].filter(Boolean).join(',');
  await runDemo(process.argv.includes('--console') ? { console: { hold: holdConsole } } : {});
}

/** `npm run demo -- --console`: prints where the console is and keeps it running until Ctrl-C. */
function holdConsole(console: DemoConsole): Promise<void> {
  process.stdout.write(
    `\nThe web console is running on the pilot's data: ${console.url}\n` +
      `Open this link to sign in as ${console.admin.name}, a program admin (it works once; after that, use "Sign in with Slack"):\n` +
      `  ${console.signInUrl}\n` +
      'Admins see pairs in aggregate unless the program grants more (console: { adminsSeeIndividuals: true } in programs/pilot.yaml).\n' +
      'Press Ctrl-C to stop.\n',
  );
  return new Promise((resolve) => process.once('SIGINT', () => resolve()));
}

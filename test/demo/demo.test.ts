import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../../demo/pilot.js';
import type { OutcomeReport } from '../../src/app/reports/compute.js';

describe('npm run demo: a simulated pilot through the real bot, Slack and Teams simulators', () => {
  let dir: string;
  let result: DemoResult;
  let transcript = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-demo-test-'));
    // Seven pilot weeks: past the day-30 checkpoints, the quiet pair's curator alert, the confounder note and
    // the mid-pilot review.
    result = await runDemo({
      weeks: 7,
      reportDir: join(dir, 'reports'),
      out: { write: (text: string) => (transcript += text) },
    });
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a self-contained HTML report with the funnel and the coached-against-control section', () => {
    expect(result.htmlPath.startsWith(join(dir, 'reports'))).toBe(true);
    expect(existsSync(result.htmlPath)).toBe(true);
    const html = readFileSync(result.htmlPath, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).toContain('<section id="funnel">');
    expect(html).toContain('<section id="comparison">');
    expect(html).toContain('Coached against control');
    expect(html).not.toContain('The roster has no control arm');
  });

  it('reports participants on both platforms, answered checkpoints and an un-nudged control arm', () => {
    const report = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as OutcomeReport;
    expect(report.program.name).toBe('pilot');
    expect(result.facts.people.slack).toBeGreaterThan(0);
    expect(result.facts.people.teams).toBeGreaterThan(0);
    expect(report.funnel.invited.value).toBeGreaterThanOrEqual(10);
    expect(report.funnel.consent.declined.suppressed).toBe(true); // one person declined: fewer than five

    expect(result.facts.checkpointsAnswered).toBeGreaterThan(0);
    const day30 = report.responses.checkpoints.find((c) => c.day === 30)!;
    expect(day30.rate.suppressed).toBe(false);
    expect(day30.rate.numerator).toBeGreaterThan(0);

    expect(report.comparison).not.toBeNull();
    expect(report.comparison!.control.people.value).toBeGreaterThanOrEqual(5);
    expect(report.comparison!.control.checkpoints[0]!.respondents.value).toBeGreaterThanOrEqual(5);
    expect(result.facts.leaders.control).toBeGreaterThanOrEqual(5);
    expect(result.facts.nudgesSent.control).toBe(0);
    expect(result.facts.nudgesSent.coached).toBeGreaterThan(0);
    expect(report.roi.status).toBe('complete');
  });

  it('plays the quiet pair through a friendly nudge and a no-fault request for a new match to a re-match', () => {
    expect(result.facts.alerts).toEqual([{ status: 'handled', action: 'rematch' }]);
    expect(result.facts.pairs.rematched).toBe(1);
    expect(result.facts.pairs.closed).toBe(1);
    expect(result.facts.newMatchRequests).toBe(1);
    // The report counts pairs, and suppresses the alert figures: one alert concerns fewer than five people.
    const report = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as OutcomeReport;
    expect(report.mentoring.pairs.total.value).toBe(7);
    expect(report.mentoring.alerts.raised.suppressed).toBe(true);
    expect(transcript).toMatch(/Rae +→ clicks "I'd like a new match"/);
    expect(transcript).toMatch(/#curators bot: A new match is asked for in the pair Rae Lindqvist/);
    // The mentor is not told.
    expect(transcript).not.toMatch(/Quinn +bot: .*new match/);
    expect(transcript).toMatch(/Cora +→ picks Nia Costa as the new mentor/);
  });

  it("has the curator approve the matcher's proposals for the mentees the roster left without a mentor", () => {
    expect(transcript).toMatch(/admin +runs coachloop match post: 2 matching proposals to #curators/);
    expect(transcript).toMatch(/#curators bot: Matching proposals for Leadership pilot: 2 proposals/);
    expect(transcript.match(/Cora +→ approves a matching proposal in #curators/g)).toHaveLength(2);
    expect(result.facts.proposals).toEqual({ approved: 2, changed: 0, rejected: 0, open: 0 });
    expect(transcript).toMatch(/Mei +bot: You're paired with Nia Costa as your mentor/);
    expect(transcript).toMatch(/Jonas +bot: You're paired with Nia Costa as your mentor/);
  });

  it('asks the pairs "did you meet?" on their charter cadence, and the report shows meetings held of expected', () => {
    expect(transcript).toMatch(/Mei +bot: Pair check-in: did you and Nia Costa meet since Tue 3 Mar\?/);
    expect(result.facts.meetings.asked).toBeGreaterThan(0);
    expect(result.facts.meetings.held).toBeGreaterThan(0);
    expect(result.facts.meetings.held).toBeLessThanOrEqual(result.facts.meetings.expected);
    const report = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as OutcomeReport;
    expect(report.mentoring.matching.meetingsHeld).toMatchObject({
      numerator: result.facts.meetings.held,
      denominator: result.facts.meetings.expected,
      suppressed: false,
    });
  });

  it('shows the conversations on both platforms, one line per message or click, and nothing went wrong', () => {
    const lines = transcript.split('\n');
    expect(lines.some((l) => /^\w{3} \d\d \w{3} \d\d:\d\d {2}slack {2}\S+ +bot: /.test(l))).toBe(true);
    expect(lines.some((l) => /^\w{3} \d\d \w{3} \d\d:\d\d {2}teams {2}\S+ +bot: /.test(l))).toBe(true);
    expect(transcript).toMatch(/Tom +→ asks for changes/);
    expect(transcript).toMatch(/Kofi +→ types: /);
    expect(transcript).toContain(`Report: ${result.htmlPath}`);
    // Two answers are meant for the clicking person only: the charter chat moved to the 1:1, and the no-fault
    // request for a new match (the curators are told, the other person is not).
    const problems = result.facts.notices.filter(
      (n) =>
        !n.includes("I've asked the first question") &&
        !n.includes("Sent privately to the program's curators"),
    );
    expect(problems).toEqual([]);
  });

  it('carries the evidence section with a verdict, the balance table and the timeline with the confounder note', () => {
    const html = readFileSync(result.htmlPath, 'utf8');
    expect(html).toContain('<section id="evidence">');
    expect(html).toContain('<div class="verdict inconclusive" id="verdict">');
    expect(html).toContain('<section id="balance">');
    expect(html).toContain('Sales reorganized into two regional teams');
    const report = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as OutcomeReport;
    // Seven weeks in, nobody has reached the day-84 checkpoint of the decision rule yet.
    expect(report.evidence.verdict).toEqual({
      verdict: 'inconclusive',
      word: 'Inconclusive',
      basis: 'no_data',
      reason: 'No estimate yet: both arms have no leader with data at day 84.',
    });
    expect(report.evidence.rule?.smallestEffect).toBe(15);
    expect(report.evidence.deviations).toEqual([]);
    expect(report.evidence.midReview.runs).toBe(1);
    expect(report.timeline.events.some((e) => e.kind === 'note' && e.date === '2026-04-01')).toBe(true);
    expect(transcript).toMatch(/Verdict: Inconclusive\. No estimate yet/);
  });

  it('runs the mid-pilot review in week 7, without any effect', () => {
    expect(result.mid).not.toBeNull();
    expect(result.mid!.effect.shown).toBe(false);
    expect(result.mid!.responses.map((r) => r.arm)).toEqual(['coached', 'control']);
    const html = readFileSync(result.midPath!, 'utf8');
    expect(html).toContain('No effect is shown here.');
    expect(html).not.toContain('id="evidence"');
    expect(transcript).toMatch(/admin +runs the mid-pilot review/);
  });
});

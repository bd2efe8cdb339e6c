import { type EvaluationSettings, formatAmount, OUTCOME_INFO } from '../../core/evaluation.js';
import type { BalanceTable } from './balance.js';
import { escapeHtml } from './charts.js';
import type { ArmFlow, EvidenceReport, OutcomeEstimate, VerdictReport } from './evidence.js';
import type { Figure, Rate, Stat } from './figures.js';
import type { MidReviewReport } from './mid-review.js';
import type { Timeline, TimelineKind } from './timeline.js';

/*
 * The pilot sections of the HTML reports: evidence and verdict, arm balance, timeline, and the mid-pilot
 * review page. Everything a program file, a roster or an admin typed is escaped.
 */

const esc = escapeHtml;
const SUP = '<span class="sup" title="Hidden: fewer than 5 people">suppressed (n&lt;5)</span>';
const NONE = '<span class="none">–</span>';
const count = (f: Figure) => (f.suppressed ? SUP : f.value === null ? NONE : String(f.value));
const stat = (s: Stat, digits = 0) =>
  s.suppressed ? SUP : s.value === null ? NONE : `${s.value.toFixed(digits)}`;
const pct = (r: Rate) =>
  r.suppressed
    ? SUP
    : r.rate === null
      ? NONE
      : `${Math.round(r.rate * 100)}% <span class="of">${r.numerator} of ${r.denominator}</span>`;
const amount = (n: number) => esc(formatAmount(n));

export const PILOT_CSS = `
.verdict{display:flex;gap:18px;align-items:center;border-radius:12px;padding:16px 20px;margin-top:16px;border:1px solid var(--line);background:#fff}
.verdict .word{font-size:26px;font-weight:800;padding:6px 16px;border-radius:10px;color:#fff;white-space:nowrap}
.verdict.go .word{background:#15803d}.verdict.no_go .word{background:#b91c1c}.verdict.inconclusive .word{background:#b45309}
.verdict .why{font-size:15px}
.verdict .small{margin-top:4px}
.interval{display:block;max-width:100%;height:auto}
.rule td{text-align:left}
.dev{border-left:4px solid #b45309;background:#fffbeb;padding:8px 14px;border-radius:6px;margin:8px 0}
.tl-kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--soft);white-space:nowrap}
ul.warn{margin:6px 0 0;padding-left:18px}
`;

export function verdictBanner(e: EvidenceReport): string {
  const rule = e.rule;
  if (!rule)
    return `<div class="callout" id="verdict"><strong>No verdict.</strong> ${esc(e.verdict.reason)}</div>`;
  const sub = rule
    ? `Decision rule: ${esc(OUTCOME_INFO[rule.primary.outcome].label)} at day ${rule.primary.day}; smallest effect worth scaling ${amount(rule.smallestEffect)} ${esc(OUTCOME_INFO[rule.primary.outcome].unit)}; ${amount(rule.intervalLevel)} % interval; at least ${rule.minPerArm} leaders per arm.`
    : 'No decision rule is set for this program.';
  const deviations = e.deviations.length
    ? ` <strong>${e.deviations.length} deviation${e.deviations.length > 1 ? 's' : ''} from the rule fixed at launch</strong> (see the evidence section).`
    : '';
  return `<div class="verdict ${e.verdict.verdict}" id="verdict"><div class="word">${esc(e.verdict.word)}</div><div><div class="why">${esc(e.verdict.reason)}</div><div class="small">${sub}${deviations}</div></div></div>`;
}

function ruleTable(rule: EvaluationSettings): string {
  const a = rule.assignment;
  const outcome = (o: { outcome: keyof typeof OUTCOME_INFO; day: number }) =>
    `${esc(OUTCOME_INFO[o.outcome].label)} at day ${o.day}`;
  return `<table class="compact rule">
    <tr><th>Primary outcome</th><td>${outcome(rule.primary)}</td></tr>
    <tr><th>Smallest effect worth scaling</th><td>${amount(rule.smallestEffect)} ${esc(OUTCOME_INFO[rule.primary.outcome].unit)} (coached − control)</td></tr>
    <tr><th>Interval</th><td>${amount(rule.intervalLevel)} % (Welch)</td></tr>
    <tr><th>Minimum leaders per arm</th><td>${rule.minPerArm} with data at day ${rule.primary.day}</td></tr>
    <tr><th>Secondary outcomes</th><td>${rule.secondary.length ? rule.secondary.map(outcome).join('; ') : '<span class="muted">none</span>'}</td></tr>
    <tr><th>Arms</th><td>${esc(a.method)}${a.stratifyBy.length ? `, stratified by ${esc(a.stratifyBy.join(' and '))}` : ''}, ${a.controlPercent}% control${a.seed ? `, seed ${esc(a.seed)}` : ''}</td></tr>
  </table>`;
}

/** The estimate on a number line: the interval, the point estimate, zero and the threshold. */
function intervalChart(e: OutcomeEstimate, threshold: number | null): string {
  if (e.lower === null || e.upper === null || e.difference === null) return '';
  const marks = [e.lower, e.upper, 0, ...(threshold === null ? [] : [threshold])];
  const span = Math.max(...marks) - Math.min(...marks) || 1;
  const lo = Math.min(...marks) - span * 0.15;
  const hi = Math.max(...marks) + span * 0.15;
  const x = (v: number) => 30 + ((v - lo) / (hi - lo)) * 600;
  const f = (v: number) => x(v).toFixed(1);
  const title = `Effect ${formatAmount(e.difference)} ${e.unit}, ${formatAmount(e.levelPercent)} % interval ${formatAmount(e.lower)} to ${formatAmount(e.upper)}`;
  return `<svg class="chart interval" viewBox="0 0 660 86" width="100%" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>
    <line x1="30" y1="44" x2="630" y2="44" stroke="#cbd5e1"/>
    <line x1="${f(0)}" y1="18" x2="${f(0)}" y2="70" stroke="#64748b" stroke-dasharray="3 3"/><text x="${f(0)}" y="82" text-anchor="middle" class="tick">0</text>
    ${threshold === null ? '' : `<line x1="${f(threshold)}" y1="12" x2="${f(threshold)}" y2="70" stroke="#b45309" stroke-width="2"/><text x="${f(threshold)}" y="10" text-anchor="middle" class="tick">threshold ${esc(formatAmount(threshold))}</text>`}
    <line x1="${f(e.lower)}" y1="44" x2="${f(e.upper)}" y2="44" stroke="#2563eb" stroke-width="6" stroke-linecap="round"/>
    <circle cx="${f(e.difference)}" cy="44" r="7" fill="#1e3a8a"/>
    <text x="${f(e.lower)}" y="32" text-anchor="middle" class="tick">${esc(formatAmount(e.lower))}</text>
    <text x="${f(e.upper)}" y="32" text-anchor="middle" class="tick">${esc(formatAmount(e.upper))}</text>
  </svg>`;
}

function estimateRow(e: OutcomeEstimate): string {
  const arm = (g: OutcomeEstimate['coached']) =>
    g ? `${amount(g.mean)} <span class="of">SD ${amount(g.sd)}, n ${g.n}</span>` : SUP;
  const effect =
    e.difference === null
      ? `<td colspan="3" class="muted">${esc(e.note ?? '')}</td>`
      : `<td><strong>${amount(e.difference)}</strong></td><td>${amount(e.lower!)} to ${amount(e.upper!)}</td><td>${e.hedgesG === null ? NONE : `${amount(e.hedgesG)} <span class="of">${esc(e.effectSize ?? '')}</span>`}</td>`;
  return `<tr><td>${esc(e.label)}, day ${e.day}</td><td>${arm(e.coached)}</td><td>${arm(e.control)}</td>${effect}</tr>`;
}

function flowRows(flows: { coached: ArmFlow; control: ArmFlow }): string {
  const row = (label: string, pick: (f: ArmFlow) => Figure) =>
    `<tr><td>${label}</td><td>${count(pick(flows.coached))}</td><td>${count(pick(flows.control))}</td></tr>`;
  return [
    row('Enrolled (assigned to the arm)', (f) => f.enrolled),
    row('<strong>With data at the primary checkpoint</strong>', (f) => f.withData),
    row('Lost', (f) => f.lost),
    row('&nbsp;&nbsp;declined or never answered consent', (f) => f.lostBecause.noConsent),
    row('&nbsp;&nbsp;opted out', (f) => f.lostBecause.optedOut),
    row('&nbsp;&nbsp;set no experiment', (f) => f.lostBecause.noExperiment),
    row('&nbsp;&nbsp;missed the checkpoint', (f) => f.lostBecause.missed),
    row('&nbsp;&nbsp;answered without the value', (f) => f.lostBecause.noValue),
    row('Not due yet or still open', (f) => f.pending),
  ].join('');
}

function verdictLine(v: VerdictReport): string {
  return `<strong>${esc(v.word)}</strong> — ${esc(v.reason)}`;
}

export function evidenceSection(e: EvidenceReport, number: number): string {
  if (!e.rule) {
    return `<section id="evidence"><h2>${number}. Evidence and verdict</h2><p class="lead">${esc(e.verdict.reason)} The section names the primary outcome, the smallest effect worth scaling, the interval level and the minimum number of leaders per arm, fixed before the first leader is enrolled.</p></section>`;
  }
  const rule = e.rule;
  const p = e.primary;
  const deviations = e.deviations.length
    ? e.deviations
        .map(
          (d) =>
            `<div class="dev"><strong>Deviation on ${esc(d.on)}</strong> (program version ${d.version}): ${d.changes
              .map((c) => `${esc(c.field)} ${esc(c.from ?? 'not set')} → ${esc(c.to ?? 'not set')}`)
              .join('; ')}</div>`,
        )
        .join('')
    : `<p class="small">No deviation: the rule is the one fixed at launch${e.launchedOn ? ` (first enrolment ${esc(e.launchedOn)})` : ''}.</p>`;
  return `<section id="evidence">
    <h2>${number}. Evidence and verdict</h2>
    <p class="lead">The decision rule below was fixed when the first leader was enrolled${e.launchedOn ? ` (${esc(e.launchedOn)})` : ''}. The effect is the coached arm's mean minus the control arm's, with a ${amount(rule.intervalLevel)} % interval: the range of effects the data are compatible with. <strong>Go</strong> needs the whole interval above the smallest effect worth scaling; <strong>No-go</strong>, the whole interval below it; anything else is <strong>Inconclusive</strong>.</p>
    ${verdictBanner(e)}
    ${deviations}
    ${e.verdictUnderLaunchRule ? `<p class="small">Under the rule fixed at launch the verdict would be: ${verdictLine(e.verdictUnderLaunchRule)}</p>` : ''}
    <div class="grid2">
      <div><h3>Decision rule</h3>${ruleTable(rule)}</div>
      <div><h3>Leaders per arm at day ${rule.primary.day}</h3><table class="compact"><tr><th></th><th>Coached</th><th>Control</th></tr>${e.flows ? flowRows(e.flows) : '<tr><td colspan="3" class="muted">no control arm</td></tr>'}</table></div>
    </div>
    <h3>Effect of coaching (coached − control)</h3>
    ${p ? intervalChart(p, rule.smallestEffect) : ''}
    <table>
      <tr><th>Outcome</th><th>Coached mean</th><th>Control mean</th><th>Effect</th><th>${amount(rule.intervalLevel)} % interval</th><th>Hedges' g</th></tr>
      ${p ? estimateRow(p) : ''}
      ${e.secondary.map(estimateRow).join('')}
    </table>
    <p class="small">Secondary outcomes are shown for context; only the primary outcome decides. Hedges' g is the effect in standard deviations (small-sample corrected): around 0.2 is small, 0.5 medium, 0.8 large.</p>
    <h3>Missing data</h3>
    <p class="small">${esc(e.missingData)}</p>
    ${e.attritionWarning ? `<div class="callout">${esc(e.attritionWarning)}</div>` : ''}
    <p class="small">Mid-pilot review: ${e.midReview.firstRunOn ? `first run on ${esc(e.midReview.firstRunOn)}${e.midReview.runs > 1 ? `, ${e.midReview.runs} runs in all` : ''} (it shows no effect)` : 'never run'}.</p>
  </section>`;
}

export function balanceSection(b: BalanceTable, number: number): string {
  const a = b.assignment;
  const how =
    a.drawn === 0
      ? 'Arms come from the roster’s <code>arm</code> column.'
      : `The bot drew ${a.drawn} leaders' arms (${esc(a.methods.join(', '))}${a.stratifyBy.length ? `, stratified by ${esc(a.stratifyBy.join(' and '))}` : ''}, ${a.controlPercent ?? 50}% control) with seed ${a.seeds.map((s) => `<code>${esc(s)}</code>`).join(', ')}: anyone can redraw them with <code>coachloop assignment verify</code>.${a.waitlistStart ? ` The control arm is a wait-list, coached from ${esc(a.waitlistStart)}.` : ''}`;
  const armRow = (label: string, pick: (x: BalanceTable['arms'][number]) => string) =>
    `<tr><td>${label}</td>${b.arms.map((x) => `<td>${pick(x)}</td>`).join('')}</tr>`;
  const strata = b.strata
    .map(
      (s) =>
        `<tr><th colspan="3">${esc(s.attribute)}</th></tr>${s.rows.map((r) => `<tr><td>${esc(r.value)}</td><td>${count(r.coached)}</td><td>${count(r.control)}</td></tr>`).join('')}`,
    )
    .join('');
  return `<section id="balance">
    <h2>${number}. Arm balance</h2>
    <p class="lead">${how} The arms should look alike before coaching starts; a large gap here is a reason for caution with the result.</p>
    <table class="compact">
      <tr><th></th><th>Coached</th><th>Control</th></tr>
      ${armRow('Leaders enrolled', (x) => count(x.enrolled))}
      ${armRow('Consented', (x) => count(x.consented))}
      ${armRow('With an experiment', (x) => count(x.withExperiment))}
      ${armRow('Target ambition (median planned change, % of baseline)', (x) => stat(x.ambitionMedian))}
      ${strata}
    </table>
  </section>`;
}

const KIND_WORDS: Record<TimelineKind, string> = {
  launch: 'launch',
  assignment: 'arms',
  checkpoint: 'checkpoint',
  waitlist: 'wait-list',
  review: 'review',
  deviation: 'rule change',
  note: 'confounder',
  report: 'report',
};
const KIND_COLORS: Record<TimelineKind, string> = {
  launch: '#1e3a8a',
  assignment: '#2563eb',
  checkpoint: '#60a5fa',
  waitlist: '#7c3aed',
  review: '#0d9488',
  deviation: '#b45309',
  note: '#dc2626',
  report: '#0f172a',
};

function timelineChart(t: Timeline): string {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const from = day(t.from);
  const span = Math.max(day(t.to) - from, 86_400_000);
  const x = (d: string) => (40 + ((day(d) - from) / span) * 620).toFixed(1);
  const parts = t.events.map((e, i) => {
    const color = KIND_COLORS[e.kind];
    const label = `${e.date}${e.until ? ` – ${e.until}` : ''}: ${e.label}`;
    if (e.until) {
      return `<rect x="${x(e.date)}" y="30" width="${Math.max(3, Number(x(e.until)) - Number(x(e.date))).toFixed(1)}" height="14" rx="3" fill="${color}" opacity=".8"><title>${esc(label)}</title></rect>`;
    }
    const y = e.kind === 'note' ? 62 : 14;
    return `<g><title>${esc(label)}</title><circle cx="${x(e.date)}" cy="${y}" r="6" fill="${color}"/><text x="${x(e.date)}" y="${y + 3.5}" text-anchor="middle" font-size="8" fill="#fff">${i + 1}</text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 700 90" width="100%" role="img" aria-label="Pilot timeline"><title>Pilot timeline</title>
    <line x1="40" y1="37" x2="660" y2="37" stroke="#cbd5e1"/>
    <text x="40" y="84" class="tick">${esc(t.from)}</text><text x="660" y="84" text-anchor="end" class="tick">${esc(t.to)}</text>
    ${parts.join('')}</svg>`;
}

export function timelineSection(t: Timeline, number: number): string {
  const rows = t.events
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${esc(e.date)}${e.until ? ` – ${esc(e.until)}` : ''}</td><td class="tl-kind">${KIND_WORDS[e.kind]}</td><td style="text-align:left">${esc(e.label)}</td></tr>`,
    )
    .join('');
  return `<section id="timeline">
    <h2>${number}. Timeline</h2>
    <p class="lead">What happened while the pilot ran: its checkpoints beside the confounder log (<code>coachloop note add</code>) — reorganizations, hiring freezes and other changes that may explain part of any difference.</p>
    ${timelineChart(t)}
    <table class="compact"><tr><th>#</th><th>Date</th><th>What</th><th style="text-align:left"></th></tr>${rows}</table>
  </section>`;
}

/** The mid-pilot review as one self-contained page, with the outcome report's look. */
export function renderMidReviewHtml(r: MidReviewReport, css: string): string {
  const title = r.program.title ?? r.program.name;
  const responses = r.program.checkpointDays
    .map(
      (day, i) =>
        `<tr><td>Day ${day}</td>${r.responses.map((arm) => `<td>${pct(arm.checkpoints[i]!.rate)}</td>`).join('')}</tr>`,
    )
    .join('');
  const warnings = r.dataQuality.length
    ? `<ul class="warn">${r.dataQuality.map((w) => `<li>${w.leaders.suppressed ? 'Fewer than 5' : w.leaders.value} leaders ${esc(w.text)}.</li>`).join('')}</ul>`
    : '<p class="small">No data-quality warning.</p>';
  const deviations = r.deviations.length
    ? r.deviations
        .map(
          (d) =>
            `<div class="dev"><strong>Deviation on ${esc(d.on)}</strong>: ${d.changes.map((c) => `${esc(c.field)} ${esc(c.from ?? 'not set')} → ${esc(c.to ?? 'not set')}`).join('; ')}</div>`,
        )
        .join('')
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="coachloop">
<title>${esc(title)} — mid-pilot review</title>
<style>${css}${PILOT_CSS}</style>
</head>
<body>
<main>
<header class="top">
  <h1>${esc(title)}</h1>
  <div class="meta">Mid-pilot governance review · program <strong>${esc(r.program.name)}</strong> (settings version ${r.program.version}) · first run ${esc(r.review.firstRunOn)}${r.review.runs > 1 ? `, run ${r.review.runs} times` : ''} · generated ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC</div>
  <div class="badge">Privacy: any figure about fewer than ${r.privacy.minGroupSize} people is suppressed</div>
</header>
<div class="callout"><strong>No effect is shown here.</strong> ${esc(r.effect.why)}</div>
<section id="rule"><h2>1. Decision rule</h2>${r.rule ? ruleTable(r.rule) : '<p class="lead">No decision rule is set: add an <code>evaluation</code> section to the program before the pilot ends.</p>'}${deviations}</section>
<section id="responses"><h2>2. Response rates</h2><p class="lead">Checkpoint surveys answered of those sent, per arm. A gap between the arms is worth acting on now: it becomes missing data later.</p>
<table><tr><th>Checkpoint</th>${r.responses.map((a) => `<th>${esc(a.arm)}</th>`).join('')}</tr>${responses}</table></section>
<section id="quality"><h2>3. Data quality</h2>${warnings}</section>
${balanceSection(r.balance, 4)}
${timelineSection(r.timeline, 5)}
<footer>coachloop mid-pilot review · ${esc(r.schema)} · ${esc(r.privacy.rule)}</footer>
</main>
</body>
</html>
`;
}

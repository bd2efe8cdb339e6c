import { DEFAULT_LOCALE } from '../../core/catalog/index.js';
import type { EvaluationSettings, OutcomeMeasure } from '../../core/evaluation.js';
import type { BalanceTable } from './balance.js';
import { escapeHtml } from './charts.js';
import type { ArmFlow, EvidenceReport, OutcomeEstimate, VerdictReport } from './evidence.js';
import type { Figure, Rate, Stat } from './figures.js';
import type { MidReviewReport } from './mid-review.js';
import { type ReportWords, reportWords } from './report-locale.js';
import type { Timeline, TimelineKind } from './timeline.js';

/*
 * The pilot sections of the HTML reports: evidence and verdict, arm balance, timeline, and the mid-pilot
 * review page. Everything a program file, a roster or an admin typed is escaped.
 */

const esc = escapeHtml;
type W = ReportWords;
const english = () => reportWords(DEFAULT_LOCALE);
const sup = (w: W) =>
  `<span class="sup" title="${esc(w.t('report.suppressedTitle'))}">${esc(w.t('report.suppressed'))}</span>`;
const NONE = '<span class="none">–</span>';
const count = (w: W, f: Figure) => (f.suppressed ? sup(w) : f.value === null ? NONE : w.int(f.value));
const stat = (w: W, s: Stat, digits = 0) =>
  s.suppressed ? sup(w) : s.value === null ? NONE : w.dec(s.value, digits);
const pct = (w: W, r: Rate) =>
  r.suppressed
    ? sup(w)
    : r.rate === null
      ? NONE
      : `${w.pct(r.rate)} <span class="of">${w.html('report.partOf', { part: w.int(r.numerator ?? 0), total: w.int(r.denominator ?? 0) })}</span>`;
/** A number for a sentence: at most one decimal, a real minus sign. */
const amount = (w: W, n: number) => {
  const rounded = Math.round(n * 10) / 10;
  return esc(`${rounded < 0 ? '−' : ''}${w.dec(Math.abs(rounded), Number.isInteger(rounded) ? 0 : 1)}`);
};
const outcomeLabel = (w: W, outcome: OutcomeMeasure) => w.t('report.outcome', { outcome });
const outcomeUnit = (w: W, n: number) => w.t('report.points', { n });
const armName = (w: W, arm: string) => w.t('report.arm', { arm });

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

export function verdictBanner(e: EvidenceReport, w: W = english()): string {
  const rule = e.rule;
  if (!rule)
    return `<div class="callout" id="verdict"><strong>${w.html('report.verdict.none')}</strong> ${esc(e.verdict.reason)}</div>`;
  const sub = w.html('report.verdict.rule', {
    outcome: outcomeLabel(w, rule.primary.outcome),
    day: rule.primary.day,
    effect: `${amount(w, rule.smallestEffect)} ${outcomeUnit(w, rule.smallestEffect)}`,
    level: w.percent(rule.intervalLevel, Number.isInteger(rule.intervalLevel) ? 0 : 1),
    min: rule.minPerArm,
  });
  const deviations = e.deviations.length
    ? ` <strong>${w.html('report.verdict.deviations', { count: e.deviations.length })}</strong>`
    : '';
  return `<div class="verdict ${e.verdict.verdict}" id="verdict"><div class="word">${w.html('report.verdict.word', { verdict: e.verdict.verdict })}</div><div><div class="why">${esc(e.verdict.reason)}</div><div class="small">${sub}${deviations}</div></div></div>`;
}

function ruleTable(rule: EvaluationSettings, w: W): string {
  const a = rule.assignment;
  const outcome = (o: { outcome: OutcomeMeasure; day: number }) =>
    w.html('report.rule.outcomeAt', { outcome: outcomeLabel(w, o.outcome), day: o.day });
  const arms = [
    w.t('report.rule.method', { method: a.method }),
    ...(a.stratifyBy.length ? [w.t('report.rule.stratified', { by: a.stratifyBy.join(' · ') })] : []),
    w.t('report.rule.control', { percent: w.percent(a.controlPercent) }),
    ...(a.seed ? [w.t('report.rule.seed', { seed: a.seed })] : []),
  ];
  return `<table class="compact rule">
    <tr><th>${w.html('report.rule.primary')}</th><td>${outcome(rule.primary)}</td></tr>
    <tr><th>${w.html('report.rule.smallestEffect')}</th><td>${w.html('report.rule.effect', { effect: `${amount(w, rule.smallestEffect)} ${outcomeUnit(w, rule.smallestEffect)}` })}</td></tr>
    <tr><th>${w.html('report.rule.interval')}</th><td>${w.html('report.rule.intervalValue', { level: w.percent(rule.intervalLevel, Number.isInteger(rule.intervalLevel) ? 0 : 1) })}</td></tr>
    <tr><th>${w.html('report.rule.minPerArm')}</th><td>${w.html('report.rule.minPerArmValue', { min: rule.minPerArm, day: rule.primary.day })}</td></tr>
    <tr><th>${w.html('report.rule.secondary')}</th><td>${rule.secondary.length ? rule.secondary.map(outcome).join('; ') : `<span class="muted">${w.html('report.rule.noSecondary')}</span>`}</td></tr>
    <tr><th>${w.html('report.rule.arms')}</th><td>${esc(arms.join(', '))}</td></tr>
  </table>`;
}

/** The estimate on a number line: the interval, the point estimate, zero and the threshold. */
function intervalChart(e: OutcomeEstimate, threshold: number | null, w: W): string {
  if (e.lower === null || e.upper === null || e.difference === null) return '';
  const marks = [e.lower, e.upper, 0, ...(threshold === null ? [] : [threshold])];
  const span = Math.max(...marks) - Math.min(...marks) || 1;
  const lo = Math.min(...marks) - span * 0.15;
  const hi = Math.max(...marks) + span * 0.15;
  const x = (v: number) => 30 + ((v - lo) / (hi - lo)) * 600;
  const f = (v: number) => x(v).toFixed(1);
  const title = w.t('report.evidence.intervalChart', {
    effect: `${amount(w, e.difference)} ${outcomeUnit(w, e.difference)}`,
    level: w.percent(e.levelPercent, Number.isInteger(e.levelPercent) ? 0 : 1),
    lower: amount(w, e.lower),
    upper: amount(w, e.upper),
  });
  return `<svg class="chart interval" viewBox="0 0 660 86" width="100%" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>
    <line x1="30" y1="44" x2="630" y2="44" stroke="#cbd5e1"/>
    <line x1="${f(0)}" y1="18" x2="${f(0)}" y2="70" stroke="#64748b" stroke-dasharray="3 3"/><text x="${f(0)}" y="82" text-anchor="middle" class="tick">0</text>
    ${threshold === null ? '' : `<line x1="${f(threshold)}" y1="12" x2="${f(threshold)}" y2="70" stroke="#b45309" stroke-width="2"/><text x="${f(threshold)}" y="10" text-anchor="middle" class="tick">${w.html('report.evidence.threshold', { value: amount(w, threshold) })}</text>`}
    <line x1="${f(e.lower)}" y1="44" x2="${f(e.upper)}" y2="44" stroke="#2563eb" stroke-width="6" stroke-linecap="round"/>
    <circle cx="${f(e.difference)}" cy="44" r="7" fill="#1e3a8a"/>
    <text x="${f(e.lower)}" y="32" text-anchor="middle" class="tick">${amount(w, e.lower)}</text>
    <text x="${f(e.upper)}" y="32" text-anchor="middle" class="tick">${amount(w, e.upper)}</text>
  </svg>`;
}

function estimateRow(e: OutcomeEstimate, w: W): string {
  const arm = (g: OutcomeEstimate['coached']) =>
    g
      ? `${amount(w, g.mean)} <span class="of">${w.html('report.evidence.sdN', { sd: amount(w, g.sd), n: g.n })}</span>`
      : sup(w);
  const effect =
    e.difference === null
      ? `<td colspan="3" class="muted">${esc(e.note ?? '')}</td>`
      : `<td><strong>${amount(w, e.difference)}</strong></td><td>${w.html('report.evidence.range', { lower: amount(w, e.lower!), upper: amount(w, e.upper!) })}</td><td>${e.hedgesG === null ? NONE : `${amount(w, e.hedgesG)} <span class="of">${e.effectSize ? w.html('report.evidence.size', { size: e.effectSize }) : ''}</span>`}</td>`;
  return `<tr><td>${w.html('report.rule.outcomeAt', { outcome: outcomeLabel(w, e.outcome), day: e.day })}</td><td>${arm(e.coached)}</td><td>${arm(e.control)}</td>${effect}</tr>`;
}

function flowRows(flows: { coached: ArmFlow; control: ArmFlow }, w: W): string {
  const row = (label: string, pick: (f: ArmFlow) => Figure) =>
    `<tr><td>${label}</td><td>${count(w, pick(flows.coached))}</td><td>${count(w, pick(flows.control))}</td></tr>`;
  const sub = (key: Parameters<W['html']>[0]) => `&nbsp;&nbsp;${w.html(key)}`;
  return [
    row(w.html('report.flow.enrolled'), (f) => f.enrolled),
    row(`<strong>${w.html('report.flow.withData')}</strong>`, (f) => f.withData),
    row(w.html('report.flow.lost'), (f) => f.lost),
    row(sub('report.flow.noConsent'), (f) => f.lostBecause.noConsent),
    row(sub('report.flow.optedOut'), (f) => f.lostBecause.optedOut),
    row(sub('report.flow.noExperiment'), (f) => f.lostBecause.noExperiment),
    row(sub('report.flow.missed'), (f) => f.lostBecause.missed),
    row(sub('report.flow.noValue'), (f) => f.lostBecause.noValue),
    row(w.html('report.flow.pending'), (f) => f.pending),
  ].join('');
}

function verdictLine(v: VerdictReport, w: W): string {
  return `<strong>${w.html('report.verdict.word', { verdict: v.verdict })}</strong> — ${esc(v.reason)}`;
}

/** One deviation from the rule fixed at launch: its date and each change. */
function deviationLine(
  d: {
    on: string;
    version?: number;
    changes: readonly { field: string; from: string | null; to: string | null }[];
  },
  w: W,
): string {
  const notSet = w.t('report.evidence.notSet');
  const changes = d.changes
    .map((c) => `${esc(c.field)} ${esc(c.from ?? notSet)} → ${esc(c.to ?? notSet)}`)
    .join('; ');
  const head =
    d.version === undefined
      ? w.html('report.evidence.deviationOn', { on: w.day(d.on) })
      : w.html('report.evidence.deviationVersion', { on: w.day(d.on), version: d.version });
  return `<div class="dev">${head}: ${changes}</div>`;
}

export function evidenceSection(e: EvidenceReport, number: number, w: W = english()): string {
  if (!e.rule) {
    return `<section id="evidence"><h2>${w.html('report.evidence.heading', { number })}</h2><p class="lead">${esc(e.verdict.reason)} ${w.html('report.evidence.noRule')}</p></section>`;
  }
  const rule = e.rule;
  const p = e.primary;
  const level = w.percent(rule.intervalLevel, Number.isInteger(rule.intervalLevel) ? 0 : 1);
  const launched = e.launchedOn ? w.day(e.launchedOn) : null;
  const deviations = e.deviations.length
    ? e.deviations.map((d) => deviationLine(d, w)).join('')
    : `<p class="small">${w.html('report.evidence.noDeviation', { launched: launched ?? 'none' })}</p>`;
  const mid = e.midReview.firstRunOn
    ? w.html('report.evidence.midReviewRun', { on: w.day(e.midReview.firstRunOn), runs: e.midReview.runs })
    : w.html('report.evidence.midReviewNever');
  return `<section id="evidence">
    <h2>${w.html('report.evidence.heading', { number })}</h2>
    <p class="lead">${w.html('report.evidence.lead', { launched: launched ?? 'none', level }, { go: `<strong>${w.html('report.verdict.word', { verdict: 'go' })}</strong>`, noGo: `<strong>${w.html('report.verdict.word', { verdict: 'no_go' })}</strong>`, inconclusive: `<strong>${w.html('report.verdict.word', { verdict: 'inconclusive' })}</strong>` })}</p>
    ${verdictBanner(e, w)}
    ${deviations}
    ${e.verdictUnderLaunchRule ? `<p class="small">${w.html('report.evidence.underLaunchRule', {}, { verdict: verdictLine(e.verdictUnderLaunchRule, w) })}</p>` : ''}
    <div class="grid2">
      <div><h3>${w.html('report.evidence.rule')}</h3>${ruleTable(rule, w)}</div>
      <div><h3>${w.html('report.evidence.perArm', { day: rule.primary.day })}</h3><table class="compact"><tr><th></th><th>${esc(armName(w, 'coached'))}</th><th>${esc(armName(w, 'control'))}</th></tr>${e.flows ? flowRows(e.flows, w) : `<tr><td colspan="3" class="muted">${w.html('report.evidence.noControlArm')}</td></tr>`}</table></div>
    </div>
    <h3>${w.html('report.evidence.effectHeading')}</h3>
    ${p ? intervalChart(p, rule.smallestEffect, w) : ''}
    <table>
      <tr><th>${w.html('report.evidence.outcome')}</th><th>${w.html('report.evidence.coachedMean')}</th><th>${w.html('report.evidence.controlMean')}</th><th>${w.html('report.evidence.effect')}</th><th>${w.html('report.evidence.interval', { level })}</th><th>${w.html('report.evidence.hedges')}</th></tr>
      ${p ? estimateRow(p, w) : ''}
      ${e.secondary.map((x) => estimateRow(x, w)).join('')}
    </table>
    <p class="small">${w.html('report.evidence.secondaryNote')}</p>
    <h3>${w.html('report.evidence.missingData')}</h3>
    <p class="small">${esc(e.missingData)}</p>
    ${e.attritionWarning ? `<div class="callout">${esc(e.attritionWarning)}</div>` : ''}
    <p class="small">${mid}</p>
  </section>`;
}

export function balanceSection(b: BalanceTable, number: number, w: W = english()): string {
  const a = b.assignment;
  const how =
    a.drawn === 0
      ? w.html('report.balance.fromRoster', {}, { code: '<code>arm</code>' })
      : `${w.html(
          'report.balance.drawn',
          {
            count: a.drawn,
            how: [
              a.methods.map((m) => w.t('report.rule.method', { method: m })).join(', '),
              ...(a.stratifyBy.length
                ? [w.t('report.rule.stratified', { by: a.stratifyBy.join(' · ') })]
                : []),
              w.t('report.rule.control', { percent: w.percent(a.controlPercent ?? 50) }),
            ].join(', '),
          },
          {
            seeds: a.seeds.map((s) => `<code>${esc(s)}</code>`).join(', '),
            command: '<code>coachloop assignment verify</code>',
          },
        )}${a.waitlistStart ? ` ${w.html('report.balance.waitlist', { from: w.day(a.waitlistStart) })}` : ''}`;
  const armRow = (label: string, pick: (x: BalanceTable['arms'][number]) => string) =>
    `<tr><td>${label}</td>${b.arms.map((x) => `<td>${pick(x)}</td>`).join('')}</tr>`;
  const strata = b.strata
    .map(
      (s) =>
        `<tr><th colspan="3">${esc(s.attribute)}</th></tr>${s.rows.map((r) => `<tr><td>${esc(r.value)}</td><td>${count(w, r.coached)}</td><td>${count(w, r.control)}</td></tr>`).join('')}`,
    )
    .join('');
  return `<section id="balance">
    <h2>${w.html('report.balance.heading', { number })}</h2>
    <p class="lead">${how} ${w.html('report.balance.lead')}</p>
    <table class="compact">
      <tr><th></th><th>${esc(armName(w, 'coached'))}</th><th>${esc(armName(w, 'control'))}</th></tr>
      ${armRow(w.html('report.balance.enrolled'), (x) => count(w, x.enrolled))}
      ${armRow(w.html('report.tiles.consented'), (x) => count(w, x.consented))}
      ${armRow(w.html('report.balance.withExperiment'), (x) => count(w, x.withExperiment))}
      ${armRow(w.html('report.balance.ambition'), (x) => stat(w, x.ambitionMedian))}
      ${strata}
    </table>
  </section>`;
}

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

function timelineChart(t: Timeline, w: W): string {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const from = day(t.from);
  const span = Math.max(day(t.to) - from, 86_400_000);
  const x = (d: string) => (40 + ((day(d) - from) / span) * 620).toFixed(1);
  const parts = t.events.map((e, i) => {
    const color = KIND_COLORS[e.kind];
    const label = `${w.day(e.date)}${e.until ? ` – ${w.day(e.until)}` : ''}: ${e.label}`;
    if (e.until) {
      return `<rect x="${x(e.date)}" y="30" width="${Math.max(3, Number(x(e.until)) - Number(x(e.date))).toFixed(1)}" height="14" rx="3" fill="${color}" opacity=".8"><title>${esc(label)}</title></rect>`;
    }
    const y = e.kind === 'note' ? 62 : 14;
    return `<g><title>${esc(label)}</title><circle cx="${x(e.date)}" cy="${y}" r="6" fill="${color}"/><text x="${x(e.date)}" y="${y + 3.5}" text-anchor="middle" font-size="8" fill="#fff">${i + 1}</text></g>`;
  });
  const title = w.t('report.timeline.chart');
  return `<svg class="chart" viewBox="0 0 700 90" width="100%" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>
    <line x1="40" y1="37" x2="660" y2="37" stroke="#cbd5e1"/>
    <text x="40" y="84" class="tick">${esc(w.day(t.from))}</text><text x="660" y="84" text-anchor="end" class="tick">${esc(w.day(t.to))}</text>
    ${parts.join('')}</svg>`;
}

export function timelineSection(t: Timeline, number: number, w: W = english()): string {
  const rows = t.events
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${esc(w.day(e.date))}${e.until ? ` – ${esc(w.day(e.until))}` : ''}</td><td class="tl-kind">${w.html('report.timeline.kind', { kind: e.kind })}</td><td class="label">${esc(e.label)}</td></tr>`,
    )
    .join('');
  return `<section id="timeline">
    <h2>${w.html('report.timeline.heading', { number })}</h2>
    <p class="lead">${w.html('report.timeline.lead', {}, { command: '<code>coachloop note add</code>' })}</p>
    ${timelineChart(t, w)}
    <table class="compact"><tr><th>#</th><th>${w.html('report.timeline.date')}</th><th>${w.html('report.timeline.what')}</th><th class="label"></th></tr>${rows}</table>
  </section>`;
}

/** The mid-pilot review as one self-contained page, with the outcome report's look. */
export function renderMidReviewHtml(r: MidReviewReport, css: string, w: W = english()): string {
  const title = r.program.title ?? r.program.name;
  const responses = r.program.checkpointDays
    .map(
      (day, i) =>
        `<tr><td>${w.html('report.day', { day })}</td>${r.responses.map((arm) => `<td>${pct(w, arm.checkpoints[i]!.rate)}</td>`).join('')}</tr>`,
    )
    .join('');
  const warnings = r.dataQuality.length
    ? `<ul class="warn">${r.dataQuality.map((w2) => `<li>${w.html('report.mid.warning', { leaders: w2.leaders.suppressed ? w.t('report.mid.fewerThanFive') : w.int(w2.leaders.value ?? 0), text: w2.text })}</li>`).join('')}</ul>`
    : `<p class="small">${w.html('report.mid.noWarning')}</p>`;
  const deviations = r.deviations.map((d) => deviationLine({ on: d.on, changes: d.changes }, w)).join('');
  const runs = r.review.runs > 1 ? w.t('report.mid.runs', { runs: r.review.runs }) : '';
  return reportDocument(
    w,
    `${esc(title)} — ${w.html('report.mid.title')}`,
    css,
    `<header class="top">
  <h1>${esc(title)}</h1>
  <div class="meta">${w.html('report.mid.meta', { version: r.program.version, firstRun: w.day(r.review.firstRunOn), runs, generated: w.instant(r.generatedAt) }, { program: `<strong>${esc(r.program.name)}</strong>` })}</div>
  <div class="badge">${w.html('report.privacyBadge', { min: r.privacy.minGroupSize })}</div>
</header>
<div class="callout"><strong>${w.html('report.mid.noEffect')}</strong> ${esc(r.effect.why)}</div>
<section id="rule"><h2>${w.html('report.mid.ruleHeading')}</h2>${r.rule ? ruleTable(r.rule, w) : `<p class="lead">${w.html('report.mid.noRule', {}, { code: '<code>evaluation</code>' })}</p>`}${deviations}</section>
<section id="responses"><h2>${w.html('report.responses.heading')}</h2><p class="lead">${w.html('report.mid.responsesLead')}</p>
<table><tr><th>${w.html('report.outcomes.checkpoint')}</th>${r.responses.map((a) => `<th>${esc(armName(w, a.arm))}</th>`).join('')}</tr>${responses}</table></section>
<section id="quality"><h2>${w.html('report.mid.quality')}</h2>${warnings}</section>
${balanceSection(r.balance, 4, w)}
${timelineSection(r.timeline, 5, w)}
<footer>${w.html('report.mid.footer')} · ${esc(r.schema)} · ${esc(r.privacy.rule)}</footer>
`,
  );
}

/**
 * A report as one HTML file that opens offline and prints: `title` (already escaped) and `body` inside `<main>`,
 * styled by `css` and the pilot sections' sheet, with no script and nothing fetched.
 */
export function reportDocument(w: W, title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(w.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="coachloop">
<title>${title}</title>
<style>${css}${PILOT_CSS}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}

import {
  CHART_DEFS,
  COLORS,
  escapeHtml,
  groupedBars,
  type HBar,
  horizontalBars,
  lineChart,
  type Series,
  stackedBar,
} from './charts.js';
import type { ArmOutcome, CheckpointOutcome, OutcomeReport } from './compute.js';
import type { Figure, Rate, Stat } from './figures.js';
import { balanceSection, evidenceSection, PILOT_CSS, timelineSection, verdictBanner } from './pilot-html.js';
import type { RoiReport } from './roi-steps.js';

/*
 * One self-contained HTML file: inline CSS and inline SVG, no scripts, no fonts or images to fetch, and a
 * Content-Security-Policy that forbids any request should something slip in. Every number that describes
 * fewer than five people reads "suppressed (n<5)".
 */

const SUP = '<span class="sup" title="Hidden: fewer than 5 people">suppressed (n&lt;5)</span>';
const NONE = '<span class="none" title="No data yet">–</span>';
const esc = escapeHtml;
const int = (n: number) => new Intl.NumberFormat('en-US').format(Math.round(n));
const dec = (n: number, digits = 1) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const pctText = (fraction: number) => `${Math.round(fraction * 100)}%`;
const signed = (n: number, digits = 1) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${dec(Math.abs(n), digits)}`;

/** An amount as HTML: formatted for an ISO 4217 code, else the amount and the program's symbol, escaped. */
function money(amount: number, currency: string): string {
  try {
    return esc(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: Math.abs(amount) < 100 ? 2 : 0,
      }).format(amount),
    );
  } catch {
    return `${dec(amount, Math.abs(amount) < 100 ? 2 : 0)} ${esc(currency)}`;
  }
}

function count(f: Figure): string {
  if (f.suppressed) return SUP;
  return f.value === null ? NONE : int(f.value);
}

function rate(r: Rate, withCounts = true): string {
  if (r.suppressed)
    return `${SUP}${withCounts && r.denominator !== null ? ` <span class="of">of ${int(r.denominator)}</span>` : ''}`;
  if (r.rate === null) return NONE;
  return `${pctText(r.rate)}${withCounts ? ` <span class="of">${int(r.numerator ?? 0)} of ${int(r.denominator ?? 0)}</span>` : ''}`;
}

function stat(s: Stat, format: (n: number) => string = (n) => dec(n)): string {
  if (s.suppressed) return SUP;
  return s.value === null ? NONE : format(s.value);
}

function diff(f: Figure, format: (n: number) => string): string {
  if (f.suppressed) return SUP;
  if (f.value === null) return NONE;
  const cls = f.value > 0 ? 'pos' : f.value < 0 ? 'neg' : '';
  return `<strong class="${cls}">${format(f.value)}</strong>`;
}

const pctPoints = (n: number) => `${signed(n, 0)} pp`;
const pctOfTarget = (n: number) => `${int(n)}%`;

function tile(label: string, value: string, sub: string): string {
  return `<div class="tile"><div class="k">${esc(label)}</div><div class="v">${value}</div><div class="s">${sub}</div></div>`;
}

function latestShown(checkpoints: readonly CheckpointOutcome[]): CheckpointOutcome | undefined {
  return checkpoints.filter((c) => c.pctOfTargetMean.value !== null).at(-1);
}

function summaryTiles(r: OutcomeReport): string {
  const lastDay = r.program.checkpointDays.at(-1);
  const lastResponse = r.responses.checkpoints.at(-1);
  const latest = latestShown(r.outcomes.checkpoints);
  const roi = r.roi;
  const window = r.funnel.invitedFrom
    ? `${esc(r.funnel.invitedFrom)} – ${esc(r.funnel.invitedTo ?? '')}`
    : 'leaders in the program';
  return `<div class="tiles">
    ${tile('Leaders invited', count(r.funnel.invited), window)}
    ${tile('Consented', rate(r.funnel.consentRate, false), r.funnel.consentRate.suppressed ? 'of everyone invited' : `${count(r.funnel.consented)} of ${count(r.funnel.invited)} invited`)}
    ${tile(`Answered day ${lastDay ?? '–'}`, lastResponse ? rate(lastResponse.rate, false) : NONE, lastResponse?.rate.denominator ? `of ${int(lastResponse.rate.denominator)} surveys sent` : 'no survey sent yet')}
    ${tile('Way to KPI target', latest ? stat(latest.pctOfTargetMean, pctOfTarget) : NONE, latest ? `mean at day ${latest.day}, coached leaders` : 'no KPI answers shown yet')}
    ${tile('ROI', roi.steps ? `${dec(roi.steps.roi, 2)}` : '<span class="muted">not computed</span>', roi.steps ? `${int(roi.steps.roi * 100)}% net return on cost` : `missing: ${esc(roi.missing.join(', '))}`)}
  </div>`;
}

function funnelSection(r: OutcomeReport): string {
  const f = r.funnel;
  const max = f.invited.value ?? 0;
  const bars: HBar[] = f.steps.map((s, i) => ({
    label: s.label,
    value: s.count.value,
    suppressed: s.count.suppressed,
    text:
      s.count.value === null
        ? ''
        : `${int(s.count.value)}${i > 0 && s.ofInvited.rate !== null ? `  ·  ${pctText(s.ofInvited.rate)}` : ''}`,
    color: i === 0 ? '#1e3a8a' : i === 1 ? '#1d4ed8' : i === 2 ? '#3b82f6' : '#60a5fa',
  }));
  return `<section id="funnel">
    <h2>1. Participation funnel</h2>
    <p class="lead">From invitation to the last checkpoint. Percentages are of everyone invited; each step counts the leaders who reached it.</p>
    <div class="grid2 wide-left">
      <div>${horizontalBars(bars, { title: 'Participation funnel', max, width: 660 })}</div>
      <div>
        <table class="compact">
          <tr><th>Consent</th><th>Leaders</th></tr>
          <tr><td>Accepted, still in</td><td>${count(f.consent.accepted)}</td></tr>
          <tr><td>Accepted, opted out later</td><td>${count(f.consent.optedOut)}</td></tr>
          <tr><td>Declined</td><td>${count(f.consent.declined)}</td></tr>
          <tr><td>No answer yet</td><td>${count(f.consent.pending)}</td></tr>
          <tr><td>Median days, invitation to consent</td><td>${stat(f.medianDaysToConsent)}</td></tr>
        </table>
        <p class="small">Not in the funnel: ${count(f.otherPeople)} mentors, curators or admins without a leader role.</p>
      </div>
    </div>
  </section>`;
}

function responsesSection(r: OutcomeReport): string {
  const rows = r.responses.checkpoints
    .map((c) => {
      const width = c.rate.rate === null ? 0 : Math.round(c.rate.rate * 100);
      return `<tr><td>Day ${c.day} checkpoint</td><td>${c.rate.denominator === null ? SUP : int(c.rate.denominator)}</td><td>${c.rate.numerator === null ? (c.rate.suppressed ? SUP : NONE) : int(c.rate.numerator)}</td><td class="barcell"><span class="bar"><span style="width:${width}%"></span></span>${rate(c.rate, false)}</td></tr>`;
    })
    .join('');
  const n = r.responses.nudges;
  return `<section id="responses">
    <h2>2. Response rates</h2>
    <p class="lead">Checkpoint micro-surveys answered of those sent (both arms), and answers to nudges of the nudges delivered.</p>
    <table>
      <tr><th>Message</th><th>Sent</th><th>Answered</th><th>Response rate</th></tr>
      ${rows}
      <tr><td>Nudges (any answer)</td><td>${count(n.sent)}</td><td>${n.responseRate.numerator === null ? (n.responseRate.suppressed ? SUP : NONE) : int(n.responseRate.numerator)}</td><td class="barcell"><span class="bar"><span style="width:${Math.round((n.responseRate.rate ?? 0) * 100)}%"></span></span>${rate(n.responseRate, false)}</td></tr>
      <tr><td>Nudges answered “Did it”</td><td>${count(n.sent)}</td><td>${n.didRate.numerator === null ? (n.didRate.suppressed ? SUP : NONE) : int(n.didRate.numerator)}</td><td class="barcell"><span class="bar"><span style="width:${Math.round((n.didRate.rate ?? 0) * 100)}%"></span></span>${rate(n.didRate, false)}</td></tr>
    </table>
  </section>`;
}

const toPoint = (s: Stat) => ({ value: s.value, suppressed: s.suppressed });

function outcomeTable(arm: ArmOutcome): string {
  return `<table>
    <tr><th>Checkpoint</th><th>Answered</th><th>Practice (1–5)</th><th>Way to target, mean</th><th>median</th><th>KPI improved</th><th>Target reached</th></tr>
    ${arm.checkpoints
      .map(
        (c) =>
          `<tr><td>Day ${c.day}</td><td>${count(c.respondents)}</td><td>${stat(c.practiceMean)}</td><td>${stat(c.pctOfTargetMean, pctOfTarget)}</td><td>${stat(c.pctOfTargetMedian, pctOfTarget)}</td><td>${rate(c.improved)}</td><td>${rate(c.reachedTarget)}</td></tr>`,
      )
      .join('')}
  </table>`;
}

function outcomesSection(r: OutcomeReport): string {
  const o = r.outcomes;
  const days = r.program.checkpointDays;
  const progress = lineChart(
    ['Baseline', ...days.map((d) => `Day ${d}`)],
    [
      {
        name: 'Coached leaders',
        color: COLORS.coached,
        points: [
          {
            value: o.checkpoints.some((c) => c.pctOfTargetMean.value !== null) ? 0 : null,
            suppressed: false,
          },
          ...o.checkpoints.map((c) => toPoint(c.pctOfTargetMean)),
        ],
      },
    ],
    {
      title: 'Mean % of the way from KPI baseline to target, by checkpoint',
      reference: { value: 100, label: 'target' },
      format: pctOfTarget,
      step: 20,
      ceiling: 100,
    },
  );
  const practice = groupedBars(
    days.map((d) => `Day ${d}`),
    [
      {
        name: 'Coached leaders',
        color: COLORS.coached,
        points: o.checkpoints.map((c) => toPoint(c.practiceMean)),
      },
    ],
    {
      title: 'Mean practice frequency (1 = not yet, 5 = daily), by checkpoint',
      format: (v) => dec(v),
      step: 1,
      ceiling: 5,
    },
  );
  const unitRows = o.kpiByUnit
    .map(
      (u) =>
        `<tr><td>${esc(u.unit)}<span class="of"> · ${u.direction === 'increase' ? 'higher' : 'lower'} is better</span></td><td>${count(u.people)}</td><td>${stat(u.baselineMean)} → ${stat(u.targetMean)}</td>${u.checkpoints
          .map(
            (c) =>
              `<td>${stat(c.improvementMean, (v) => signed(v))}<span class="of"> → ${stat(c.valueMean)}</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="outcomes">
    <h2>3. Practice and KPI change${r.comparison ? ' — coached leaders' : ''}</h2>
    <p class="lead">${count(o.people)} consenting ${r.comparison ? 'coached ' : ''}leaders, ${count(o.withExperiment)} with an experiment. Each leader's KPI change is measured from their own baseline, with its direction taken into account (a fall is an improvement when lower is better), and expressed as % of the way to their own target.</p>
    <div class="grid2">
      <figure><figcaption>Way to KPI target (mean %)</figcaption>${progress}</figure>
      <figure><figcaption>Practice frequency (mean, 1–5)</figcaption>${practice}</figure>
    </div>
    ${outcomeTable(o)}
    <h3>KPI deltas by unit</h3>
    <p class="small">Change in the KPI's own unit, baseline → each checkpoint (positive = better), for units that at least 5 leaders share. Arrows show the mean value reached.</p>
    ${
      o.kpiByUnit.length === 0
        ? '<p class="small muted">No unit is shared by 5 or more leaders yet.</p>'
        : `<table><tr><th>Unit</th><th>Leaders</th><th>Baseline → target (mean)</th>${days.map((d) => `<th>Day ${d}</th>`).join('')}</tr>${unitRows}</table>`
    }
    <p class="small">Leaders with other units: ${count(o.otherUnits)}.</p>
  </section>`;
}

function comparisonSection(r: OutcomeReport): string {
  const c = r.comparison;
  if (!c) {
    return `<section id="comparison"><h2>4. Coached against control</h2><p class="lead">The roster has no control arm, so there is nothing to compare against. Give some leaders <code>arm: control</code> in the roster: they answer the checkpoints but get no nudges.</p></section>`;
  }
  const days = r.program.checkpointDays.map((d) => `Day ${d}`);
  const arms = (pick: (x: CheckpointOutcome) => Stat): Series[] => [
    { name: 'Coached', color: COLORS.coached, points: c.coached.checkpoints.map((x) => toPoint(pick(x))) },
    { name: 'Control', color: COLORS.control, points: c.control.checkpoints.map((x) => toPoint(pick(x))) },
  ];
  const rows = c.difference
    .map((d, i) => {
      const co = c.coached.checkpoints[i]!;
      const ct = c.control.checkpoints[i]!;
      return `<tr><td>Day ${d.day}</td><td>${count(co.respondents)} / ${count(ct.respondents)}</td><td>${stat(co.pctOfTargetMean, pctOfTarget)}</td><td>${stat(ct.pctOfTargetMean, pctOfTarget)}</td><td>${diff(d.pctOfTargetMean, pctPoints)}</td><td>${stat(co.practiceMean)}</td><td>${stat(ct.practiceMean)}</td><td>${diff(d.practiceMean, (v) => signed(v))}</td></tr>`;
    })
    .join('');
  return `<section id="comparison">
    <h2>4. Coached against control</h2>
    <p class="lead">Coached: ${count(c.coached.people)} consenting leaders (${count(c.coached.withExperiment)} with an experiment). Control: ${count(c.control.people)} (${count(c.control.withExperiment)} with an experiment), measured at the same checkpoints without nudges. Difference = coached − control.</p>
    <div class="grid2">
      <figure><figcaption>Way to KPI target (mean %)</figcaption>${groupedBars(
        days,
        arms((x) => x.pctOfTargetMean),
        {
          title: 'Mean % of the way to target, coached and control',
          format: pctOfTarget,
          step: 20,
          ceiling: 100,
        },
      )}</figure>
      <figure><figcaption>Practice frequency (mean, 1–5)</figcaption>${groupedBars(
        days,
        arms((x) => x.practiceMean),
        { title: 'Mean practice frequency, coached and control', format: (v) => dec(v), step: 1, ceiling: 5 },
      )}</figure>
    </div>
    <table>
      <tr><th>Checkpoint</th><th>Answered (coached / control)</th><th>Way to target, coached</th><th>control</th><th>Difference</th><th>Practice, coached</th><th>control</th><th>Difference</th></tr>
      ${rows}
    </table>
  </section>`;
}

function mentoringSection(r: OutcomeReport): string {
  const m = r.mentoring;
  if (m.pairs.total.value === 0) {
    return `<section id="mentoring"><h2>5. Mentoring pairs</h2><p class="lead">No mentoring pairs in this program yet.</p></section>`;
  }
  const ms = m.milestones;
  const onTime = ms.onTime.numerator;
  const milestoneBar = stackedBar(
    [
      { label: 'confirmed on time', value: onTime, color: COLORS.good },
      { label: 'confirmed late', value: ms.late.value, color: COLORS.warn },
      { label: 'not confirmed', value: ms.unconfirmed.value, color: COLORS.bad },
    ],
    { title: 'Milestones due: confirmed on time, late, not confirmed', total: ms.onTime.denominator },
  );
  return `<section id="mentoring">
    <h2>5. Mentoring pairs</h2>
    <p class="lead">${count(m.people)} people in ${count(m.pairs.total)} pairs. Figures about fewer than 5 of them (mentors and mentees together) are suppressed.</p>
    <div class="kv">
      <div><div class="k">Pairs active · closed · re-matched</div><div class="v">${count(m.pairs.active)} · ${count(m.pairs.closed)} · ${count(m.pairs.rematched)}</div></div>
      <div><div class="k">Charter completed</div><div class="v">${rate(m.charter.completion)}</div><div class="s">pairs older than ${m.charter.eligibleAfterDays} days with a confirmed charter</div></div>
      <div><div class="k">Median days to charter</div><div class="v">${stat(m.charter.medianDaysToComplete)}</div><div class="s">pairing → mentor's confirmation</div></div>
      <div><div class="k">Milestones confirmed on time</div><div class="v">${rate(ms.onTime)}</div><div class="s">of milestones due; late: ${count(ms.late)}, not confirmed: ${count(ms.unconfirmed)}</div></div>
      <div><div class="k">Curator alerts</div><div class="v">${count(m.alerts.raised)}</div><div class="s">acted on: ${rate(m.alerts.actedOn)}; awaiting a decision: ${count(m.alerts.awaitingDecision)}</div></div>
      <div><div class="k">Median hours, alert → action</div><div class="v">${stat(m.alerts.medianHoursToAction)}</div><div class="s">first curator decision</div></div>
      <div><div class="k">Opt-outs among paired people</div><div class="v">${count(m.optOuts)}</div></div>
      <div><div class="k">Matching proposals approved · changed · rejected</div><div class="v">${count(m.matching.proposals.approved)} · ${count(m.matching.proposals.changed)} · ${count(m.matching.proposals.rejected)}</div><div class="s">of ${count(m.matching.proposals.total)}; still open: ${count(m.matching.proposals.open)}</div></div>
      <div><div class="k">Median days, enrolment → pair</div><div class="v">${stat(m.matching.medianDaysToPair)}</div><div class="s">mentees</div></div>
      <div><div class="k">No-fault exits</div><div class="v">${count(m.matching.noFaultExits)}</div><div class="s">pairs where someone asked for a new match</div></div>
      <div><div class="k">Re-matched within 30 days of an alert</div><div class="v">${rate(m.matching.rematchedWithin30Days)}</div></div>
      <div><div class="k">Meetings held of expected</div><div class="v">${rate(m.matching.meetingsHeld)}</div><div class="s">from the pair check-ins; median per pair: ${stat(m.matching.medianPairMeetingRate)} %</div></div>
    </div>
    <figure><figcaption>Milestones due so far</figcaption>${milestoneBar}</figure>
  </section>`;
}

function budgetSection(r: OutcomeReport): string {
  const b = r.budget;
  const bars: HBar[] = [
    {
      label: 'Mean per person-week',
      value: b.meanPerPersonWeek.value,
      suppressed: b.meanPerPersonWeek.suppressed,
      text:
        b.meanPerPersonWeek.value === null ? 'no messages yet' : `${dec(b.meanPerPersonWeek.value)} messages`,
      color: COLORS.coached,
    },
    {
      label: 'Weekly budget',
      value: b.weeklyBudget,
      suppressed: false,
      text: `${b.weeklyBudget} messages`,
      color: COLORS.muted,
    },
  ];
  return `<section id="budget">
    <h2>6. Message load</h2>
    <p class="lead">Budgeted messages (nudges, checkpoint surveys and reminders, pair nudges, milestone reminders) delivered per person and local week, against the program's weekly budget. Weeks without any message are not counted.</p>
    <div class="grid2 wide-left">
      <div>${horizontalBars(bars, { title: 'Budgeted messages per person-week against the weekly budget', max: Math.max(b.weeklyBudget, b.meanPerPersonWeek.value ?? 0), width: 660, labelWidth: 180 })}</div>
      <table class="compact">
        <tr><th>Person-weeks</th><td>${count(b.personWeeks)}</td></tr>
        <tr><th>Mean share of budget</th><td>${stat(b.meanShareOfBudget, (v) => pctText(v))}</td></tr>
        <tr><th>Weeks at the budget</th><td>${rate(b.atBudget)}</td></tr>
        <tr><th>Weeks over the budget</th><td>${rate(b.overBudget)}</td></tr>
      </table>
    </div>
  </section>`;
}

function roiSection(roi: RoiReport): string {
  const a = roi.assumptions;
  const s = roi.steps;
  const cur = a?.currency ?? 'USD';
  const unit = a ? esc(a.unit) : '';
  const need = `<span class="muted">needs ${esc(roi.missing.join(', ') || 'roi')}</span>`;
  const card = (n: number, title: string, big: string, calc: string) =>
    `<div class="step${s ? '' : ' pending'}"><div class="n">${n}</div><div class="t">${esc(title)}</div><div class="big">${big}</div><div class="calc">${calc}</div></div>`;
  const better = a?.direction === 'decrease' ? 'lower is better' : 'higher is better';
  const steps = `<div class="steps">
    ${card(1, 'Baseline', a ? `${dec(a.baseline, 0)} ${unit}` : need, a ? `${esc(a.outcome)} before the program; after: ${a.current === null ? '<strong>missing</strong>' : `${dec(a.current, 0)} ${unit}`}` : 'the outcome before the program')}
    ${card(2, 'Delta', s ? `${signed(s.delta, Number.isInteger(s.delta) ? 0 : 2)} ${unit}` : need, s && a ? `${a.direction === 'decrease' ? `${dec(s.baseline, 0)} − ${dec(s.current, 0)}` : `${dec(s.current, 0)} − ${dec(s.baseline, 0)}`} (${better})` : `after − before, ${a ? better : 'signed so that positive is better'}`)}
    ${card(3, 'Attribution', s ? `${dec(s.attributableUnits, 2)} ${unit}` : a ? `${a.attributionPercent}%` : need, s ? `${signed(s.delta, Number.isInteger(s.delta) ? 0 : 2)} × ${s.attributionPercent}% credited to the program` : a ? `${a.attributionPercent}% of the delta credited to the program` : 'share of the delta credited to the program')}
    ${card(4, 'Value against cost', s ? money(s.attributableValue, cur) : need, s ? `${dec(s.attributableUnits, 2)} × ${money(s.valuePerUnit, cur)} per unit; program cost ${money(s.programCost, cur)}` : a ? `× ${money(a.valuePerUnit, cur)} per unit; program cost ${money(a.programCost, cur)}` : 'value per unit; program cost')}
  </div>`;
  const result = s
    ? `<div class="roi-result">ROI = (${money(s.attributableValue, cur)} − ${money(s.programCost, cur)}) / ${money(s.programCost, cur)} = <strong>${dec(s.roi, 2)}</strong> <span class="of">(${int(s.roi * 100)}% net return on the program cost; net value ${money(s.netValue, cur)})</span></div>`
    : `<div class="callout"><strong>No ROI figure.</strong> ${esc(roi.message ?? '')}</div>`;
  const assumptions = a
    ? `<h3>Assumptions, as entered by the program admin</h3><table class="compact assumptions">
        <tr><th>Outcome valued</th><td>${esc(a.outcome)}</td></tr>
        <tr><th>Unit</th><td>${unit}</td></tr>
        <tr><th>Direction</th><td>${esc(a.direction)} (${better})</td></tr>
        <tr><th>Baseline (before)</th><td>${dec(a.baseline, 2)}</td></tr>
        <tr><th>Current (after)</th><td>${a.current === null ? '<strong>missing</strong>' : dec(a.current, 2)}</td></tr>
        <tr><th>Attribution</th><td>${a.attributionPercent}%</td></tr>
        <tr><th>Why this attribution</th><td>${a.attributionRationale ? esc(a.attributionRationale) : '<span class="muted">not given</span>'}</td></tr>
        <tr><th>Value per unit</th><td>${money(a.valuePerUnit, cur)}</td></tr>
        <tr><th>Program cost</th><td>${money(a.programCost, cur)}</td></tr>
        <tr><th>Currency</th><td>${esc(cur)}</td></tr>
      </table>`
    : '';
  const notes = roi.notes.length
    ? `<ul class="notes">${roi.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
    : '';
  return `<section id="roi">
    <h2>7. Return on investment</h2>
    <p class="lead">Four visible steps: baseline → delta → attribution → value against cost. ROI = (attributable value − program cost) / program cost. Every input below comes from the program's <code>roi</code> settings.</p>
    ${steps}
    ${result}
    ${notes}
    ${assumptions}
  </section>`;
}

const DEFINITIONS: [string, string][] = [
  [
    'Leaders',
    'People in the program (never channels), except those whose only roles are mentor, curator or admin.',
  ],
  [
    'Invited',
    'Every leader on the roster or who contacted the bot; the invitation time is the roster invitation, else when the person was first seen.',
  ],
  ['Consented', 'Leaders who accepted, including those who opted out later (shown apart).'],
  [
    'Experiment set',
    'Leaders with at least one behavior experiment. Each leader counts with one experiment: the running one, else the latest.',
  ],
  ['Answered day N', 'Leaders who answered the day-N checkpoint survey of that experiment.'],
  [
    'Response rate',
    'Checkpoint surveys answered of those sent; nudges answered (any button) of nudges delivered, and “Did it” of nudges delivered.',
  ],
  ['Practice', 'The first checkpoint answer: 1 not yet, 2 once, 3 a few times, 4 most days, 5 daily.'],
  [
    'Way to target',
    '(value − baseline) / (target − baseline) × 100 for each leader, so 0% is the baseline, 100% the target, and a negative number a change the wrong way.',
  ],
  ['KPI improved', 'The change from baseline is an improvement once direction is taken into account.'],
  [
    'Outcome figures',
    'Leaders whose consent stands; with a control arm, the coached arm only (control is in section 4).',
  ],
  [
    'Charter completed',
    'Pairs at least the program’s charter deadline old whose mentor has confirmed a charter.',
  ],
  [
    'Milestones on time',
    'Confirmed (met, partly or not yet) no later than one day after the due date, of milestones due while the pair was running.',
  ],
  [
    'Alert → action',
    'Hours from a curator alert to the first curator decision (re-match, check-in, snooze or close).',
  ],
  ['Budget use', 'Budgeted messages delivered per person and local week, for weeks with at least one.'],
  [
    'Suppressed (n<5)',
    'A figure that would describe fewer than 5 people is hidden: counts of 1–4 people, means and medians over fewer than 5 contributors, and shares whose numerator or denominator covers 1–4 people.',
  ],
];

export const CSS = `
:root{--ink:#0f172a;--soft:#64748b;--line:#e2e8f0;--bg:#f8fafc;--blue:#2563eb;--amber:#f59e0b}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#eef2f7;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:28px 28px 40px}
header.top{background:linear-gradient(120deg,#0f172a,#1e3a8a);color:#fff;padding:26px 30px;border-radius:14px}
header.top h1{margin:0;font-size:28px;letter-spacing:-.01em}
header.top .meta{margin-top:6px;color:#cbd5e1;font-size:13px}
header.top .badge{display:inline-block;margin-top:12px;background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.25);border-radius:999px;padding:3px 12px;font-size:12px}
.tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;margin-top:16px}
.tile{background:#fff;border:1px solid var(--line);border-radius:12px;padding:14px 16px}
.tile .k,.kv .k{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--soft);font-weight:600}
.tile .v{font-size:26px;font-weight:700;line-height:1.3;margin-top:4px}
.tile .s,.kv .s{font-size:12px;color:var(--soft)}
section{background:#fff;border:1px solid var(--line);border-radius:12px;padding:20px 24px;margin-top:16px;break-inside:avoid}
h2{font-size:18px;margin:0 0 4px}
h3{font-size:14px;margin:18px 0 4px}
p.lead{color:var(--soft);margin:0 0 14px;max-width:900px}
p.small,.small{font-size:12px;color:var(--soft)}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:24px;align-items:start}
.grid2.wide-left{grid-template-columns:3fr 2fr}
figure{margin:0 0 8px}
figcaption{font-size:12px;font-weight:600;color:var(--soft);text-transform:uppercase;letter-spacing:.04em;margin-bottom:4px}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;margin-top:6px}
th,td{text-align:right;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:middle}
th:first-child,td:first-child{text-align:left}
th{font-size:11px;color:var(--soft);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
table.compact td,table.compact th{padding:5px 10px}
table.compact th{text-transform:none;letter-spacing:0;font-size:13px;color:var(--ink);font-weight:500;text-align:left}
table.assumptions td{text-align:left}
.sup{color:#475569;font-style:italic;background:#f1f5f9;border:1px dashed #cbd5e1;border-radius:4px;padding:0 5px;white-space:nowrap;font-size:12px;font-weight:400}
.of{color:var(--soft);font-size:12px;font-weight:400;white-space:nowrap}
.none,.muted{color:#94a3b8}
.pos{color:#15803d}.neg{color:#b91c1c}
.barcell{white-space:nowrap}
.bar{display:inline-block;width:120px;height:8px;background:#f1f5f9;border-radius:4px;margin-right:10px;vertical-align:middle;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--blue)}
.chart{display:block;max-width:100%;height:auto}
.chart text{font-family:inherit}
.chart .lbl{font-size:13px;fill:#0f172a}
.chart .val{font-size:13px;font-weight:600;fill:#0f172a}
.chart .tick{font-size:11px;fill:#64748b}
.chart .pt{font-size:12px;font-weight:700;fill:#0f172a}
.chart .muted{fill:#94a3b8;font-style:italic}
.kv{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:14px}
.kv>div{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.kv .v{font-size:20px;font-weight:700;margin-top:2px}
.steps{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.step{position:relative;background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:14px 14px 12px 14px}
.step+.step::before{content:"→";position:absolute;left:-12px;top:40%;color:#94a3b8;font-weight:700}
.step .n{width:24px;height:24px;border-radius:50%;background:var(--blue);color:#fff;font-weight:700;font-size:13px;display:flex;align-items:center;justify-content:center}
.step.pending .n{background:#94a3b8}
.step .t{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--soft);font-weight:600;margin-top:8px}
.step .big{font-size:20px;font-weight:700;margin:2px 0 4px}
.step .calc{font-size:12px;color:var(--soft)}
.roi-result{margin-top:14px;padding:12px 16px;background:#eff6ff;border:1px solid #bfdbfe;border-radius:10px;font-size:15px}
.roi-result strong{font-size:20px}
.callout{margin-top:14px;border-left:4px solid var(--amber);background:#fffbeb;padding:12px 16px;border-radius:6px}
ul.notes{margin:12px 0 0;padding-left:18px;color:#334155}
code{background:#f1f5f9;border-radius:4px;padding:0 4px;font-size:12px}
dl.defs{display:grid;grid-template-columns:180px 1fr;gap:4px 16px;margin:0;font-size:13px}
dl.defs dt{font-weight:600}
dl.defs dd{margin:0;color:#334155}
footer{margin-top:16px;font-size:12px;color:var(--soft);text-align:center}
@media (max-width:860px){.tiles{grid-template-columns:repeat(2,1fr)}.grid2,.grid2.wide-left,.steps{grid-template-columns:1fr}.kv{grid-template-columns:repeat(2,1fr)}}
@page{size:A4;margin:12mm}
@media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}section,.tile{border-color:#cbd5e1}.tiles{grid-template-columns:repeat(5,1fr)}.grid2{grid-template-columns:1fr 1fr}.kv{grid-template-columns:repeat(4,1fr)}.steps{grid-template-columns:repeat(4,1fr)}}
`;

/** The whole report as one HTML file that opens offline and prints. */
export function renderHtml(report: OutcomeReport): string {
  const p = report.program;
  const title = p.title ?? p.name;
  const generated = `${report.generatedAt.slice(0, 10)} ${report.generatedAt.slice(11, 16)} UTC`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="coachloop">
<title>${esc(title)} — outcome report</title>
<style>${CSS}${PILOT_CSS}</style>
</head>
<body>
${CHART_DEFS}
<main>
<header class="top">
  <h1>${esc(title)}</h1>
  <div class="meta">Outcome report · program <strong>${esc(p.name)}</strong> (settings version ${p.version}) · ${p.lengthWeeks}-week experiments, checkpoints on day ${p.checkpointDays.join(', ')} · generated ${esc(generated)}</div>
  <div class="badge">Privacy: any figure about fewer than ${report.privacy.minGroupSize} people is suppressed</div>
</header>
${summaryTiles(report)}
${verdictBanner(report.evidence)}
${funnelSection(report)}
${responsesSection(report)}
${outcomesSection(report)}
${comparisonSection(report)}
${mentoringSection(report)}
${budgetSection(report)}
${roiSection(report.roi)}
${evidenceSection(report.evidence, 8)}
${balanceSection(report.balance, 9)}
${timelineSection(report.timeline, 10)}
<section id="definitions">
  <h2>How to read this report</h2>
  <dl class="defs">${DEFINITIONS.map(([term, text]) => `<dt>${esc(term)}</dt><dd>${esc(text)}</dd>`).join('')}</dl>
</section>
<footer>coachloop outcome report · ${esc(report.schema)} · ${esc(report.privacy.rule)}</footer>
</main>
</body>
</html>
`;
}

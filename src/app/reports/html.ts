import { DEFAULT_LOCALE, type MessageKey } from '../../core/catalog/index.js';
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
import {
  balanceSection,
  evidenceSection,
  reportDocument,
  timelineSection,
  verdictBanner,
} from './pilot-html.js';
import { type ReportWords, reportWords } from './report-locale.js';
import type { RoiReport } from './roi-steps.js';

/*
 * One self-contained HTML file: inline CSS and inline SVG, no scripts, no fonts or images to fetch, and a
 * Content-Security-Policy that forbids any request should something slip in. Every number that describes
 * fewer than five people reads "suppressed (n<5)".
 */

/** Words and number formats of one report, in its locale. */
type W = ReportWords;

const sup = (w: W) =>
  `<span class="sup" title="${esc(w.t('report.suppressedTitle'))}">${esc(w.t('report.suppressed'))}</span>`;
const none = (w: W) => `<span class="none" title="${esc(w.t('report.noDataTitle'))}">–</span>`;
const esc = escapeHtml;

function count(w: W, f: Figure): string {
  if (f.suppressed) return sup(w);
  return f.value === null ? none(w) : w.int(f.value);
}

function rate(w: W, r: Rate, withCounts = true): string {
  if (r.suppressed)
    return `${sup(w)}${withCounts && r.denominator !== null ? ` <span class="of">${w.html('report.ofTotal', { total: w.int(r.denominator) })}</span>` : ''}`;
  if (r.rate === null) return none(w);
  return `${w.pct(r.rate)}${withCounts ? ` <span class="of">${w.html('report.partOf', { part: w.int(r.numerator ?? 0), total: w.int(r.denominator ?? 0) })}</span>` : ''}`;
}

function stat(w: W, s: Stat, format: (n: number) => string = (n) => w.dec(n)): string {
  if (s.suppressed) return sup(w);
  return s.value === null ? none(w) : format(s.value);
}

function diff(w: W, f: Figure, format: (n: number) => string): string {
  if (f.suppressed) return sup(w);
  if (f.value === null) return none(w);
  const cls = f.value > 0 ? 'pos' : f.value < 0 ? 'neg' : '';
  return `<strong class="${cls}">${format(f.value)}</strong>`;
}

const pctPoints = (w: W) => (n: number) => w.html('report.percentagePoints', { n: w.signed(n, 0) });
const pctOfTarget = (w: W) => (n: number) => w.percent(Math.round(n));
const dayLabel = (w: W, day: number) => w.t('report.day', { day });

function tile(label: string, value: string, sub: string): string {
  return `<div class="tile"><div class="k">${esc(label)}</div><div class="v">${value}</div><div class="s">${sub}</div></div>`;
}

function latestShown(checkpoints: readonly CheckpointOutcome[]): CheckpointOutcome | undefined {
  return checkpoints.filter((c) => c.pctOfTargetMean.value !== null).at(-1);
}

function summaryTiles(w: W, r: OutcomeReport): string {
  const lastDay = r.program.checkpointDays.at(-1);
  const lastResponse = r.responses.checkpoints.at(-1);
  const latest = latestShown(r.outcomes.checkpoints);
  const roi = r.roi;
  const window = r.funnel.invitedFrom
    ? `${esc(w.day(r.funnel.invitedFrom))} – ${esc(r.funnel.invitedTo ? w.day(r.funnel.invitedTo) : '')}`
    : w.html('report.tiles.leadersInProgram');
  return `<div class="tiles">
    ${tile(w.t('report.tiles.invited'), count(w, r.funnel.invited), window)}
    ${tile(w.t('report.tiles.consented'), rate(w, r.funnel.consentRate, false), r.funnel.consentRate.suppressed ? w.html('report.tiles.ofEveryoneInvited') : w.html('report.tiles.consentedOfInvited', {}, { consented: count(w, r.funnel.consented), invited: count(w, r.funnel.invited) }))}
    ${tile(w.t('report.tiles.answeredDay', { day: lastDay ?? '–' }), lastResponse ? rate(w, lastResponse.rate, false) : none(w), lastResponse?.rate.denominator ? w.html('report.tiles.ofSurveysSent', { sent: w.int(lastResponse.rate.denominator) }) : w.html('report.tiles.noSurveySent'))}
    ${tile(w.t('report.tiles.wayToTarget'), latest ? stat(w, latest.pctOfTargetMean, pctOfTarget(w)) : none(w), latest ? w.html('report.tiles.meanAtDay', { day: latest.day }) : w.html('report.tiles.noKpiAnswers'))}
    ${tile(w.t('report.tiles.roi'), roi.steps ? `${w.dec(roi.steps.roi, 2)}` : `<span class="muted">${w.html('report.tiles.notComputed')}</span>`, roi.steps ? w.html('report.tiles.netReturn', { percent: w.percent(Math.round(roi.steps.roi * 100)) }) : w.html('report.tiles.missing', { missing: roi.missing.join(', ') }))}
  </div>`;
}

function funnelSection(w: W, r: OutcomeReport): string {
  const f = r.funnel;
  const max = f.invited.value ?? 0;
  const bars: HBar[] = f.steps.map((s, i) => ({
    label: funnelStepLabel(w, s.key),
    value: s.count.value,
    suppressed: s.count.suppressed,
    text:
      s.count.value === null
        ? ''
        : `${w.int(s.count.value)}${i > 0 && s.ofInvited.rate !== null ? `  ·  ${w.pct(s.ofInvited.rate)}` : ''}`,
    color: i === 0 ? '#1e3a8a' : i === 1 ? '#1d4ed8' : i === 2 ? '#3b82f6' : '#60a5fa',
  }));
  return `<section id="funnel">
    <h2>${w.html('report.funnel.heading')}</h2>
    <p class="lead">${w.html('report.funnel.lead')}</p>
    <div class="grid2 wide-left">
      <div>${horizontalBars(bars, { title: w.t('report.funnel.chart'), max, width: 660, words: w.chart })}</div>
      <div>
        <table class="compact">
          <tr><th>${w.html('report.funnel.consent')}</th><th>${w.html('report.leaders')}</th></tr>
          <tr><td>${w.html('report.funnel.acceptedStillIn')}</td><td>${count(w, f.consent.accepted)}</td></tr>
          <tr><td>${w.html('report.funnel.acceptedOptedOut')}</td><td>${count(w, f.consent.optedOut)}</td></tr>
          <tr><td>${w.html('report.funnel.declined')}</td><td>${count(w, f.consent.declined)}</td></tr>
          <tr><td>${w.html('report.funnel.noAnswer')}</td><td>${count(w, f.consent.pending)}</td></tr>
          <tr><td>${w.html('report.funnel.medianDaysToConsent')}</td><td>${stat(w, f.medianDaysToConsent)}</td></tr>
        </table>
        <p class="small">${w.html('report.funnel.notInFunnel', {}, { count: count(w, f.otherPeople) })}</p>
      </div>
    </div>
  </section>`;
}

/** A funnel step by its key (`invited`, `consented`, `experiment`, `day-30`). */
function funnelStepLabel(w: W, key: string): string {
  if (key === 'invited') return w.t('report.tiles.invitedStep');
  if (key === 'consented') return w.t('report.tiles.consented');
  if (key === 'experiment') return w.t('report.funnel.experimentSet');
  return w.t('report.tiles.answeredDay', { day: key.replace(/^day-/, '') });
}

function responsesSection(w: W, r: OutcomeReport): string {
  const answered = (x: Rate) =>
    x.numerator === null ? (x.suppressed ? sup(w) : none(w)) : w.int(x.numerator);
  const bar = (x: Rate) =>
    `<td class="barcell"><svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width="${Math.round((x.rate ?? 0) * 100)}" height="8"/></svg>${rate(w, x, false)}</td>`;
  const rows = r.responses.checkpoints
    .map(
      (c) =>
        `<tr><td>${w.html('report.responses.checkpoint', { day: c.day })}</td><td>${c.rate.denominator === null ? sup(w) : w.int(c.rate.denominator)}</td><td>${answered(c.rate)}</td>${bar(c.rate)}</tr>`,
    )
    .join('');
  const n = r.responses.nudges;
  return `<section id="responses">
    <h2>${w.html('report.responses.heading')}</h2>
    <p class="lead">${w.html('report.responses.lead')}</p>
    <table>
      <tr><th>${w.html('report.responses.message')}</th><th>${w.html('report.responses.sent')}</th><th>${w.html('report.responses.answered')}</th><th>${w.html('report.responses.rate')}</th></tr>
      ${rows}
      <tr><td>${w.html('report.responses.nudgesAny')}</td><td>${count(w, n.sent)}</td><td>${answered(n.responseRate)}</td>${bar(n.responseRate)}</tr>
      <tr><td>${w.html('report.responses.nudgesDid')}</td><td>${count(w, n.sent)}</td><td>${answered(n.didRate)}</td>${bar(n.didRate)}</tr>
    </table>
  </section>`;
}

const toPoint = (s: Stat) => ({ value: s.value, suppressed: s.suppressed });

function outcomeTable(w: W, arm: ArmOutcome): string {
  return `<table>
    <tr><th>${w.html('report.outcomes.checkpoint')}</th><th>${w.html('report.responses.answered')}</th><th>${w.html('report.outcomes.practice')}</th><th>${w.html('report.outcomes.wayMean')}</th><th>${w.html('report.outcomes.median')}</th><th>${w.html('report.outcomes.improved')}</th><th>${w.html('report.outcomes.reached')}</th></tr>
    ${arm.checkpoints
      .map(
        (c) =>
          `<tr><td>${esc(dayLabel(w, c.day))}</td><td>${count(w, c.respondents)}</td><td>${stat(w, c.practiceMean)}</td><td>${stat(w, c.pctOfTargetMean, pctOfTarget(w))}</td><td>${stat(w, c.pctOfTargetMedian, pctOfTarget(w))}</td><td>${rate(w, c.improved)}</td><td>${rate(w, c.reachedTarget)}</td></tr>`,
      )
      .join('')}
  </table>`;
}

function outcomesSection(w: W, r: OutcomeReport): string {
  const o = r.outcomes;
  const days = r.program.checkpointDays;
  const progress = lineChart(
    [w.t('report.outcomes.baseline'), ...days.map((d) => dayLabel(w, d))],
    [
      {
        name: w.t('report.outcomes.coachedLeaders'),
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
      title: w.t('report.outcomes.progressChart'),
      reference: { value: 100, label: w.t('report.outcomes.target') },
      format: pctOfTarget(w),
      step: 20,
      ceiling: 100,
      words: w.chart,
    },
  );
  const practice = groupedBars(
    days.map((d) => dayLabel(w, d)),
    [
      {
        name: w.t('report.outcomes.coachedLeaders'),
        color: COLORS.coached,
        points: o.checkpoints.map((c) => toPoint(c.practiceMean)),
      },
    ],
    {
      title: w.t('report.outcomes.practiceChart'),
      format: (v) => w.dec(v),
      step: 1,
      ceiling: 5,
      words: w.chart,
    },
  );
  const unitRows = o.kpiByUnit
    .map(
      (u) =>
        `<tr><td>${esc(u.unit)}<span class="of"> · ${w.html('report.direction', { direction: u.direction })}</span></td><td>${count(w, u.people)}</td><td>${stat(w, u.baselineMean)} → ${stat(w, u.targetMean)}</td>${u.checkpoints
          .map(
            (c) =>
              `<td>${stat(w, c.improvementMean, (v) => w.signed(v))}<span class="of"> → ${stat(w, c.valueMean)}</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="outcomes">
    <h2>${w.html('report.outcomes.heading', { arms: r.comparison ? 'yes' : 'no' })}</h2>
    <p class="lead">${w.html('report.outcomes.lead', { arms: r.comparison ? 'yes' : 'no' }, { people: count(w, o.people), withExperiment: count(w, o.withExperiment) })}</p>
    <div class="grid2">
      <figure><figcaption>${w.html('report.outcomes.wayCaption')}</figcaption>${progress}</figure>
      <figure><figcaption>${w.html('report.outcomes.practiceCaption')}</figcaption>${practice}</figure>
    </div>
    ${outcomeTable(w, o)}
    <h3>${w.html('report.outcomes.unitsHeading')}</h3>
    <p class="small">${w.html('report.outcomes.unitsLead')}</p>
    ${
      o.kpiByUnit.length === 0
        ? `<p class="small muted">${w.html('report.outcomes.noUnit')}</p>`
        : `<table><tr><th>${w.html('report.outcomes.unit')}</th><th>${w.html('report.leaders')}</th><th>${w.html('report.outcomes.baselineToTarget')}</th>${days.map((d) => `<th>${esc(dayLabel(w, d))}</th>`).join('')}</tr>${unitRows}</table>`
    }
    <p class="small">${w.html('report.outcomes.otherUnits', {}, { count: count(w, o.otherUnits) })}</p>
  </section>`;
}

function comparisonSection(w: W, r: OutcomeReport): string {
  const c = r.comparison;
  if (!c) {
    return `<section id="comparison"><h2>${w.html('report.comparison.heading')}</h2><p class="lead">${w.html('report.comparison.noControl', {}, { code: '<code>arm: control</code>' })}</p></section>`;
  }
  const days = r.program.checkpointDays.map((d) => dayLabel(w, d));
  const arms = (pick: (x: CheckpointOutcome) => Stat): Series[] => [
    {
      name: w.t('report.arm', { arm: 'coached' }),
      color: COLORS.coached,
      points: c.coached.checkpoints.map((x) => toPoint(pick(x))),
    },
    {
      name: w.t('report.arm', { arm: 'control' }),
      color: COLORS.control,
      points: c.control.checkpoints.map((x) => toPoint(pick(x))),
    },
  ];
  const rows = c.difference
    .map((d, i) => {
      const co = c.coached.checkpoints[i]!;
      const ct = c.control.checkpoints[i]!;
      return `<tr><td>${esc(dayLabel(w, d.day))}</td><td>${count(w, co.respondents)} / ${count(w, ct.respondents)}</td><td>${stat(w, co.pctOfTargetMean, pctOfTarget(w))}</td><td>${stat(w, ct.pctOfTargetMean, pctOfTarget(w))}</td><td>${diff(w, d.pctOfTargetMean, pctPoints(w))}</td><td>${stat(w, co.practiceMean)}</td><td>${stat(w, ct.practiceMean)}</td><td>${diff(w, d.practiceMean, (v) => w.signed(v))}</td></tr>`;
    })
    .join('');
  return `<section id="comparison">
    <h2>${w.html('report.comparison.heading')}</h2>
    <p class="lead">${w.html('report.comparison.lead', {}, { coached: count(w, c.coached.people), coachedWith: count(w, c.coached.withExperiment), control: count(w, c.control.people), controlWith: count(w, c.control.withExperiment) })}</p>
    <div class="grid2">
      <figure><figcaption>${w.html('report.outcomes.wayCaption')}</figcaption>${groupedBars(
        days,
        arms((x) => x.pctOfTargetMean),
        {
          title: w.t('report.comparison.wayChart'),
          format: pctOfTarget(w),
          step: 20,
          ceiling: 100,
          words: w.chart,
        },
      )}</figure>
      <figure><figcaption>${w.html('report.outcomes.practiceCaption')}</figcaption>${groupedBars(
        days,
        arms((x) => x.practiceMean),
        {
          title: w.t('report.comparison.practiceChart'),
          format: (v) => w.dec(v),
          step: 1,
          ceiling: 5,
          words: w.chart,
        },
      )}</figure>
    </div>
    <table>
      <tr><th>${w.html('report.outcomes.checkpoint')}</th><th>${w.html('report.comparison.answered')}</th><th>${w.html('report.comparison.wayCoached')}</th><th>${w.html('report.comparison.control')}</th><th>${w.html('report.comparison.difference')}</th><th>${w.html('report.comparison.practiceCoached')}</th><th>${w.html('report.comparison.control')}</th><th>${w.html('report.comparison.difference')}</th></tr>
      ${rows}
    </table>
  </section>`;
}

function mentoringSection(w: W, r: OutcomeReport): string {
  const m = r.mentoring;
  if (m.pairs.total.value === 0) {
    return `<section id="mentoring"><h2>${w.html('report.mentoring.heading')}</h2><p class="lead">${w.html('report.mentoring.none')}</p></section>`;
  }
  const ms = m.milestones;
  const onTime = ms.onTime.numerator;
  const milestoneBar = stackedBar(
    [
      { label: w.t('report.mentoring.onTime'), value: onTime, color: COLORS.good },
      { label: w.t('report.mentoring.late'), value: ms.late.value, color: COLORS.warn },
      { label: w.t('report.mentoring.notConfirmed'), value: ms.unconfirmed.value, color: COLORS.bad },
    ],
    { title: w.t('report.mentoring.milestonesChart'), total: ms.onTime.denominator, words: w.chart },
  );
  const kv = (label: MessageKey, value: string, sub?: string) =>
    `<div><div class="k">${w.html(label)}</div><div class="v">${value}</div>${sub === undefined ? '' : `<div class="s">${sub}</div>`}</div>`;
  return `<section id="mentoring">
    <h2>${w.html('report.mentoring.heading')}</h2>
    <p class="lead">${w.html('report.mentoring.lead', {}, { people: count(w, m.people), pairs: count(w, m.pairs.total) })}</p>
    <div class="kv">
      ${kv('report.mentoring.pairs', `${count(w, m.pairs.active)} · ${count(w, m.pairs.closed)} · ${count(w, m.pairs.rematched)}`)}
      ${kv('report.mentoring.charter', rate(w, m.charter.completion), w.html('report.mentoring.charterSub', { days: m.charter.eligibleAfterDays }))}
      ${kv('report.mentoring.daysToCharter', stat(w, m.charter.medianDaysToComplete), w.html('report.mentoring.daysToCharterSub'))}
      ${kv('report.mentoring.milestones', rate(w, ms.onTime), w.html('report.mentoring.milestonesSub', {}, { late: count(w, ms.late), unconfirmed: count(w, ms.unconfirmed) }))}
      ${kv('report.mentoring.alerts', count(w, m.alerts.raised), w.html('report.mentoring.alertsSub', {}, { actedOn: rate(w, m.alerts.actedOn), awaiting: count(w, m.alerts.awaitingDecision) }))}
      ${kv('report.mentoring.hoursToAction', stat(w, m.alerts.medianHoursToAction), w.html('report.mentoring.hoursToActionSub'))}
      ${kv('report.mentoring.optOuts', count(w, m.optOuts))}
      ${kv('report.mentoring.proposals', `${count(w, m.matching.proposals.approved)} · ${count(w, m.matching.proposals.changed)} · ${count(w, m.matching.proposals.rejected)}`, w.html('report.mentoring.proposalsSub', {}, { total: count(w, m.matching.proposals.total), open: count(w, m.matching.proposals.open) }))}
      ${kv('report.mentoring.daysToPair', stat(w, m.matching.medianDaysToPair), w.html('report.mentoring.mentees'))}
      ${kv('report.mentoring.noFault', count(w, m.matching.noFaultExits), w.html('report.mentoring.noFaultSub'))}
      ${kv('report.mentoring.rematched', rate(w, m.matching.rematchedWithin30Days))}
      ${kv('report.mentoring.meetings', rate(w, m.matching.meetingsHeld), w.html('report.mentoring.meetingsSub', {}, { median: stat(w, m.matching.medianPairMeetingRate) }))}
    </div>
    <figure><figcaption>${w.html('report.mentoring.milestonesCaption')}</figcaption>${milestoneBar}</figure>
  </section>`;
}

function budgetSection(w: W, r: OutcomeReport): string {
  const b = r.budget;
  const bars: HBar[] = [
    {
      label: w.t('report.budget.mean'),
      value: b.meanPerPersonWeek.value,
      suppressed: b.meanPerPersonWeek.suppressed,
      text:
        b.meanPerPersonWeek.value === null
          ? w.t('report.budget.noMessages')
          : w.t('report.budget.messages', { count: w.dec(b.meanPerPersonWeek.value) }),
      color: COLORS.coached,
    },
    {
      label: w.t('report.budget.weekly'),
      value: b.weeklyBudget,
      suppressed: false,
      text: w.t('report.budget.messages', { count: w.int(b.weeklyBudget) }),
      color: COLORS.muted,
    },
  ];
  return `<section id="budget">
    <h2>${w.html('report.budget.heading')}</h2>
    <p class="lead">${w.html('report.budget.lead')}</p>
    <div class="grid2 wide-left">
      <div>${horizontalBars(bars, { title: w.t('report.budget.chart'), max: Math.max(b.weeklyBudget, b.meanPerPersonWeek.value ?? 0), width: 660, labelWidth: 180, words: w.chart })}</div>
      <table class="compact">
        <tr><th>${w.html('report.budget.personWeeks')}</th><td>${count(w, b.personWeeks)}</td></tr>
        <tr><th>${w.html('report.budget.share')}</th><td>${stat(w, b.meanShareOfBudget, (v) => w.pct(v))}</td></tr>
        <tr><th>${w.html('report.budget.atBudget')}</th><td>${rate(w, b.atBudget)}</td></tr>
        <tr><th>${w.html('report.budget.overBudget')}</th><td>${rate(w, b.overBudget)}</td></tr>
      </table>
    </div>
  </section>`;
}

function roiSection(w: W, roi: RoiReport): string {
  const a = roi.assumptions;
  const s = roi.steps;
  const cur = a?.currency ?? 'USD';
  const unit = a ? esc(a.unit) : '';
  const money = (amount: number) => esc(w.money(amount, cur));
  const need = `<span class="muted">${w.html('report.roi.needs', { missing: roi.missing.join(', ') || 'roi' })}</span>`;
  const missing = `<strong>${w.html('report.roi.missing')}</strong>`;
  const card = (n: number, title: MessageKey, big: string, calc: string) =>
    `<div class="step${s ? '' : ' pending'}"><div class="n">${n}</div><div class="t">${w.html(title)}</div><div class="big">${big}</div><div class="calc">${calc}</div></div>`;
  const better = w.html('report.direction', { direction: a?.direction ?? 'increase' });
  const deltaDigits = (d: number) => (Number.isInteger(d) ? 0 : 2);
  const steps = `<div class="steps">
    ${card(1, 'report.roi.baseline', a ? `${w.dec(a.baseline, 0)} ${unit}` : need, a ? w.html('report.roi.baselineCalc', { outcome: a.outcome }, { after: a.current === null ? missing : `${esc(w.dec(a.current, 0))} ${unit}` }) : w.html('report.roi.baselineNone'))}
    ${card(2, 'report.roi.delta', s ? `${w.signed(s.delta, deltaDigits(s.delta))} ${unit}` : need, s && a ? `${a.direction === 'decrease' ? `${w.dec(s.baseline, 0)} − ${w.dec(s.current, 0)}` : `${w.dec(s.current, 0)} − ${w.dec(s.baseline, 0)}`} (${better})` : a ? w.html('report.roi.deltaCalc', {}, { better }) : w.html('report.roi.deltaNone'))}
    ${card(3, 'report.roi.attribution', s ? `${w.dec(s.attributableUnits, 2)} ${unit}` : a ? w.percent(a.attributionPercent) : need, s ? w.html('report.roi.attributionCalc', { delta: w.signed(s.delta, deltaDigits(s.delta)), percent: w.percent(s.attributionPercent) }) : a ? w.html('report.roi.attributionShare', { percent: w.percent(a.attributionPercent) }) : w.html('report.roi.attributionNone'))}
    ${card(4, 'report.roi.value', s ? money(s.attributableValue) : need, s ? w.html('report.roi.valueCalc', { units: w.dec(s.attributableUnits, 2), perUnit: w.money(s.valuePerUnit, cur), cost: w.money(s.programCost, cur) }) : a ? w.html('report.roi.valuePending', { perUnit: w.money(a.valuePerUnit, cur), cost: w.money(a.programCost, cur) }) : w.html('report.roi.valueNone'))}
  </div>`;
  const result = s
    ? `<div class="roi-result">ROI = (${money(s.attributableValue)} − ${money(s.programCost)}) / ${money(s.programCost)} = <strong>${w.dec(s.roi, 2)}</strong> <span class="of">${w.html('report.roi.result', { percent: w.percent(Math.round(s.roi * 100)), net: w.money(s.netValue, cur) })}</span></div>`
    : `<div class="callout"><strong>${w.html('report.roi.none')}</strong> ${esc(roi.message ?? '')}</div>`;
  const row = (label: MessageKey, value: string) => `<tr><th>${w.html(label)}</th><td>${value}</td></tr>`;
  const assumptions = a
    ? `<h3>${w.html('report.roi.assumptions')}</h3><table class="compact assumptions">
        ${row('report.roi.outcome', esc(a.outcome))}
        ${row('report.outcomes.unit', unit)}
        ${row('report.roi.direction', `${esc(a.direction)} (${better})`)}
        ${row('report.roi.before', w.dec(a.baseline, 2))}
        ${row('report.roi.after', a.current === null ? missing : w.dec(a.current, 2))}
        ${row('report.roi.attribution', w.percent(a.attributionPercent))}
        ${row('report.roi.why', a.attributionRationale ? esc(a.attributionRationale) : `<span class="muted">${w.html('report.roi.notGiven')}</span>`)}
        ${row('report.roi.perUnit', money(a.valuePerUnit))}
        ${row('report.roi.cost', money(a.programCost))}
        ${row('report.roi.currency', esc(cur))}
      </table>`
    : '';
  const notes = roi.notes.length
    ? `<ul class="notes">${roi.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
    : '';
  return `<section id="roi">
    <h2>${w.html('report.roi.heading')}</h2>
    <p class="lead">${w.html('report.roi.lead', {}, { code: '<code>roi</code>' })}</p>
    ${steps}
    ${result}
    ${notes}
    ${assumptions}
  </section>`;
}

/** The terms the last section explains, each a pair of catalog keys. */
const DEFINITIONS: readonly (readonly [MessageKey, MessageKey])[] = [
  ['report.def.leaders', 'report.def.leadersText'],
  ['report.def.invited', 'report.def.invitedText'],
  ['report.def.consented', 'report.def.consentedText'],
  ['report.def.experiment', 'report.def.experimentText'],
  ['report.def.answered', 'report.def.answeredText'],
  ['report.def.responseRate', 'report.def.responseRateText'],
  ['report.def.practice', 'report.def.practiceText'],
  ['report.def.wayToTarget', 'report.def.wayToTargetText'],
  ['report.def.improved', 'report.def.improvedText'],
  ['report.def.outcomeFigures', 'report.def.outcomeFiguresText'],
  ['report.def.charter', 'report.def.charterText'],
  ['report.def.milestones', 'report.def.milestonesText'],
  ['report.def.alertAction', 'report.def.alertActionText'],
  ['report.def.budget', 'report.def.budgetText'],
  ['report.def.suppressed', 'report.def.suppressedText'],
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
.bar rect{fill:var(--blue)}
.chart .tick.onbar{fill:#fff;font-weight:600}
.chart-defs{position:absolute}
td.label,th.label{text-align:left}
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

/**
 * The report's content without the document around it (no style sheet, no inline styles or scripts): the HTML file
 * wraps it, and the web console shows it inside its own page under its Content-Security-Policy.
 */
export function renderHtmlBody(report: OutcomeReport, w: ReportWords = reportWords(DEFAULT_LOCALE)): string {
  const p = report.program;
  const title = p.title ?? p.name;
  return `${CHART_DEFS}
<header class="top">
  <h1>${esc(title)}</h1>
  <div class="meta">${w.html('report.meta', { version: p.version, weeks: p.lengthWeeks, days: p.checkpointDays.map((d) => w.int(d)).join(', '), generated: w.instant(report.generatedAt) }, { program: `<strong>${esc(p.name)}</strong>` })}</div>
  <div class="badge">${w.html('report.privacyBadge', { min: report.privacy.minGroupSize })}</div>
</header>
${summaryTiles(w, report)}
${verdictBanner(report.evidence, w)}
${funnelSection(w, report)}
${responsesSection(w, report)}
${outcomesSection(w, report)}
${comparisonSection(w, report)}
${mentoringSection(w, report)}
${budgetSection(w, report)}
${roiSection(w, report.roi)}
${evidenceSection(report.evidence, 8, w)}
${balanceSection(report.balance, 9, w)}
${timelineSection(report.timeline, 10, w)}
<section id="definitions">
  <h2>${w.html('report.def.heading')}</h2>
  <dl class="defs">${DEFINITIONS.map(([term, text]) => `<dt>${w.html(term)}</dt><dd>${w.html(text)}</dd>`).join('')}</dl>
</section>
<footer>${w.html('report.footer')} · ${esc(report.schema)} · ${esc(report.privacy.rule)}</footer>
`;
}

/** The whole report as one HTML file that opens offline and prints, in the words and formats of `w`. */
export function renderHtml(report: OutcomeReport, w: ReportWords = reportWords(DEFAULT_LOCALE)): string {
  const p = report.program;
  const title = p.title ?? p.name;
  return reportDocument(w, `${esc(title)} — ${w.html('report.title')}`, CSS, renderHtmlBody(report, w));
}

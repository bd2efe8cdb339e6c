/**
 * Small inline SVG charts for the HTML report: no scripts, no external files, readable in print.
 * Every chart carries a <title> for screen readers and says "suppressed (n<5)" where a value is hidden.
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const COLORS = {
  coached: '#2563eb',
  control: '#f59e0b',
  good: '#16a34a',
  warn: '#d97706',
  bad: '#dc2626',
  muted: '#94a3b8',
  grid: '#e2e8f0',
  ink: '#0f172a',
  soft: '#64748b',
} as const;

/** The few words a chart writes itself, in the report's language. */
export interface ChartWords {
  /** Where a value is hidden: "suppressed (n<5)". */
  suppressed: string;
  /** The short mark on a hidden point: "n<5". */
  smallGroup: string;
  noAnswers: string;
  nothingDue: string;
  /** Labels joined as alternatives: "late or not confirmed". */
  either(labels: readonly string[]): string;
}

export const ENGLISH_CHART_WORDS: ChartWords = {
  suppressed: 'suppressed (n<5)',
  smallGroup: 'n<5',
  noAnswers: 'No answers yet',
  nothingDue: 'nothing due yet',
  either: (labels) => labels.join(' or '),
};
const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

function svgOpen(width: number, height: number, title: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}" preserveAspectRatio="xMinYMin meet"><title>${escapeHtml(title)}</title>`;
}

/** Shared definitions (the hatch of suppressed bars): the page includes them once, before the charts. */
export const CHART_DEFS = `<svg width="0" height="0" aria-hidden="true" class="chart-defs"><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f1f5f9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#cbd5e1" stroke-width="3"/></pattern></defs></svg>`;

export interface HBar {
  label: string;
  /** Length of the bar against `max`; null when suppressed or without data. */
  value: number | null;
  suppressed: boolean;
  /** Text at the end of the bar. */
  text: string;
  color?: string;
}

/** Horizontal bars, e.g. the participation funnel. */
export function horizontalBars(
  bars: readonly HBar[],
  options: { title: string; max: number; width?: number; labelWidth?: number; words?: ChartWords },
): string {
  const words = options.words ?? ENGLISH_CHART_WORDS;
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 150;
  const rowHeight = 34;
  const barArea = width - labelWidth - 120;
  const height = bars.length * rowHeight + 8;
  const parts = [svgOpen(width, height, options.title)];
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    parts.push(
      `<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end" class="lbl">${escapeHtml(bar.label)}</text>`,
    );
    parts.push(`<rect x="${labelWidth}" y="${y + 4}" width="${barArea}" height="22" rx="4" fill="#f8fafc"/>`);
    if (bar.suppressed) {
      parts.push(
        `<rect x="${labelWidth}" y="${y + 4}" width="${Math.max(barArea * 0.12, 40)}" height="22" rx="4" fill="url(#hatch)"/>`,
      );
      parts.push(
        `<text x="${labelWidth + Math.max(barArea * 0.12, 40) + 8}" y="${y + 19}" class="val muted">${escapeHtml(words.suppressed)}</text>`,
      );
      return;
    }
    const length =
      options.max > 0 && bar.value !== null ? Math.max(0, (bar.value / options.max) * barArea) : 0;
    if (length > 0)
      parts.push(
        `<rect x="${labelWidth}" y="${y + 4}" width="${f1(length)}" height="22" rx="4" fill="${bar.color ?? COLORS.coached}"/>`,
      );
    parts.push(
      `<text x="${labelWidth + length + 8}" y="${y + 19}" class="val">${escapeHtml(bar.text)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface SeriesPoint {
  value: number | null;
  suppressed: boolean;
}

export interface Series {
  name: string;
  color: string;
  dashed?: boolean;
  points: readonly SeriesPoint[];
}

interface Scale {
  lo: number;
  hi: number;
  y: (v: number) => number;
  ticks: number[];
}

function niceScale(
  values: readonly number[],
  floor: number,
  ceiling: number,
  top: number,
  bottom: number,
  step: number,
): Scale {
  const lo = Math.min(floor, ...values.map((v) => Math.floor(v / step) * step));
  const hi = Math.max(ceiling, ...values.map((v) => Math.ceil(v / step) * step));
  const ticks: number[] = [];
  const tickStep = (hi - lo) / step > 6 ? step * Math.ceil((hi - lo) / step / 6) : step;
  for (let t = lo; t <= hi + 1e-9; t += tickStep) ticks.push(Math.round(t * 100) / 100);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo || 1)) * (bottom - top);
  return { lo, hi, y, ticks };
}

function axes(scale: Scale, left: number, right: number, format: (v: number) => string): string {
  return scale.ticks
    .map((t) => {
      const y = f1(scale.y(t));
      return `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="${t === 0 ? '#94a3b8' : COLORS.grid}"/><text x="${left - 8}" y="${Number(y) + 4}" text-anchor="end" class="tick">${escapeHtml(format(t))}</text>`;
    })
    .join('');
}

function legend(series: readonly Series[], x: number, y: number): string {
  return series
    .map((s, i) => {
      const lx = x + i * 150;
      return `<line x1="${lx}" x2="${lx + 22}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/><text x="${lx + 28}" y="${y + 4}" class="tick">${escapeHtml(s.name)}</text>`;
    })
    .join('');
}

/** Lines across categories (e.g. baseline, day 30, 60, 90), with an optional reference line (the target). */
export function lineChart(
  categories: readonly string[],
  series: readonly Series[],
  options: {
    title: string;
    width?: number;
    height?: number;
    reference?: { value: number; label: string };
    format: (v: number) => string;
    step: number;
    floor?: number;
    ceiling?: number;
    words?: ChartWords;
  },
): string {
  const words = options.words ?? ENGLISH_CHART_WORDS;
  const width = options.width ?? 520;
  const height = options.height ?? 260;
  const left = 56;
  const right = width - 20;
  const top = 34;
  const bottom = height - 34;
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  const scale = niceScale(
    values,
    options.floor ?? 0,
    options.ceiling ?? options.reference?.value ?? 0,
    top,
    bottom,
    options.step,
  );
  const x = (i: number) => left + 20 + (i * (right - left - 40)) / Math.max(1, categories.length - 1);
  const parts = [svgOpen(width, height, options.title), axes(scale, left, right, options.format)];
  if (options.reference) {
    const y = f1(scale.y(options.reference.value));
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="${COLORS.good}" stroke-dasharray="2 4" stroke-width="2"/>`,
    );
    parts.push(
      `<text x="${right}" y="${Number(y) - 6}" text-anchor="end" class="tick" fill="${COLORS.good}">${escapeHtml(options.reference.label)}</text>`,
    );
  }
  categories.forEach((c, i) => {
    parts.push(
      `<text x="${f1(x(i))}" y="${bottom + 20}" text-anchor="middle" class="tick">${escapeHtml(c)}</text>`,
    );
  });
  for (const s of series) {
    // Lines join neighbouring shown points only; a suppressed point leaves a gap and says why.
    let path = '';
    s.points.forEach((p, i) => {
      const prev = s.points[i - 1];
      if (p.value === null) return;
      path += `${prev && prev.value !== null ? 'L' : 'M'}${f1(x(i))} ${f1(scale.y(p.value))} `;
    });
    if (path)
      parts.push(
        `<path d="${path.trim()}" fill="none" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`,
      );
    s.points.forEach((p, i) => {
      if (p.value !== null) {
        parts.push(
          `<circle cx="${f1(x(i))}" cy="${f1(scale.y(p.value))}" r="5" fill="#fff" stroke="${s.color}" stroke-width="3"/>`,
        );
        parts.push(
          `<text x="${f1(x(i))}" y="${f1(scale.y(p.value) - 11)}" text-anchor="middle" class="pt" fill="${s.color}">${escapeHtml(options.format(p.value))}</text>`,
        );
      } else if (p.suppressed) {
        parts.push(
          `<text x="${f1(x(i))}" y="${f1(scale.y(scale.lo) - 8)}" text-anchor="middle" class="tick muted">${escapeHtml(words.smallGroup)}</text>`,
        );
      }
    });
  }
  if (values.length === 0)
    parts.push(
      `<text x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle" class="lbl muted">${escapeHtml(words.noAnswers)}</text>`,
    );
  if (series.length > 1) parts.push(legend(series, left, 14));
  parts.push('</svg>');
  return parts.join('');
}

/** Bars grouped by category, one per series (e.g. coached and control at each checkpoint). */
export function groupedBars(
  categories: readonly string[],
  series: readonly Series[],
  options: {
    title: string;
    width?: number;
    height?: number;
    format: (v: number) => string;
    step: number;
    floor?: number;
    ceiling?: number;
    words?: ChartWords;
  },
): string {
  const words = options.words ?? ENGLISH_CHART_WORDS;
  const width = options.width ?? 520;
  const height = options.height ?? 260;
  const left = 56;
  const right = width - 20;
  const top = 34;
  const bottom = height - 34;
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  const scale = niceScale(values, options.floor ?? 0, options.ceiling ?? 0, top, bottom, options.step);
  const groupWidth = (right - left) / Math.max(1, categories.length);
  const barWidth = Math.min(54, (groupWidth - 24) / Math.max(1, series.length));
  const zero = scale.y(Math.max(scale.lo, Math.min(0, scale.hi)));
  const parts = [svgOpen(width, height, options.title), axes(scale, left, right, options.format)];
  categories.forEach((c, ci) => {
    const groupLeft = left + ci * groupWidth + (groupWidth - barWidth * series.length) / 2;
    parts.push(
      `<text x="${f1(left + ci * groupWidth + groupWidth / 2)}" y="${bottom + 20}" text-anchor="middle" class="tick">${escapeHtml(c)}</text>`,
    );
    series.forEach((s, si) => {
      const p = s.points[ci];
      const bx = groupLeft + si * barWidth;
      if (!p || p.value === null) {
        if (p?.suppressed) {
          parts.push(
            `<rect x="${f1(bx + 3)}" y="${f1(zero - 26)}" width="${f1(barWidth - 6)}" height="26" fill="url(#hatch)"/>`,
          );
          parts.push(
            `<text x="${f1(bx + barWidth / 2)}" y="${f1(zero - 32)}" text-anchor="middle" class="tick muted">${escapeHtml(words.smallGroup)}</text>`,
          );
        }
        return;
      }
      const y = scale.y(p.value);
      const barTop = Math.min(y, zero);
      parts.push(
        `<rect x="${f1(bx + 3)}" y="${f1(barTop)}" width="${f1(barWidth - 6)}" height="${f1(Math.max(1, Math.abs(zero - y)))}" rx="3" fill="${s.color}"/>`,
      );
      const labelY = p.value >= 0 ? y - 6 : y + 14;
      parts.push(
        `<text x="${f1(bx + barWidth / 2)}" y="${f1(labelY)}" text-anchor="middle" class="pt">${escapeHtml(options.format(p.value))}</text>`,
      );
    });
  });
  if (values.length === 0)
    parts.push(
      `<text x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle" class="lbl muted">${escapeHtml(words.noAnswers)}</text>`,
    );
  if (series.length > 1) parts.push(legendBoxes(series, left, 14));
  parts.push('</svg>');
  return parts.join('');
}

function legendBoxes(series: readonly Series[], x: number, y: number): string {
  return series
    .map((s, i) => {
      const lx = x + i * 150;
      return `<rect x="${lx}" y="${y - 7}" width="14" height="14" rx="3" fill="${s.color}"/><text x="${lx + 20}" y="${y + 4}" class="tick">${escapeHtml(s.name)}</text>`;
    })
    .join('');
}

export interface StackPart {
  label: string;
  /** null when the part is suppressed. */
  value: number | null;
  color: string;
}

/**
 * One bar split into parts of a known total (e.g. milestones due: on time, late, not confirmed). Parts that are
 * shown are drawn to scale; whatever is suppressed is drawn as one hatched remainder, so nothing can be measured off it.
 */
export function stackedBar(
  parts: readonly StackPart[],
  options: { title: string; total: number | null; width?: number; words?: ChartWords },
): string {
  const words = options.words ?? ENGLISH_CHART_WORDS;
  const width = options.width ?? 1000;
  const height = 62;
  const out = [svgOpen(width, height, options.title)];
  const total = options.total;
  if (total === null || total === 0) {
    out.push(
      `<rect x="0" y="4" width="${width}" height="24" rx="4" fill="${total === 0 ? '#f1f5f9' : 'url(#hatch)'}"/>`,
    );
    out.push(
      `<text x="10" y="21" class="tick muted">${escapeHtml(total === 0 ? words.nothingDue : words.suppressed)}</text>`,
    );
  } else {
    let x = 0;
    for (const p of parts) {
      if (p.value === null || p.value === 0) continue;
      const w = (p.value / total) * width;
      out.push(`<rect x="${f1(x)}" y="4" width="${f1(w)}" height="24" fill="${p.color}"/>`);
      if (w > 44)
        out.push(
          `<text x="${f1(x + 8)}" y="21" class="tick onbar" fill="#fff" font-weight="600">${p.value}</text>`,
        );
      x += w;
    }
    const hidden = parts.filter((p) => p.value === null);
    if (hidden.length > 0 && x < width - 0.5) {
      out.push(`<rect x="${f1(x)}" y="4" width="${f1(width - x)}" height="24" fill="url(#hatch)"/>`);
      out.push(
        `<text x="${f1(x + 10)}" y="21" class="tick muted">${escapeHtml(`${words.either(hidden.map((p) => p.label))}: ${words.suppressed}`)}</text>`,
      );
    }
  }
  let lx = 0;
  for (const p of parts) {
    out.push(
      `<rect x="${lx}" y="42" width="12" height="12" rx="2" fill="${p.color}"/><text x="${lx + 17}" y="52" class="tick">${escapeHtml(p.label)}</text>`,
    );
    lx += 36 + p.label.length * 6.5;
  }
  out.push('</svg>');
  return out.join('');
}

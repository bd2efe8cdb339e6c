import { html } from 'hono/html';
import type { PairsSummary } from '../../app/console-privacy.js';
import type { Figure } from '../../app/reports/figures.js';
import { MIN_GROUP } from '../../app/reports/figures.js';
import type { Html } from './pages.js';

const shown = (f: Figure) =>
  f.suppressed
    ? html`<span class="sup" title="fewer than ${MIN_GROUP} people">suppressed (n&lt;${MIN_GROUP})</span>`
    : String(f.value ?? '–');

/** Pairs in aggregate, for programs whose people the viewer may not see one by one. */
export function pairsSummariesHtml(summaries: readonly PairsSummary[]): Html | string {
  if (summaries.length === 0) return '';
  return html`<h2>Programs in aggregate</h2>
<p>Program admins see these programs’ pairs as counts; a count of fewer than ${MIN_GROUP} people is suppressed. A program can let its admins see pairs by name with <code>console: { adminsSeeIndividuals: true }</code> in its file; curators always do.</p>
${summaries.map(
  (s) => html`<section class="card" aria-labelledby="summary-${s.program}">
<h3 id="summary-${s.program}">${s.program}: ${shown(s.pairs)} active pairs</h3>
<table>
<caption class="skip">Pairs of ${s.program} in aggregate</caption>
<thead><tr><th scope="col">Pairs</th><th scope="col">How many</th></tr></thead>
<tbody>${s.rows.map((r) => html`<tr><td data-label="Pairs">${r.label}</td><td data-label="How many">${shown(r.value)}</td></tr>`)}</tbody>
</table>
</section>`,
)}`;
}

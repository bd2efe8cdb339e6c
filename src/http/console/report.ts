import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import type { ConsoleAccess } from '../../app/console-access.js';
import type { ConsoleReports, ReportProgram } from '../../app/console-reports.js';
import { CSV_LAYOUTS } from '../../app/reports/csv.js';
import { REPORT_FORMATS } from '../../app/reports/export.js';
import { CSS } from '../../app/reports/html.js';
import { PILOT_CSS } from '../../app/reports/pilot-html.js';
import type { ConsoleEnv } from './index.js';
import { type Html, messagePage, type PageFrame, page } from './pages.js';

/**
 * Prefixes every rule of a style sheet with `scope` (and turns `:root`, `html` and `body` into it), so the report's
 * own styles apply inside the console page and nowhere else. At-rules other than @media (e.g. @page) are dropped.
 */
export function scopeCss(css: string, scope: string): string {
  let out = '';
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) break;
    const head = css.slice(at, open).trim();
    if (head.startsWith('@media')) {
      let depth = 1;
      let end = open + 1;
      for (; end < css.length && depth > 0; end += 1) {
        if (css[end] === '{') depth += 1;
        else if (css[end] === '}') depth -= 1;
      }
      out += `${head}{${scopeCss(css.slice(open + 1, end - 1), scope)}}\n`;
      at = end;
      continue;
    }
    const close = css.indexOf('}', open);
    const body = css.slice(open + 1, close);
    at = close + 1;
    if (head.startsWith('@')) continue;
    const selectors = head
      .split(',')
      .map((s) => s.trim())
      .map((s) => (/^(:root|html|body)$/.test(s) ? scope : `${scope} ${s}`));
    out += `${selectors.join(',')}{${body}}\n`;
  }
  return out;
}

/** The report's style sheet for the console (served from /console/report.css: the CSP allows no inline styles). */
export const REPORT_CSS = `${scopeCss(CSS + PILOT_CSS, '.report')}
.report{padding:1rem;border-radius:8px;margin-top:1rem}
.report header.top{display:block}
.report table{display:table}.report thead{display:table-header-group;position:static}.report tbody{display:table-row-group}
.report tr{display:table-row;padding:0}.report th,.report td{display:table-cell}
.report .scroll{overflow-x:auto}
`;

const DOWNLOADS = [
  { format: 'html', layout: '', label: 'HTML report', individuals: false },
  { format: 'csv', layout: 'figures', label: 'CSV, every figure', individuals: false },
  {
    format: 'csv',
    layout: 'rows',
    label: 'CSV, one pseudonymous row per leader and checkpoint',
    individuals: true,
  },
  { format: 'json', layout: '', label: 'JSON', individuals: false },
] as const;

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

const downloadForm = z.object({
  format: z.enum(REPORT_FORMATS),
  layout: z.enum(CSV_LAYOUTS).default('figures'),
});

/** The Report page (admins): each program's outcome report live in the page, and its downloads, each audited. */
export function reportRoutes(
  access: ConsoleAccess,
  reports: ConsoleReports,
  frameOf: (c: Context<ConsoleEnv>, title: string) => PageFrame,
): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get('/', async (c) =>
    c.html(reportListPage(frameOf(c, 'Report'), await reports.programs(c.get('identity')))),
  );

  routes.get('/:program', async (c) => {
    const live = await reports.live(c.get('identity'), c.req.param('program'));
    const frame = frameOf(c, `Report: ${live.program.settings.title ?? live.program.name}`);
    return c.html(
      page(
        { ...frame, styles: ['/console/report.css'] },
        html`<p>The outcome report as of now, with the same figures and the same suppression of small groups as <code>coachloop report</code>. Opening it is written to the audit log, and so is each download.</p>
${downloads(frame.signedIn?.csrf ?? '', { name: live.program.name, individuals: live.individuals })}
<div class="report">${raw(live.body)}</div>`,
      ),
    );
  });

  routes.post('/:program', async (c) => {
    const form = downloadForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.html(messagePage('Not found', 'There is no such download.'), 404);
    const { format, layout } = form.data;
    const rendered = await access.reportDownload(c.get('identity'), c.req.param('program'), format, layout);
    const name = `${rendered.program.name}${format === 'csv' ? `-${layout}` : ''}.${format}`;
    c.header('content-type', CONTENT_TYPES[format]);
    c.header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
    return c.body(rendered.content);
  });

  return routes;
}

function downloads(csrf: string, program: { name: string; individuals: boolean }): Html {
  return html`<div class="actions">${DOWNLOADS.filter((d) => program.individuals || !d.individuals).map(
    (d) => html`<form method="post" action="/console/report/${program.name}">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="format" value="${d.format}">${d.layout ? html`<input type="hidden" name="layout" value="${d.layout}">` : ''}
<button type="submit" class="secondary">Download ${d.label}</button></form>`,
  )}</div>`;
}

function reportListPage(frame: PageFrame, programs: ReportProgram[]): Html {
  const csrf = frame.signedIn?.csrf ?? '';
  return page(
    frame,
    html`<p>Each program’s outcome report as of now, with the same figures and the same suppression of small groups as <code>coachloop report</code>. Opening a report and each download are written to the audit log.</p>
${programs.length === 0 ? html`<p>There are no programs yet.</p>` : ''}
${programs.map(
  (program) => html`<section class="card" aria-labelledby="program-${program.name}">
<h2 id="program-${program.name}">${program.name}</h2>
${program.title ? html`<p>${program.title}</p>` : ''}
<p><a class="button" href="/console/report/${program.name}">Open the ${program.name} report</a></p>
${downloads(csrf, program)}
${program.individuals ? '' : html`<p><small>The pseudonymous row export is individual data: this program does not grant it to admins (<code>console: { adminsSeeIndividuals: true }</code>).</small></p>`}
</section>`,
)}`,
  );
}

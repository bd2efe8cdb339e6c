import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ConsoleRoles } from '../../app/console-access.js';
import type { PairOverview } from '../../app/mentoring.js';
import { english, type Words } from '../../core/catalog/index.js';
import type { FormField } from '../../core/forms.js';
import { CURATOR_ACTIONS, CURATOR_FORMS, type CuratorAction } from '../../core/mentoring.js';
import type { Participant } from '../../core/participant.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The console's one style sheet, served from /console/console.css (the CSP allows no inline styles). */
export const CONSOLE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5cad; --bad: #a4161a; --ok: #1e6b33; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
header .brand { font-weight: 700; }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
button, .button { font: inherit; padding: .5rem 1rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
label { display: block; font-weight: 600; margin-top: .5rem; }
input, select, textarea { font: inherit; width: 100%; max-width: 30rem; padding: .4rem; border: 1px solid var(--muted); border-radius: 4px; }
.error { color: var(--bad); font-weight: 600; }
.status { border-left: 4px solid var(--ok); padding: .5rem 1rem; background: #eef7f0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.low { color: var(--bad); font-weight: 700; }
.sup { font-style: italic; color: var(--muted); }
.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.actions form { border-top: 1px solid var(--line); padding-top: .5rem; }
table { border-collapse: collapse; width: 100%; }
ul.pager { display: flex; gap: 1rem; list-style: none; padding: 0; }
pre.code, textarea.code { font: 14px/1.4 ui-monospace, Menlo, Consolas, monospace; }
pre.code { overflow: auto; max-height: 30rem; padding: .5rem; border: 1px solid var(--line); background: #f6f6f6; }
textarea.code { max-width: 100%; }
.progress { color: var(--muted); }
.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
th, td { text-align: left; padding: .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
@media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { position: absolute; left: -999px; } td { border: none; } td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; } tr { border-bottom: 1px solid var(--line); padding: .5rem 0; } }
`;

export interface PageFrame {
  title: string;
  /** Style sheets of the page besides the console's own (same origin: the CSP allows no other). */
  styles?: string[];
  /** Set once someone is signed in: their name, roles and the session's form token. */
  signedIn?: { name: string; roles: ConsoleRoles; csrf: string };
}

export function page(frame: PageFrame, body: Html): Html {
  const s = frame.signedIn;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · coachloop console</title>
<link rel="stylesheet" href="/console/console.css">
${(frame.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<span class="brand">coachloop console</span>
${
  s
    ? html`<nav aria-label="Console"><ul><li><a href="/console/pairs">Pairs and alerts</a></li>${s.roles.admin ? html`<li><a href="/console/programs">Programs</a></li><li><a href="/console/roster">Roster</a></li><li><a href="/console/report">Report</a></li><li><a href="/console/privacy">Privacy</a></li>` : ''}</ul></nav>
<form method="post" action="/console/sign-out"><input type="hidden" name="_csrf" value="${s.csrf}">
<span>${s.name} (${[s.roles.admin ? 'admin' : '', s.roles.curator ? 'curator' : ''].filter(Boolean).join(', ')})</span>
<button type="submit" class="secondary">Sign out</button></form>`
    : ''
}
</header>
<main id="main" tabindex="-1">
<h1>${frame.title}</h1>
${body}
</main>
</body>
</html>`;
}

export function signInPage(providers: { id: string; label: string }[], note?: string): Html {
  return page(
    { title: 'Sign in' },
    html`${note ? html`<p class="error" role="alert">${note}</p>` : ''}
<p>Program admins and curators sign in with the account they already use for chat.</p>
<ul>${providers.map((p) => html`<li><a class="button" href="/console/sign-in/${p.id}">${p.label}</a></li>`)}</ul>`,
  );
}

export function messagePage(title: string, text: string, frame: Partial<PageFrame> = {}): Html {
  return page({ ...frame, title }, html`<p>${text}</p><p><a href="/console">Back to the console</a></p>`);
}

export const forbiddenPage = (frame: Partial<PageFrame> = {}) =>
  messagePage(
    'Not available to you',
    'This part of the coachloop console is for program admins and curators. If you need access, ask your program admin to add you to ADMINS or CURATORS, or to give you the admin or curator role on the roster.',
    frame,
  );

const nameOf = (p: Participant) => p.displayName ?? p.email ?? p.userId;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const say = (words: Words) => english.text(words);

function fieldHtml(
  field: FormField,
  idPrefix: string,
  value: string | undefined,
  error?: Words,
  people: Participant[] = [],
): Html {
  const id = `${idPrefix}-${field.id}`;
  const describedBy = error ? `${id}-error` : undefined;
  const label = english(field.label);
  const common = html`id="${id}" name="${field.id}" ${field.optional ? '' : html`required`} ${error ? html`aria-invalid="true" aria-describedby="${describedBy}"` : ''}`;
  let control: Html;
  if (field.type === 'select' || field.type === 'person') {
    const options =
      field.type === 'person'
        ? people.map((p) => ({ value: p.userId, label: nameOf(p) }))
        : (field.options ?? []).map((o) => ({ value: o.value, label: say(o.label) }));
    control = html`<select ${common}><option value="">Choose…</option>${options.map(
      (o) => html`<option value="${o.value}" ${o.value === value ? html`selected` : ''}>${o.label}</option>`,
    )}</select>`;
  } else if (field.type === 'multiline') {
    control = html`<textarea ${common} rows="3" ${field.maxLength ? html`maxlength="${field.maxLength}"` : ''}>${value ?? ''}</textarea>`;
  } else {
    control = html`<input ${common} type="${field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}" value="${value ?? ''}" ${field.maxLength ? html`maxlength="${field.maxLength}"` : ''}>`;
  }
  return html`<label for="${id}">${label}</label>${control}${error ? html`<p class="error" id="${describedBy}">${say(error)}</p>` : ''}`;
}

export interface AlertFormState {
  alertId: string;
  action: CuratorAction;
  values: Record<string, string | undefined>;
  errors: Record<string, Words>;
}

/** Pairs and alerts: every active pair, and the open alerts with the curators' four decisions. */
export function pairsPage(
  frame: PageFrame,
  pairs: PairOverview[],
  options: {
    canDecide: boolean;
    status?: string;
    failed?: AlertFormState;
    people: Participant[];
    /** Programs shown in aggregate only (the viewer may not see their people one by one). */
    summaries?: Html | string;
  },
): Html {
  const csrf = frame.signedIn?.csrf ?? '';
  const alerts = pairs.filter((p) => p.alert);
  return page(
    frame,
    html`${options.status ? html`<p class="status" role="status">${options.status}</p>` : ''}
<h2>Open alerts (${alerts.length})</h2>
${alerts.length === 0 ? html`<p>No open alerts.</p>` : ''}
${alerts.map((p) => {
  const alert = p.alert!;
  return html`<section class="card" aria-labelledby="alert-${alert.id}">
<h3 id="alert-${alert.id}">${nameOf(p.mentor)} and ${nameOf(p.mentee)}: score <span class="low">${alert.score}</span> (threshold ${p.threshold})</h3>
<p>Raised ${date(alert.createdAt)} · program ${p.program}</p>
<ul>${alert.reasons.map((r) => html`<li>${r.text} (−${r.points})</li>`)}</ul>
${
  options.canDecide
    ? html`<div class="actions">${CURATOR_ACTIONS.map((action) => {
        const form = CURATOR_FORMS[action];
        const failed =
          options.failed?.alertId === alert.id && options.failed.action === action
            ? options.failed
            : undefined;
        const prefix = `${alert.id}-${action}`;
        return html`<form method="post" action="/console/alerts/${alert.id}/${action}" aria-labelledby="${prefix}-title">
<input type="hidden" name="_csrf" value="${csrf}">
<h4 id="${prefix}-title">${english(form.title)}</h4>
${form.fields.map((f) => fieldHtml(f, prefix, failed?.values[f.id], failed?.errors[f.id], options.people))}
<p><button type="submit">${english(form.submitLabel)}</button></p>
</form>`;
      })}</div>`
    : html`<p>Only curators decide on alerts.</p>`
}
</section>`;
})}
${options.summaries ?? ''}
<h2>Pairs (${pairs.length})</h2>
<table>
<caption class="skip">Every active pair</caption>
<thead><tr><th scope="col">Mentor and mentee</th><th scope="col">Charter</th><th scope="col">Score and reasons</th><th scope="col">Check-ins</th><th scope="col">Milestones</th></tr></thead>
<tbody>${pairs.map(
      (p) => html`<tr>
<td data-label="Pair">${nameOf(p.mentor)} → ${nameOf(p.mentee)}<br><small>since ${date(p.pair.createdAt)} · ${p.program}</small></td>
<td data-label="Charter">${p.charter ?? 'not sent yet'}</td>
<td data-label="Score"><span class="${p.score.low ? 'low' : ''}">${p.score.score}</span>${p.score.reasons.length ? html`<ul>${p.score.reasons.map((r) => html`<li>${r.text} (−${r.points})</li>`)}</ul>` : ''}</td>
<td data-label="Check-ins">${p.checkins.met} met of ${p.checkins.asked} asked</td>
<td data-label="Milestones">${p.milestones.length ? html`<ul>${p.milestones.map((m) => html`<li>${m.description}: due ${m.dueDate}, ${m.status.replace('_', ' ')}</li>`)}</ul>` : 'none yet'}</td>
</tr>`,
    )}</tbody>
</table>`,
  );
}

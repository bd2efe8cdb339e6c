import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AuditFilter, ConsolePrivacy, ErasureCandidate } from '../../app/console-privacy.js';
import type { AuditPage } from '../../store/types.js';
import type { ConsoleEnv } from './index.js';
import { type Html, type PageFrame, page } from './pages.js';

const DAY_MS = 86_400_000;

/** The filters as typed in the form (what the page shows back). */
interface AuditForm {
  action: string;
  actor: string;
  from: string;
  to: string;
}

const auditQuery = z.object({
  action: z.string().trim().max(100).catch(''),
  actor: z.string().trim().max(200).catch(''),
  from: z.string().trim().max(10).catch(''),
  to: z.string().trim().max(10).catch(''),
  before: z.coerce.number().int().positive().optional().catch(undefined),
  after: z.coerce.number().int().positive().optional().catch(undefined),
});

const dayStart = (text: string): number | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const at = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(at) ? null : at;
};

const emailForm = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
});
const confirmForm = emailForm.extend({
  ids: z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.split(',').filter(Boolean)),
  confirm: z.literal('yes'),
});

/** What an erasure removes and what it keeps, as `coachloop forget` does (src/store/*\/privacy.ts). */
const ERASED = [
  'name, email, time zone, language, working days, quiet hours and roster attributes; the chat user id is replaced',
  'free-text notes: experiment behavior, hypothesis and KPI name, checkpoint notes, pair check-in and voice notes',
  'the person’s "not with" list and their place on anyone else’s; matching proposals that name them',
  'scheduled messages and jobs (cancelled), the text of messages sent to them, where they were delivered',
  'their active mentor pairs are closed',
];
const KEPT =
  'Numbers stay, on an anonymous record, so the report’s totals still add up; the audit log keeps that an erasure happened.';

/** The Privacy page (admins): the audit log filtered and paged in the store, and erasure by email with a confirmation step. */
export function privacyRoutes(
  privacy: ConsolePrivacy,
  frameOf: (c: Context<ConsoleEnv>, title: string) => PageFrame,
): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  const render = async (
    c: Context<ConsoleEnv>,
    extra: { status?: string; emailError?: string; email?: string } = {},
  ) => {
    const q = auditQuery.parse(c.req.query());
    const form: AuditForm = { action: q.action, actor: q.actor, from: q.from, to: q.to };
    const filter: AuditFilter = {};
    const notes: string[] = [];
    if (q.action) filter.action = q.action;
    if (q.actor) filter.actor = q.actor;
    if (q.from) {
      const at = dayStart(q.from);
      if (at === null) notes.push('The first day must look like 2026-03-01.');
      else filter.from = at;
    }
    if (q.to) {
      const at = dayStart(q.to);
      if (at === null) notes.push('The last day must look like 2026-03-31.');
      else filter.until = at + DAY_MS;
    }
    if (q.before) filter.beforeId = q.before;
    else if (q.after) filter.afterId = q.after;
    const log = await privacy.auditLog(c.get('identity'), filter);
    return privacyPage(frameOf(c, 'Privacy'), log, form, notes, extra);
  };

  routes.get('/', async (c) => c.html(await render(c)));

  routes.post('/erase', async (c) => {
    const form = emailForm.safeParse(await c.req.parseBody());
    if (!form.success) {
      // Keep the role check first: the page itself asks for an admin.
      return c.html(await render(c, { emailError: 'Enter the person’s email address.' }), 422);
    }
    const candidates = await privacy.erasurePreview(c.get('identity'), form.data.email);
    if (candidates.length === 0)
      return c.html(
        await render(c, {
          email: form.data.email,
          emailError: 'No one with this email is known to coachloop; nothing was erased.',
        }),
        404,
      );
    return c.html(confirmPage(frameOf(c, 'Confirm the erasure'), form.data.email, candidates));
  });

  routes.post('/erase/confirm', async (c) => {
    const form = confirmForm.safeParse(await c.req.parseBody());
    if (!form.success)
      return c.html(
        await render(c, {
          emailError: 'An erasure needs its confirmation step: enter the email and confirm who is erased.',
        }),
        400,
      );
    const erased = await privacy.erase(c.get('identity'), form.data.email, form.data.ids);
    const status = erased.length
      ? `Erased ${erased.length === 1 ? 'one person' : `${erased.length} people`}: ${erased
          .map(
            (e) =>
              `${e.person.id} (${e.pairsClosed} pairs closed, ${e.experiments} experiments, ${e.messagesCleared} messages cleared)`,
          )
          .join('; ')}. The audit log records it.`
      : 'Nothing was erased: no one confirmed still has this email.';
    return c.html(await render(c, { status }));
  });

  return routes;
}

const time = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 16);

function pageLink(form: AuditForm, cursor: { before: number } | { after: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
  if ('before' in cursor) params.set('before', String(cursor.before));
  else params.set('after', String(cursor.after));
  return `/console/privacy?${params}`;
}

export function privacyPage(
  frame: PageFrame,
  log: AuditPage,
  form: AuditForm,
  notes: string[],
  extra: { status?: string; emailError?: string; email?: string },
): Html {
  const csrf = frame.signedIn?.csrf ?? '';
  const first = log.entries[0];
  const last = log.entries.at(-1);
  return page(
    frame,
    html`${extra.status ? html`<p class="status" role="status">${extra.status}</p>` : ''}
<section class="card" aria-labelledby="erase-title">
<h2 id="erase-title">Erase a person</h2>
<p>Erases a person’s personal data and free text on every platform, the same as <code>coachloop forget</code>. You will see who is erased before anything happens.</p>
<form method="post" action="/console/privacy/erase">
<input type="hidden" name="_csrf" value="${csrf}">
<label for="erase-email">Email</label>
<input id="erase-email" name="email" type="email" required autocomplete="off" value="${extra.email ?? ''}" ${extra.emailError ? html`aria-invalid="true" aria-describedby="erase-email-error"` : ''}>
${extra.emailError ? html`<p class="error" id="erase-email-error" role="alert">${extra.emailError}</p>` : ''}
<p><button type="submit">Show who would be erased</button></p>
</form>
</section>
<h2 id="audit">Audit log</h2>
<form method="get" action="/console/privacy" class="card">
<label for="f-action">Action starts with</label><input id="f-action" name="action" value="${form.action}" placeholder="curator.">
<label for="f-actor">Actor</label><input id="f-actor" name="actor" value="${form.actor}">
<label for="f-from">First day (UTC)</label><input id="f-from" name="from" type="date" value="${form.from}">
<label for="f-to">Last day (UTC)</label><input id="f-to" name="to" type="date" value="${form.to}">
${notes.map((n) => html`<p class="error" role="alert">${n}</p>`)}
<p><button type="submit">Filter</button></p>
</form>
<table>
<caption class="skip">Audit entries, newest first</caption>
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
<tbody>${log.entries.map(
      (e) =>
        html`<tr><td data-label="When">${time(e.at)}</td><td data-label="Actor">${e.actor}</td><td data-label="Action">${e.action}</td><td data-label="Subject">${e.subject}</td><td data-label="Detail"><code>${e.detail ? JSON.stringify(e.detail) : ''}</code></td></tr>`,
    )}</tbody>
</table>
${log.entries.length === 0 ? html`<p>No entries match.</p>` : ''}
<nav aria-label="Audit log pages"><ul class="pager">
${log.newer && first ? html`<li><a href="${pageLink(form, { after: first.id })}">Newer entries</a></li>` : ''}
${log.older && last ? html`<li><a href="${pageLink(form, { before: last.id })}">Older entries</a></li>` : ''}
</ul></nav>`,
  );
}

function confirmPage(frame: PageFrame, email: string, candidates: ErasureCandidate[]): Html {
  const csrf = frame.signedIn?.csrf ?? '';
  return page(
    frame,
    html`<p>Erasing <strong>${email}</strong> reaches ${candidates.length === 1 ? 'this person' : html`these ${candidates.length} people`}:</p>
<table>
<caption class="skip">Who would be erased</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Roles</th><th scope="col">Programs</th><th scope="col">Now</th></tr></thead>
<tbody>${candidates.map(
      (c) => html`<tr>
<td data-label="Person">${c.person.displayName ?? c.person.email ?? c.person.id}<br><small>${c.person.platform} ${c.person.userId} · ${c.person.id}</small></td>
<td data-label="Roles">${c.person.roles.length ? c.person.roles.join(', ') : 'leader'}${c.person.roles.includes('leader') || c.person.roles.length === 0 ? ` (${c.person.arm})` : ''}</td>
<td data-label="Programs">${c.programs.join(', ') || '–'}</td>
<td data-label="Now">consent ${c.person.consent}; ${c.activePairs} active pairs; ${c.hasExperiment ? 'an experiment' : 'no experiment'}</td>
</tr>`,
    )}</tbody>
</table>
<h2>What is deleted</h2>
<ul>${ERASED.map((e) => html`<li>${e}</li>`)}</ul>
<p>${KEPT} This cannot be undone.</p>
<form method="post" action="/console/privacy/erase/confirm" class="card">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="email" value="${email}">
<input type="hidden" name="ids" value="${candidates.map((c) => c.person.id).join(',')}">
<input type="hidden" name="confirm" value="yes">
<p><button type="submit">Erase ${candidates.length === 1 ? 'this person' : `these ${candidates.length} people`}</button> <a href="/console/privacy">Cancel</a></p>
</form>`,
  );
}

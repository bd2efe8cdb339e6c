import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { z } from 'zod';
import {
  type PreviewOutcome,
  type ProgramAdmin,
  type ProgramApplied,
  type ProgramCheck,
  shownSettings,
} from '../../app/program-admin.js';
import { missingTranslations } from '../../core/program.js';
import type { ProgramRecord } from '../../store/types.js';
import type { ConsoleEnv } from './index.js';
import { messagePage, type PageFrame, page } from './pages.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type FrameOf = (c: Context<ConsoleEnv>, title: string) => PageFrame;

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
const programPath = (name: string) => `/console/programs/${encodeURIComponent(name)}`;

/** Problems as `coachloop program validate` lists them, announced to screen readers. */
function problemList(title: string, problems: string[]): Html {
  return html`<section class="card" role="alert" aria-labelledby="problems-title">
<h2 id="problems-title" class="error">${title}</h2>
<ul id="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>
</section>`;
}

const warningList = (warnings: string[]): Html =>
  warnings.length
    ? html`<ul aria-label="Warnings">${warnings.map((w) => html`<li>warning: ${w}</li>`)}</ul>`
    : html``;

/** The form that checks or applies a new version of a program file, pasted or uploaded. */
function fileForm(csrf: string, options: { program?: string; text: string; invalid: boolean }): Html {
  const id = options.program ? 'edit' : 'new';
  return html`<form method="post" action="/console/programs/file" enctype="multipart/form-data" class="card" aria-labelledby="${id}-title">
<h2 id="${id}-title">${options.program ? 'Edit and apply a new version' : 'Check or apply a program file'}</h2>
<p>Paste the file (YAML or JSON) or upload it. <strong>Check</strong> writes nothing; <strong>Apply</strong> checks it
again, then creates or updates the program named in it, as <code>coachloop program apply</code> does: future messages
only, and an entry in the audit log. A file in the server's programs folder is applied again at the next start, so
change it there as well.</p>
<input type="hidden" name="_csrf" value="${csrf}">
${options.program ? html`<input type="hidden" name="program" value="${options.program}">` : ''}
<label for="${id}-text">Program file</label>
<textarea id="${id}-text" name="text" rows="18" spellcheck="false" class="code" ${options.invalid ? html`aria-invalid="true" aria-describedby="problems"` : ''}>${options.text}</textarea>
<label for="${id}-upload">…or upload a file instead (used in place of the text)</label>
<input id="${id}-upload" name="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml">
<p class="buttons"><button type="submit" name="intent" value="check" class="secondary">Check</button>
<button type="submit" name="intent" value="apply">Apply</button></p>
</form>`;
}

function programsListPage(
  frame: PageFrame,
  programs: ProgramRecord[],
  result?: Html,
  text = '',
  invalid = false,
): Html {
  return page(
    frame,
    html`${result ?? ''}
<p>Each program's settings, a preview of one leader's messages, and new versions of its file. The same checks and
audit entries as <code>coachloop program validate</code>, <code>preview</code> and <code>program apply</code>.</p>
${programs.length === 0 ? html`<p>There are no programs yet.</p>` : ''}
<table>
<caption class="skip">Programs</caption>
<thead><tr><th scope="col">Program</th><th scope="col">Version</th><th scope="col">Time zone</th><th scope="col">Last changed (UTC)</th></tr></thead>
<tbody>${programs.map(
      (p) =>
        html`<tr><td data-label="Program"><a href="${programPath(p.name)}">${p.name}</a></td><td data-label="Version">${p.version}</td><td data-label="Time zone">${p.settings.timezone}</td><td data-label="Last changed">${when(p.updatedAt)}</td></tr>`,
    )}</tbody>
</table>
${fileForm(frame.signedIn?.csrf ?? '', { text, invalid })}`,
  );
}

function previewForm(record: ProgramRecord, request: Record<string, string>): Html {
  return html`<form method="get" action="${programPath(record.name)}/preview" class="card" aria-labelledby="preview-title">
<h2 id="preview-title">Preview one leader's messages</h2>
<p>Every message a leader would receive, in order, when they answer nothing: the real scheduler on a simulated
clock, as <code>coachloop preview</code> shows it. Nothing is sent.</p>
<label for="p-tz">The leader's time zone</label><input id="p-tz" name="tz" value="${request.tz ?? ''}" placeholder="${record.settings.timezone}" autocomplete="off">
<label for="p-start">Start date</label><input id="p-start" name="start" type="date" value="${request.start ?? ''}">
<label for="p-days">Days to show</label><input id="p-days" name="days" type="number" min="1" max="366" value="${request.days ?? '91'}">
<label for="p-locale">The leader's language (e.g. de, pt-BR; empty: the program's)</label><input id="p-locale" name="locale" value="${request.locale ?? ''}" autocomplete="off">
<p><button type="submit">Preview</button></p>
</form>`;
}

function previewResult(outcome: PreviewOutcome, programName: string): Html {
  if (!outcome.ok) return problemList('The preview could not run', outcome.problems);
  const r = outcome.request;
  return html`<section aria-labelledby="preview-result">
<h2 id="preview-result">Program ${programName}: a leader in ${r.timezone} starting ${r.startDate}, answering nothing, for ${r.days} days</h2>
<p role="status">${outcome.lines.length} messages</p>
<table>
<caption class="skip">Messages in order</caption>
<thead><tr><th scope="col">Local time</th><th scope="col">UTC</th><th scope="col">Kind</th><th scope="col">Text</th></tr></thead>
<tbody>${outcome.lines.map(
    (l) =>
      html`<tr><td data-label="Local">${l.local}</td><td data-label="UTC">${l.utc}</td><td data-label="Kind">${l.kind}</td><td data-label="Text">${l.text.replace(/\s+/g, ' ')}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function programPage(
  frame: PageFrame,
  record: ProgramRecord,
  options: {
    text: string;
    result?: Html;
    invalid?: boolean;
    preview?: Html;
    previewAsked?: Record<string, string>;
  },
): Html {
  return page(
    frame,
    html`${options.result ?? ''}
<p><a href="/console/programs">All programs</a></p>
<section class="card" aria-labelledby="settings-title">
<h2 id="settings-title">Settings (version ${record.version}, changed ${when(record.updatedAt)} UTC)</h2>
<p>As <code>coachloop program validate</code> shows the file: every setting, with defaults filled in.</p>
${warningList(missingTranslations(record.settings))}
<pre class="code" tabindex="0" aria-label="Settings of ${record.name}">${shownSettings(record.settings)}</pre>
</section>
${previewForm(record, options.previewAsked ?? {})}
${options.preview ?? ''}
${fileForm(frame.signedIn?.csrf ?? '', { program: record.name, text: options.text, invalid: Boolean(options.invalid) })}`,
  );
}

const fileFormSchema = z.object({
  text: z
    .string()
    .max(64 * 1024)
    .default(''),
  file: z.instanceof(File).optional(),
  intent: z.enum(['check', 'apply']).default('check'),
  program: z.string().max(200).optional(),
});

const previewQuery = z.object({
  tz: z.string().trim().max(100).default(''),
  start: z.string().trim().max(20).default(''),
  days: z.string().trim().max(6).default(''),
  locale: z.string().trim().max(20).default(''),
});

/** Programs (admins): the list, each program's settings and preview, and new versions of its file. */
export function registerProgramPages(app: Hono<ConsoleEnv>, admin: ProgramAdmin, frameOf: FrameOf): void {
  const notFound = () => messagePage('Not found', 'There is no such program.');

  app.get('/programs', async (c) =>
    c.html(programsListPage(frameOf(c, 'Programs'), await admin.programs(c.get('identity')))),
  );

  app.get('/programs/:name', async (c) => {
    const found = await admin.program(c.get('identity'), c.req.param('name'));
    if (!found) return c.html(notFound(), 404);
    return c.html(
      programPage(frameOf(c, `Program ${found.record.name}`), found.record, { text: found.yaml }),
    );
  });

  app.get('/programs/:name/preview', async (c) => {
    const identity = c.get('identity');
    const found = await admin.program(identity, c.req.param('name'));
    if (!found) return c.html(notFound(), 404);
    const q = previewQuery.safeParse(c.req.query());
    const asked = q.success ? q.data : { tz: '', start: '', days: '', locale: '' };
    const days = asked.days ? Number(asked.days) : undefined;
    const outcome = await admin.preview(identity, found.record.name, {
      ...(asked.tz ? { timezone: asked.tz } : {}),
      ...(asked.start ? { startDate: asked.start } : {}),
      ...(days !== undefined ? { days } : {}),
      ...(asked.locale ? { locale: asked.locale } : {}),
    });
    if (!outcome) return c.html(notFound(), 404);
    return c.html(
      programPage(frameOf(c, `Program ${found.record.name}`), found.record, {
        text: found.yaml,
        preview: previewResult(outcome, found.record.name),
        previewAsked: asked,
      }),
      outcome.ok ? 200 : 422,
    );
  });

  app.post('/programs/file', async (c) => {
    const identity = c.get('identity');
    const form = fileFormSchema.safeParse(await c.req.parseBody());
    if (!form.success)
      return c.html(messagePage('That did not work', 'The form was not complete. Please try again.'), 400);
    const { intent, program } = form.data;
    const upload = form.data.file && form.data.file.size > 0 ? form.data.file : null;
    const text = upload ? await upload.text() : form.data.text;
    const file =
      upload?.name || (program ? `${program} (edited in the console)` : 'program (pasted in the console)');
    const onPage = program ? await admin.program(identity, program) : null;
    if (program && !onPage) return c.html(notFound(), 404);

    let outcome: ProgramCheck | ProgramApplied = await admin.check(identity, text, file);
    if (outcome.ok && onPage && outcome.settings.name !== onPage.record.name)
      outcome = {
        ok: false,
        problems: [
          `name: the file names the program "${outcome.settings.name}", and this page is program "${onPage.record.name}"; to add another program, use the form on the Programs page`,
        ],
      };
    else if (outcome.ok && intent === 'apply') outcome = await admin.apply(identity, text, file);

    let result: Html;
    if (!outcome.ok) {
      result = problemList(
        `${file} is not a valid program: nothing was ${intent === 'apply' ? 'applied' : 'written'}`,
        outcome.problems,
      );
    } else if ('record' in outcome) {
      result = html`<div class="status" role="status"><p>${
        outcome.changed
          ? `program ${outcome.record.name} is now version ${outcome.record.version}`
          : `program ${outcome.record.name} is unchanged (version ${outcome.record.version})`
      }</p>${warningList(outcome.warnings)}</div>`;
    } else {
      result = html`<section class="status" role="status" aria-labelledby="valid-title"><h2 id="valid-title">${file} is valid</h2>
<p>${outcome.current ? `It would update program ${outcome.current.name} (today version ${outcome.current.version}).` : `It would add program ${outcome.settings.name}.`} Nothing was written.</p>
${warningList(outcome.warnings)}
<pre class="code" tabindex="0" aria-label="Settings with defaults filled in">${outcome.shown}</pre></section>`;
    }
    const status = outcome.ok ? 200 : 422;
    // After an apply the page shows the program as it now is; otherwise what was sent, to be corrected.
    const applied = outcome.ok && 'record' in outcome ? outcome.record : null;
    const record = applied && onPage ? applied : onPage?.record;
    if (record)
      return c.html(
        programPage(frameOf(c, `Program ${record.name}`), record, {
          text: applied ? (await admin.program(identity, record.name))!.yaml : text,
          result,
          invalid: !outcome.ok,
        }),
        status,
      );
    return c.html(
      programsListPage(
        frameOf(c, 'Programs'),
        await admin.programs(identity),
        result,
        applied ? '' : text,
        !outcome.ok,
      ),
      status,
    );
  });
}

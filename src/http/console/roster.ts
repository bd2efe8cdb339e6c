import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { z } from 'zod';
import type { ProgramAdmin } from '../../app/program-admin.js';
import {
  type DirectoryProgressReport,
  parseRosterCsv,
  ROSTER_LIMITS,
  type RosterOutcome,
} from '../../app/roster.js';
import type { Logger } from '../../logger.js';
import type { ConsoleEnv } from './index.js';
import { messagePage, type PageFrame, page } from './pages.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type FrameOf = (c: Context<ConsoleEnv>, title: string) => PageFrame;

/**
 * The largest roster the console takes (about 50,000 rows); larger files go through `coachloop roster import` on
 * the server, which reads up to 32 MB.
 */
export const ROSTER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Room for the form's other fields and the multipart framing. */
const FORM_ROOM = 64 * 1024;
/** The dry run's page carries the file back (base64, 4 bytes for every 3) for the apply. */
const APPLY_MAX_BYTES = Math.ceil(ROSTER_UPLOAD_MAX_BYTES / 3) * 4 + FORM_ROOM;
/** A dry run lists every problem up to this many; the rest are counted. */
const SHOWN_PROBLEMS = 1000;
/** A dry run or an apply shows this many rows added or updated; the counts above them cover all. */
const SHOWN_ROWS = 1000;
/** How often a progress line is written while the directories resolve emails. */
const PROGRESS_EVERY_MS = 1000;

const tooLarge = () =>
  messagePage(
    'The file is too large',
    `A roster uploaded in the console may be up to ${ROSTER_UPLOAD_MAX_BYTES / 1024 / 1024} MB (about 50,000 rows). Split it into several files and import each, or import it on the server with coachloop roster import, which reads up to 32 MB.`,
  );

/** The Roster pages' own body limits, in place of the console's 64 KB for forms; over them, a clear 413 page. */
export const rosterBodyLimit: MiddlewareHandler = async (c, next) => {
  const maxSize = c.req.path.endsWith('/apply') ? APPLY_MAX_BYTES : ROSTER_UPLOAD_MAX_BYTES + FORM_ROOM;
  return bodyLimit({ maxSize, onError: (c) => c.html(tooLarge(), 413) })(c, next);
};

const escapeText = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const describe = (r: DirectoryProgressReport) =>
  `${r.platform}: ${r.calls} directory calls${r.membersRead ? `, ${r.membersRead} members read` : ''}, ${r.found} of ${r.wanted} roster emails found`;

function problemList(title: string, problems: string[]): Html {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.length - shown.length;
  return html`<section class="card" role="alert" aria-labelledby="problems-title">
<h2 id="problems-title" class="error">${title}</h2>
<ul id="problems">${shown.map((p) => html`<li>${p}</li>`)}${more > 0 ? html`<li>… and ${more} more problems</li>` : ''}</ul>
</section>`;
}

function uploadForm(csrf: string, programs: string[], chosen?: string): Html {
  return html`<form method="post" action="/console/roster/check" enctype="multipart/form-data" class="card" aria-labelledby="upload-title">
<h2 id="upload-title">Upload a roster</h2>
<p>A CSV with the columns of <code>coachloop roster import</code> (email, role, and optionally mentor_email, arm,
timezone, platform, language, department, level, topics, manager_email, capacity, languages), up to
${ROSTER_UPLOAD_MAX_BYTES / 1024 / 1024} MB. First a dry run shows every problem with its line and what would
change; nothing is written until you apply it. An import is all or nothing, and it adds and updates people: it
removes no one.</p>
<input type="hidden" name="_csrf" value="${csrf}">
<label for="r-program">Program</label>
<select id="r-program" name="program" required>${programs.map(
    (p) => html`<option value="${p}" ${p === chosen ? html`selected` : ''}>${p}</option>`,
  )}</select>
<label for="r-file">Roster file (CSV)</label>
<input id="r-file" name="file" type="file" accept=".csv,text/csv" required>
<p><button type="submit">Check (dry run)</button></p>
</form>`;
}

const rosterPage = (frame: PageFrame, programs: string[], before: Html = html``, chosen?: string) =>
  page(
    frame,
    html`${before}${programs.length === 0 ? html`<p>There are no programs yet: add one on the <a href="/console/programs">Programs</a> page first.</p>` : uploadForm(frame.signedIn?.csrf ?? '', programs, chosen)}`,
  );

function changes(outcome: RosterOutcome): Html {
  const count = (status: string) => outcome.people.filter((p) => p.status === status).length;
  const allChanged = outcome.people.filter((p) => p.status !== 'unchanged');
  const changed = allChanged.slice(0, SHOWN_ROWS);
  const newPairs = outcome.pairs.filter((p) => p.status === 'new');
  return html`<ul class="counts">
<li>Added: <strong>${count('new')}</strong></li>
<li>Updated: <strong>${count('updated')}</strong></li>
<li>Unchanged: <strong>${count('unchanged')}</strong></li>
<li>Removed: <strong>0</strong> (an import removes no one)</li>
<li>New pairs: <strong>${newPairs.length}</strong></li>
</ul>
${(outcome.notes ?? []).map((n) => html`<p>note: ${n}</p>`)}
${
  changed.length
    ? html`<h3 id="changed-title">People added or updated</h3>
<table aria-labelledby="changed-title">
<thead><tr><th scope="col">Change</th><th scope="col">Email</th><th scope="col">Platform</th><th scope="col">Roles</th><th scope="col">Arm</th></tr></thead>
<tbody>${changed.map(
        (p) =>
          html`<tr><td data-label="Change">${p.status === 'new' ? 'added' : 'updated'}</td><td data-label="Email">${p.email}</td><td data-label="Platform">${p.platform}</td><td data-label="Roles">${p.roles.join(', ')}</td><td data-label="Arm">${p.arm}</td></tr>`,
      )}</tbody>
</table>
${allChanged.length > changed.length ? html`<p>… and ${allChanged.length - changed.length} more people added or updated (the counts above include them).</p>` : ''}`
    : ''
}
${
  newPairs.length
    ? html`<h3 id="pairs-title">New pairs</h3>
<table aria-labelledby="pairs-title">
<thead><tr><th scope="col">Mentor</th><th scope="col">Mentee</th></tr></thead>
<tbody>${newPairs.slice(0, SHOWN_ROWS).map((p) => html`<tr><td data-label="Mentor">${p.mentor}</td><td data-label="Mentee">${p.mentee}</td></tr>`)}</tbody>
</table>`
    : ''
}`;
}

/**
 * A page written as the work goes: the frame and a progress list first, a line whenever the directories report,
 * then the outcome. No script is needed, so the strict CSP stays as it is; the list is a polite live region.
 */
async function streamedPage(
  c: Context<ConsoleEnv>,
  frame: PageFrame,
  logger: Logger,
  work: (progress: (line: string) => void) => Promise<Html>,
): Promise<Response> {
  const marker = '<!--progress-->';
  const [head, tail] = (await page(frame, html`${raw(marker)}`)).toString().split(marker) as [string, string];
  const encoder = new TextEncoder();
  // A browser that goes away stops the page, not the work: an apply under way finishes (all or nothing) and is audited.
  let gone = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (gone) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          gone = true;
        }
      };
      void (async () => {
        write(
          `${head}<h2 id="progress-title">Progress</h2>\n<ol class="progress" role="log" aria-live="polite" aria-labelledby="progress-title">\n`,
        );
        let result: Html;
        try {
          result = await work((line) => write(`<li>${escapeText(line)}</li>\n`));
        } catch (error) {
          logger.error({ err: (error as Error).message, path: c.req.path }, 'console roster import failed');
          result = html`<p class="error" role="alert">The import could not finish (a chat directory may be unreachable). Nothing was written: an import is all or nothing. Please try again.</p>`;
        }
        write(`</ol>\n${(await result).toString()}${tail}`);
        if (!gone) controller.close();
      })().catch((error: Error) => logger.error({ err: error.message }, 'console page could not be written'));
    },
    cancel() {
      gone = true;
    },
  });
  return c.body(stream, 200, { 'content-type': 'text/html; charset=UTF-8' });
}

const checkForm = z.object({ program: z.string().min(1).max(200), file: z.instanceof(File) });
const applyForm = z.object({
  program: z.string().min(1).max(200),
  csv: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/**
 * Roster (admins): upload a CSV, see the dry run, apply it. The file is not kept on the server between the dry run
 * and the apply: the dry run's page carries it back in its apply form, so nothing about a session is stored here,
 * any replica can take the apply, and the import checks everything again before it writes.
 */
export function registerRosterPages(
  app: Hono<ConsoleEnv>,
  admin: ProgramAdmin,
  frameOf: FrameOf,
  logger: Logger,
): void {
  const programNames = async (c: Context<ConsoleEnv>) =>
    (await admin.programs(c.get('identity'))).map((p) => p.name);

  app.get('/roster', async (c) => c.html(rosterPage(frameOf(c, 'Roster'), await programNames(c))));

  const run = (
    c: Context<ConsoleEnv>,
    title: string,
    program: string,
    csv: string,
    dryRun: boolean,
    rows: number,
  ) => {
    const csrf = c.get('session').csrf;
    const identity = c.get('identity');
    return streamedPage(c, frameOf(c, title), logger, async (progress) => {
      progress(`Read ${rows} rows for program ${program}.`);
      progress('Resolving emails in the chat directories…');
      let shownAt = performance.now();
      let last: DirectoryProgressReport | null = null;
      const outcome = await admin.importRoster(identity, program, csv, {
        dryRun,
        onProgress: (report) => {
          last = report;
          if (performance.now() - shownAt < PROGRESS_EVERY_MS) return;
          shownAt = performance.now();
          progress(`resolving emails… ${describe(report)}`);
        },
      });
      if (last) progress(`resolved: ${describe(last)}`);
      if (!outcome) return html`<p class="error" role="alert">There is no program named ${program}.</p>`;
      progress(
        dryRun
          ? 'Checked. Nothing was written.'
          : outcome.written
            ? 'Written.'
            : 'Stopped: nothing was written.',
      );
      if (!outcome.ok)
        return html`${problemList(`The roster has ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}: nothing was ${dryRun ? 'checked further' : 'imported'}`, outcome.problems)}
${uploadForm(csrf, await programNames(c), program)}`;
      if (!dryRun) {
        const counts = outcome.counts!;
        return html`<section class="status" role="status" aria-labelledby="done-title"><h2 id="done-title">The roster is applied</h2>
<p>Imported into ${program}: ${counts.peopleCreated} new, ${counts.peopleUpdated} updated, ${counts.pairsCreated} new pairs; consent requests go out on the next scheduler tick. The import is in the audit log.</p></section>
${changes(outcome)}
<p><a href="/console/roster">Upload another roster</a></p>`;
      }
      return html`<section class="status" role="status" aria-labelledby="dry-title"><h2 id="dry-title">Dry run: the roster can be applied</h2>
<p>Nothing was written. This is what applying it would change in ${program}.</p></section>
${changes(outcome)}
<form method="post" action="/console/roster/apply" class="card" aria-labelledby="apply-title">
<h2 id="apply-title">Apply this roster</h2>
<p>The import checks everything again, then writes all of it or nothing, and is written to the audit log.</p>
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="program" value="${program}">
<input type="hidden" name="csv" value="${Buffer.from(csv, 'utf8').toString('base64')}">
<p class="buttons"><button type="submit">Apply to ${program}</button> <a class="button secondary" href="/console/roster">Cancel</a></p>
</form>`;
    });
  };

  /** Reads and checks the file first (quick, no directory): a file with problems gets them at once, with a 422. */
  const quickCheck = async (c: Context<ConsoleEnv>, program: string, csv: string, title: string) => {
    const parsed = await parseRosterCsv(csv, {
      maxBytes: ROSTER_UPLOAD_MAX_BYTES,
      maxRows: ROSTER_LIMITS.maxRows,
    });
    if (parsed.problems.length === 0 && parsed.rows.length > 0) return { rows: parsed.rows.length };
    const problems = parsed.problems.length ? parsed.problems : ['the file has a header and no rows'];
    return {
      page: c.html(
        rosterPage(
          frameOf(c, title),
          await programNames(c),
          problemList(
            `The roster has ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was imported`,
            problems,
          ),
          program,
        ),
        422,
      ),
    };
  };

  app.post('/roster/check', async (c) => {
    const form = checkForm.safeParse(await c.req.parseBody());
    const programs = await programNames(c);
    if (!form.success || form.data.file.size === 0)
      return c.html(
        rosterPage(
          frameOf(c, 'Roster'),
          programs,
          html`<p class="error" role="alert">Choose a program and a CSV file.</p>`,
        ),
        400,
      );
    const { program, file } = form.data;
    if (!programs.includes(program))
      return c.html(messagePage('Not found', 'There is no such program.'), 404);
    const csv = await file.text();
    const checked = await quickCheck(c, program, csv, 'Roster');
    if ('page' in checked) return checked.page;
    return run(c, 'Roster: dry run', program, csv, true, checked.rows);
  });

  app.post('/roster/apply', async (c) => {
    const form = applyForm.safeParse(await c.req.parseBody());
    if (!form.success)
      return c.html(
        messagePage('That did not work', 'The form was not complete. Please upload the roster again.'),
        400,
      );
    const { program } = form.data;
    if (!(await programNames(c)).includes(program))
      return c.html(messagePage('Not found', 'There is no such program.'), 404);
    const csv = Buffer.from(form.data.csv, 'base64').toString('utf8');
    const checked = await quickCheck(c, program, csv, 'Roster');
    if ('page' in checked) return checked.page;
    return run(c, 'Roster: apply', program, csv, false, checked.rows);
  });
}

import { timingSafeEqual } from 'node:crypto';
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ConsoleAccess, ConsoleProvider, ConsoleRoles } from '../../app/console-access.js';
import type { ConsolePrivacy } from '../../app/console-privacy.js';
import type { ConsoleReports } from '../../app/console-reports.js';
import { NotAllowedError, UserFacingError } from '../../app/errors.js';
import type { MentoringService } from '../../app/mentoring.js';
import type { RequestListener } from '../../app/ports.js';
import type { ProgramAdmin } from '../../app/program-admin.js';
import { UnknownProgramError } from '../../app/reports/export.js';
import { english } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import { CURATOR_ACTIONS, type CuratorAction } from '../../core/mentoring.js';
import type { Identity } from '../../core/participant.js';
import type { Logger } from '../../logger.js';
import { pairsSummariesHtml } from './aggregates.js';
import {
  type AlertFormState,
  CONSOLE_CSS,
  forbiddenPage,
  messagePage,
  type PageFrame,
  pairsPage,
  signInPage,
} from './pages.js';
import { privacyRoutes } from './privacy.js';
import { registerProgramPages } from './programs.js';
import { REPORT_CSS, reportRoutes } from './report.js';
import { registerRosterPages, rosterBodyLimit } from './roster.js';
import { ConsoleCookies, type ConsoleSession, csrfMatches } from './session.js';
import { SignIn, SignInError, type SignInProvider } from './sign-in.js';

export interface ConsoleOptions {
  access: ConsoleAccess;
  privacy: ConsolePrivacy;
  reports: ConsoleReports;
  mentoring: MentoringService;
  /** The Programs and Roster pages' use cases. */
  programs: ProgramAdmin;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  sessionSecret: string;
  idleMinutes: number;
  providers: SignInProvider[];
  /**
   * Local development only (the simulated pilot's `--console`): one link that signs this person in, once. Never set
   * by `serve`; `startCoachloop` refuses it in production.
   */
  oneTimeSignIn?: OneTimeSignIn;
}

/** A sign-in link for one person that works once: /console/one-time-sign-in/<token>. */
export interface OneTimeSignIn {
  token: string;
  identity: Identity;
  name: string;
}

export type ConsoleEnv = { Variables: { session: ConsoleSession; roles: ConsoleRoles; identity: Identity } };
type Env = ConsoleEnv;

const identityOf = (s: ConsoleSession): Identity => ({
  platform: s.platform,
  workspaceId: s.workspaceId,
  userId: s.userId,
});

/**
 * The web console at /console: sign-in with OpenID Connect, signed session cookies with an idle timeout, a
 * CSRF token on every form, a strict Content-Security-Policy, and the role asked of the use cases on every
 * request. Pages call src/app only.
 */
export function createConsole(options: ConsoleOptions): RequestListener {
  const { access, mentoring, clock, logger } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  const signIn = new SignIn(options.providers, options.publicUrl);
  const cookies = new ConsoleCookies({
    secret: options.sessionSecret,
    secure: publicOrigin.startsWith('https:'),
    idleMs: options.idleMinutes * 60_000,
  });
  const app = new Hono<Env>().basePath('/console');

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      // Not no-referrer: with it browsers send `Origin: null` on form posts, and the origin check below needs the real one.
      referrerPolicy: 'same-origin',
      strictTransportSecurity: publicOrigin.startsWith('https:') ? 'max-age=31536000' : false,
    }),
  );
  const formLimit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) =>
      c.html(
        messagePage('The form is too large', 'A form here may send up to 64 KB. Please send less.'),
        413,
      ),
  });
  app.use((c, next) => (c.req.path.startsWith('/console/roster/') ? rosterBodyLimit : formLimit)(c, next));
  app.use(async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  app.get('/console.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    return c.body(CONSOLE_CSS);
  });
  app.get('/report.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    return c.body(REPORT_CSS);
  });

  const providerList = () => signIn.providers.map((p) => ({ id: p.id, label: p.label }));

  app.get('/', async (c) => {
    if (await cookies.session(c, clock.now())) return c.redirect('/console/pairs', 303);
    return c.html(signInPage(providerList()));
  });

  app.get('/sign-in/:provider', async (c) => {
    const provider = c.req.param('provider');
    if (!signIn.providers.some((p) => p.id === provider))
      return c.html(messagePage('Not found', 'There is no such sign-in.'), 404);
    try {
      const { url, pending } = await signIn.start(provider as ConsoleProvider, clock.now());
      await cookies.rememberSignIn(c, pending);
      return c.redirect(url.href, 303);
    } catch (error) {
      logger.error({ err: (error as Error).message, provider }, 'console sign-in could not start');
      return c.html(
        messagePage(
          'Sign-in is unavailable',
          'The sign-in provider cannot be reached. Try again in a minute.',
        ),
        503,
      );
    }
  });

  if (options.oneTimeSignIn) {
    const link = options.oneTimeSignIn;
    let used = false;
    app.get('/one-time-sign-in/:token', async (c) => {
      const sent = Buffer.from(c.req.param('token'));
      const expected = Buffer.from(link.token);
      if (used || sent.length !== expected.length || !timingSafeEqual(sent, expected))
        return c.html(
          messagePage('This link has expired', 'The one-time sign-in link works once. Sign in instead.'),
          410,
        );
      used = true;
      const now = clock.now();
      await access.recordSignIn(link.identity, 'one-time-link', true);
      await cookies.keepSession(c, cookies.newSession({ ...link.identity, name: link.name }, now), now);
      return c.redirect('/console/report', 303);
    });
  }

  app.get('/callback/:provider', async (c) => {
    const now = clock.now();
    const pending = await cookies.takeSignIn(c, now);
    const provider = c.req.param('provider');
    if (!pending || pending.provider !== provider)
      return c.html(
        signInPage(providerList(), 'That sign-in had expired or was not started here. Please sign in again.'),
        400,
      );
    let signedIn: Awaited<ReturnType<SignIn['finish']>>;
    try {
      signedIn = await signIn.finish(pending, new URL(c.req.url).search);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      logger.warn({ provider, reason: error.message }, 'console sign-in refused');
      return c.html(
        signInPage(providerList(), 'The sign-in could not be verified. Please sign in again.'),
        401,
      );
    }
    const roles = await access.rolesOf(signedIn.identity);
    const allowed = roles.admin || roles.curator;
    await access.recordSignIn(signedIn.identity, pending.provider, allowed);
    if (!allowed) return c.html(forbiddenPage(), 403);
    const session = cookies.newSession(
      { ...signedIn.identity, ...(signedIn.name ? { name: signedIn.name } : {}) },
      now,
    );
    await cookies.keepSession(c, session, now);
    return c.redirect('/console/pairs', 303);
  });

  // Everything below needs a live session, a role, and on every form the session's token.
  const signedIn = new Hono<Env>();
  signedIn.use(async (c, next) => {
    const now = clock.now();
    const session = await cookies.session(c, now);
    if (!session) {
      if (c.req.method !== 'GET')
        return c.html(signInPage(providerList(), 'Your session has ended. Please sign in again.'), 401);
      return c.redirect('/console', 303);
    }
    const roles = await access.rolesOf(identityOf(session));
    if (!roles.admin && !roles.curator) {
      cookies.endSession(c);
      return c.html(forbiddenPage(), 403);
    }
    if (c.req.method !== 'GET') {
      const origin = c.req.header('origin');
      const body = await c.req.parseBody();
      if ((origin && origin !== publicOrigin) || !csrfMatches(session, body._csrf)) {
        logger.warn({ path: c.req.path }, 'console form refused: CSRF token or origin did not match');
        return c.html(
          messagePage('The form has expired', 'Please open the page again and repeat what you did.'),
          403,
        );
      }
    }
    c.set('session', session);
    c.set('roles', roles);
    c.set('identity', identityOf(session));
    await cookies.keepSession(c, session, now);
    await next();
  });

  const frameOf = (c: Context<Env>, title: string): PageFrame => {
    const session = c.get('session');
    return {
      title,
      signedIn: { name: session.name ?? session.userId, roles: c.get('roles'), csrf: session.csrf },
    };
  };

  const renderPairs = async (c: Context<Env>, extra: { status?: string; failed?: AlertFormState } = {}) => {
    const identity = c.get('identity');
    const { pairs, summaries } = await access.pairsOverview(identity);
    const people = await access.mentorChoices(
      identity,
      pairs.filter((p) => p.alert).map((p) => p.pair.programId),
    );
    return pairsPage(frameOf(c, 'Pairs and alerts'), pairs, {
      canDecide: c.get('roles').curator,
      people,
      summaries: pairsSummariesHtml(summaries),
      ...extra,
    });
  };

  signedIn.post('/sign-out', (c) => {
    cookies.endSession(c);
    return c.redirect('/console', 303);
  });

  signedIn.get('/pairs', async (c) => c.html(await renderPairs(c)));

  signedIn.post('/alerts/:alertId/:action', async (c) => {
    const action = c.req.param('action') as CuratorAction;
    if (!CURATOR_ACTIONS.includes(action))
      return c.html(messagePage('Not found', 'There is no such decision.'), 404);
    const body = await c.req.parseBody();
    const values: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(body))
      if (typeof value === 'string' && name !== '_csrf') values[name] = value;
    const alertId = c.req.param('alertId');
    const result = await mentoring.curatorAct(c.get('identity'), alertId, action, values);
    if (!result.ok)
      return c.html(
        await renderPairs(c, { failed: { alertId, action, values, errors: result.errors } }),
        422,
      );
    return c.html(await renderPairs(c, { status: english.text(result.summary) }));
  });

  // The audit log moved to the Privacy page; old bookmarks keep working.
  signedIn.get('/audit', (c) => {
    const query = new URL(c.req.url).search;
    return c.redirect(`/console/privacy${query}`, 301);
  });
  signedIn.route('/privacy', privacyRoutes(options.privacy, frameOf));

  signedIn.route('/report', reportRoutes(access, options.reports, frameOf));

  registerProgramPages(signedIn, options.programs, frameOf);
  registerRosterPages(signedIn, options.programs, frameOf, logger);

  app.route('/', signedIn);

  app.notFound((c) => c.html(messagePage('Not found', 'There is no such page in the console.'), 404));
  app.onError((error, c) => {
    if (error instanceof NotAllowedError) return c.html(forbiddenPage(), 403);
    if (error instanceof UnknownProgramError)
      return c.html(messagePage('Not found', 'There is no such program.'), 404);
    if (error instanceof UserFacingError)
      return c.html(messagePage('That did not work', english.text(error.text)), 409);
    logger.error({ err: error.message, path: c.req.path }, 'console request failed');
    return c.html(
      messagePage('Something went wrong', 'The console could not do that. Please try again.'),
      500,
    );
  });

  return getRequestListener(app.fetch);
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { z } from 'zod';
import { type PendingSignIn, pendingSignIn } from './sign-in.js';

const SESSION_COOKIE = 'coachloop_console';
const SIGN_IN_COOKIE = 'coachloop_sign_in';
/** A sign-in left at the provider for longer than this starts over. */
const SIGN_IN_TTL_MS = 10 * 60_000;
/** However busy, a session ends after this long: people sign in again at least once a day. */
const SESSION_MAX_MS = 12 * 60 * 60_000;

/** Who is signed in, carried in a signed cookie (no server-side state). Roles are not in it: they are asked anew on every request. */
export const consoleSession = z.object({
  platform: z.enum(['slack', 'teams']),
  workspaceId: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().optional(),
  /** The token every form must send back (CSRF). */
  csrf: z.string().min(32),
  signedInAt: z.number(),
  seenAt: z.number(),
});
export type ConsoleSession = z.infer<typeof consoleSession>;

/** Signed, HttpOnly, SameSite=Lax cookies under /console; Secure when the console is reached over https. */
export class ConsoleCookies {
  readonly #secret: string;
  readonly #secure: boolean;
  readonly #idleMs: number;

  constructor(options: { secret: string; secure: boolean; idleMs: number }) {
    this.#secret = options.secret;
    this.#secure = options.secure;
    this.#idleMs = options.idleMs;
  }

  #options(maxAgeSeconds: number) {
    return {
      path: '/console',
      httpOnly: true,
      secure: this.#secure,
      sameSite: 'Lax' as const,
      maxAge: maxAgeSeconds,
    };
  }

  async #read<T>(c: Context, name: string, schema: z.ZodType<T>): Promise<T | null> {
    const value = await getSignedCookie(c, this.#secret, name);
    if (!value) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The signed-in person, or null: no cookie, a bad signature, idle for too long, or past the day's limit. */
  async session(c: Context, now: number): Promise<ConsoleSession | null> {
    const session = await this.#read(c, SESSION_COOKIE, consoleSession);
    if (!session) return null;
    if (now - session.seenAt > this.#idleMs || now - session.signedInAt > SESSION_MAX_MS) {
      this.endSession(c);
      return null;
    }
    return session;
  }

  /** Writes the session with `seenAt` moved to now: the idle timeout counts from the last request. */
  async keepSession(c: Context, session: ConsoleSession, now: number): Promise<void> {
    await setSignedCookie(
      c,
      SESSION_COOKIE,
      JSON.stringify({ ...session, seenAt: now }),
      this.#secret,
      this.#options(Math.ceil(this.#idleMs / 1000)),
    );
  }

  newSession(identity: Omit<ConsoleSession, 'csrf' | 'signedInAt' | 'seenAt'>, now: number): ConsoleSession {
    return { ...identity, csrf: randomBytes(32).toString('base64url'), signedInAt: now, seenAt: now };
  }

  endSession(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, { path: '/console', secure: this.#secure });
  }

  async rememberSignIn(c: Context, pending: PendingSignIn): Promise<void> {
    await setSignedCookie(
      c,
      SIGN_IN_COOKIE,
      JSON.stringify(pending),
      this.#secret,
      this.#options(SIGN_IN_TTL_MS / 1000),
    );
  }

  /** The sign-in this browser started (read once: the cookie is removed), or null when none or too old. */
  async takeSignIn(c: Context, now: number): Promise<PendingSignIn | null> {
    const pending = await this.#read(c, SIGN_IN_COOKIE, pendingSignIn);
    deleteCookie(c, SIGN_IN_COOKIE, { path: '/console', secure: this.#secure });
    if (!pending || now - pending.startedAt > SIGN_IN_TTL_MS) return null;
    return pending;
  }
}

/** Whether a form's token is the session's, compared in constant time. */
export function csrfMatches(session: ConsoleSession, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createServer } from 'node:net';

/** A free port on 127.0.0.1, for a server whose public URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ConsoleResponse {
  status: number;
  location: string | null;
  headers: Headers;
  text: string;
}

/**
 * A browser in miniature for request-level console tests: it keeps the console's cookies, follows nothing by
 * itself (every redirect is a step the test can look at), and reads the form token out of the pages.
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; multipart?: FormData; origin?: string } = {},
  ) {
    const target = new URL(url, this.base);
    const sameSite = target.origin === new URL(this.base).origin;
    const headers: Record<string, string> = {};
    if (sameSite && this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (init.origin) headers.origin = init.origin;
    const res = await fetch(target, {
      method: init.method ?? (init.form || init.multipart ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      // fetch writes the multipart boundary into the content type itself.
      ...(init.multipart ? { body: init.multipart } : {}),
    });
    if (sameSite)
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const [name, ...rest] = pair!.split('=');
        const value = rest.join('=');
        const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a)) || value === '';
        if (expired) this.cookies.delete(name!.trim());
        else this.cookies.set(name!.trim(), value);
      }
    return {
      status: res.status,
      location: res.headers.get('location'),
      headers: res.headers,
      text: await res.text(),
    };
  }

  /** Follows redirects (across the console and the issuer) until a page answers. */
  async follow(url: string): Promise<ConsoleResponse & { url: string }> {
    let current = new URL(url, this.base).href;
    for (let hops = 0; hops < 10; hops++) {
      const res = await this.request(current);
      if (!res.location) return { ...res, url: current };
      current = new URL(res.location, current).href;
    }
    throw new Error('too many redirects');
  }

  /** The form token on a page. */
  static csrfOf(page: string): string {
    const match = page.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error('no form token on the page');
    return match[1]!;
  }
}

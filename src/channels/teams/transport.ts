import { AsyncLocalStorage } from 'node:async_hooks';
import { type Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The HTTP transport under botbuilder's connector client.
 *
 * The connector client (botframework-connector on @azure/core-client) retries 429 after Retry-After and
 * 408/5xx/connection errors with exponential backoff, up to three times, inside one call. coachloop's
 * outbox dispatcher owns retries, pacing and Retry-After, so this transport answers every failure with an
 * error that is not an Azure `RestError`: the connector's retry policy rethrows such errors at once
 * (it only retries `RestError`s and error responses), and the failure reaches the dispatcher unchanged.
 * It also bounds every call with a timeout and honours the proxy agent the pipeline chose.
 */

type ConnectorClientOptions = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]
>;
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<ConnectorHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

/** The Bot Connector answered with a status outside 2xx. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly status: number,
    /** The connector's error code (`MessageWritesBlocked`, `ConversationNotFound`, …), if it sent one. */
    readonly code: string | undefined,
    /** Retry-After in milliseconds, when given. */
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorHttpError';
  }
}

/** No HTTP answer: a timeout, a refused or dropped connection. */
export class ConnectorNetworkError extends Error {
  constructor(
    message: string,
    /** True when the request was fully sent before the failure, so the connector may have acted on it. */
    readonly mayHaveArrived: boolean,
  ) {
    super(message);
    this.name = 'ConnectorNetworkError';
  }
}

/**
 * Marks the connector calls made inside `run`: whether a request left this process, so a caller can tell
 * "failed before anything was sent" (safe to retry) from "the connector may have it".
 */
export class ConnectorAttempts {
  readonly #storage = new AsyncLocalStorage<{ sent: boolean }>();

  async track<T>(run: () => Promise<T>): Promise<{ result?: T; error?: unknown; sent: boolean }> {
    const state = { sent: false };
    try {
      const result = await this.#storage.run(state, run);
      return { result, sent: state.sent };
    } catch (error) {
      return { error, sent: state.sent };
    }
  }

  /** The attempt the current call belongs to (captured before the request leaves, marked once it has). */
  current(): { sent: boolean } | undefined {
    return this.#storage.getStore();
  }
}

class PlainHeaders implements HeadersLike {
  readonly #map = new Map<string, { name: string; value: string }>();

  constructor(raw: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(raw)) this.set(name, value);
  }
  set(name: string, value: string | number): void {
    this.#map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.#map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.#map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray(): { name: string; value: string }[] {
    return [...this.#map.values()].map((h) => ({ ...h }));
  }
  headerNames(): string[] {
    return [...this.#map.values()].map((h) => h.name);
  }
  headerValues(): string[] {
    return [...this.#map.values()].map((h) => h.value);
  }
  clone(): PlainHeaders {
    return new PlainHeaders(this.toJson({ preserveCase: true }));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, header] of this.#map) out[options.preserveCase ? header.name : key] = header.value;
    return out;
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Retry-After as seconds or an HTTP date; `retry-after-ms` when the service sends it. */
export function parseRetryAfter(headers: Record<string, string>, now = Date.now()): number | undefined {
  const ms = Number(headers['retry-after-ms'] ?? headers['x-ms-retry-after-ms']);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function errorCodeOf(body: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; message?: unknown };
    return {
      code: typeof parsed.error?.code === 'string' ? parsed.error.code : undefined,
      message:
        typeof parsed.error?.message === 'string'
          ? parsed.error.message
          : typeof parsed.message === 'string'
            ? parsed.message
            : undefined,
    };
  } catch {
    return {};
  }
}

/** A connector transport that never retries and gives up after `timeoutMs`. */
export function createConnectorHttpClient(options: {
  timeoutMs: number;
  attempts?: ConnectorAttempts;
}): ConnectorHttpClient {
  const client = {
    sendRequest: (resource: WebResource): Promise<CompatResponse> =>
      new Promise<CompatResponse>((resolve, reject) => {
        const url = new URL(resource.url);
        const body = resource.body === undefined || resource.body === null ? undefined : resource.body;
        if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
          reject(new ConnectorNetworkError('unsupported request body for the Bot Connector', false));
          return;
        }
        const headers = resource.headers.toJson({ preserveCase: true });
        if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
        const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
        let written = false;
        let settled = false;
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          reject(error);
        };
        const req = send(url, {
          method: resource.method,
          headers,
          ...(resource.agent ? { agent: resource.agent as unknown as Agent } : {}),
        });
        const timer = setTimeout(() => {
          fail(
            new ConnectorNetworkError(
              `no answer from the Bot Connector within ${options.timeoutMs} ms`,
              written,
            ),
          );
          req.destroy();
        }, options.timeoutMs);
        const abort = () => {
          fail(new ConnectorNetworkError('the connector call was aborted', written));
          req.destroy();
        };
        resource.abortSignal?.addEventListener('abort', abort, { once: true });
        const cleanup = () => {
          clearTimeout(timer);
          resource.abortSignal?.removeEventListener('abort', abort);
        };
        const attempt = options.attempts?.current();
        req.on('finish', () => {
          written = true;
          if (attempt) attempt.sent = true;
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          cleanup();
          fail(
            new ConnectorNetworkError(`Bot Connector unreachable: ${error.code ?? error.message}`, written),
          );
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => {
            cleanup();
            fail(new ConnectorNetworkError(`answer from the Bot Connector cut off: ${error.message}`, true));
          });
          res.on('end', () => {
            cleanup();
            if (settled) return;
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            const raw = flatten(res.headers);
            if (status < 200 || status > 299) {
              const { code, message } = errorCodeOf(text);
              fail(
                new ConnectorHttpError(
                  status,
                  code,
                  parseRetryAfter(raw),
                  `Bot Connector answered ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
                ),
              );
              return;
            }
            settled = true;
            resolve({
              request: resource,
              status,
              headers: new PlainHeaders(raw),
              bodyAsText: text,
            } as CompatResponse);
          });
        });
        req.end(body);
      }),
  };
  return client as ConnectorHttpClient;
}

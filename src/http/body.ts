import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reads a request body up to `limit` bytes. A larger body is not kept; it is read on and thrown away (so the
 * answer reaches the client), up to a hard cap past which the connection is dropped.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.on('close', () => {
      if (size > limit) resolve('too_large');
    });
    req.on('error', reject);
  });
}

/** Answers with a status and an optional JSON or text body; `close` ends a keep-alive connection after it. */
export function answer(
  res: ServerResponse,
  status: number,
  body?: unknown,
  options: { close?: boolean } = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = options.close ? { connection: 'close' } : {};
  if (body === undefined || body === null) {
    res.writeHead(status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

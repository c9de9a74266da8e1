import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, type RunningServer, startServer } from './start';
import { createToken } from './store/tokens';

/** Writes `text` on a raw socket and resolves when the server closes it: what it answered, and after how long. */
function holdOpen(url: string, text: string): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(text));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
  });
}

describe('the HTTP server’s request timeouts', () => {
  let server: RunningServer;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tierline-start-'));
    server = await startServer({ port: 0, dataDir });
    token = await createToken(server.db, { org: 'acme', role: 'agent', now: new Date() });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes a request whose body is shorter than its Content-Length with a 408 within the request timeout', async () => {
    const { answer, ms } = await holdOpen(
      server.url,
      `POST /v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"events": [`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(DEFAULT_TIMEOUTS.requestMs - 100);
    expect(ms).toBeLessThan(DEFAULT_TIMEOUTS.requestMs + 1_500);
  });

  it('closes a request whose headers never end within the headers timeout', async () => {
    const { answer, ms } = await holdOpen(server.url, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(DEFAULT_TIMEOUTS.headersMs + 1_500);
  });

  it('keeps the defaults well under the 8 s a short body used to hold a socket', () => {
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(5_000);
  });
});

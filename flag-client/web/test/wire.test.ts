/**
 * The service over real HTTP: a Node server speaking the evaluator's wire format (named events
 * with ids, comments as heartbeats, the values answer), read through Node's `eventsource`, as a
 * browser's EventSource would read it. The test against the real evaluator is in test-live/.
 */
import { EventSource } from 'eventsource';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createFeatureFlagService } from '../src/service';
import type { EventSourceLike, FeatureFlagService } from '../src/types';

const PATIENCE = { timeout: 5_000, interval: 5 };
const streams: { url: URL; lastEventIdHeader: string | undefined; response: ServerResponse }[] = [];
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (request.method === 'POST' && url.pathname === '/api/evaluations/values') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        userId: 'u-1',
        revision: 10,
        values: { a: true },
      }),
    );
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  response.write(':heartbeat\n\n');
  const header = request.headers['last-event-id'];
  streams.push({
    url,
    lastEventIdHeader: typeof header === 'string' ? header : undefined,
    response,
  });
});
let service: FeatureFlagService;

beforeEach(async () => {
  streams.length = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  service?.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function write(stream: ServerResponse, event: string, id: number, data: unknown) {
  stream.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
}

it('reads the evaluator’s wire format, and resumes a stream the server ended from the revision held', async () => {
  const { port } = server.address() as AddressInfo;
  service = createFeatureFlagService({
    url: `http://127.0.0.1:${port}`,
    clientKey: 'client-key-0123456789',
    userId: 'u-1',
    eventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
    random: () => 0,
  });

  await vi.waitFor(() => expect(streams).toHaveLength(1), PATIENCE);
  expect(service.isEnabled('a')).toBe(true);
  const first = streams[0]!;
  expect(first.url.searchParams.get('lastEventId')).toBe('10');
  expect(first.url.searchParams.get('key')).toBe('client-key-0123456789');
  write(first.response, 'flag', 11, { flag: 'a', value: false, exists: true, revision: 11 });
  await vi.waitFor(() => expect(service.isEnabled('a', true)).toBe(false), PATIENCE);
  expect(service.status).toBe('ready');

  first.response.end(); // as the evaluator ends a stream at its lifetime
  await vi.waitFor(() => expect(streams).toHaveLength(2), PATIENCE);
  const second = streams[1]!;
  expect(second.url.searchParams.get('lastEventId')).toBe('11');
  expect(second.lastEventIdHeader).toBeUndefined();
  write(second.response, 'flag', 12, { flag: 'b', value: true, exists: true, revision: 12 });

  await vi.waitFor(() => expect(service.values()).toEqual({ a: false, b: true }), PATIENCE);
  expect(service.revision).toBe(12);
  expect(streams).toHaveLength(2);
});

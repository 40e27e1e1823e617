// @vitest-environment node
/** Server-side rendering: no window, no EventSource; importing and rendering must still work. */
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { fetchFlagValues } from '../src/index';
import { createFeatureFlagService } from '../src/service';
import { fakeEvaluator } from './fixtures/fake-evaluator';
import { CLIENT_KEY, URL_OF_EVALUATOR } from './fixtures/service';

afterEach(() => {
  vi.useRealTimers();
});

it('imports every entry where there is no window', async () => {
  expect(typeof window).toBe('undefined');
  const entries = await Promise.all([
    import('../src/index'),
    import('../src/react'),
    import('../src/openfeature'),
  ]);
  expect(entries.map((entry) => Object.keys(entry).length)).not.toContain(0);
});

it('renders the bootstrap values on the server, and opens no connection and no timer', async () => {
  vi.useFakeTimers();
  const { FlagstreamProvider, useFeatureFlag } = await import('../src/react');
  const fetch = vi.fn();
  const eventSource = vi.fn();
  function Page() {
    return <p>{useFeatureFlag('new-dashboard') ? 'new dashboard' : 'old dashboard'}</p>;
  }
  const html = renderToString(
    <FlagstreamProvider
      options={{
        url: URL_OF_EVALUATOR,
        clientKey: CLIENT_KEY,
        bootstrap: { values: { 'new-dashboard': true }, revision: 3 },
        fetch,
        eventSource,
      }}
    >
      <Page />
    </FlagstreamProvider>,
  );

  expect(html).toContain('new dashboard');
  expect(fetch).not.toHaveBeenCalled();
  expect(eventSource).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});

it('creates a service on the server that serves its bootstrap and reaches for nothing', () => {
  const fetch = vi.fn();
  const service = createFeatureFlagService({
    url: URL_OF_EVALUATOR,
    clientKey: CLIENT_KEY,
    bootstrap: { values: { a: true }, revision: 3 },
    fetch,
  });
  expect(service.isEnabled('a')).toBe(true);
  expect(service.status).toBe('ready');
  expect(fetch).not.toHaveBeenCalled();
});

it('fetches the values a server renders with and hands to the page as its bootstrap', async () => {
  const evaluator = fakeEvaluator();
  const fetched = fetchFlagValues({
    url: `${URL_OF_EVALUATOR}/`,
    clientKey: CLIENT_KEY,
    userId: 'u-1',
    fetch: evaluator.fetch,
  });
  const request = evaluator.next();
  expect(request.request.url.href).toBe(`${URL_OF_EVALUATOR}/api/evaluations/values`);
  await request.answer({ a: true, b: false }, 12);
  await expect(fetched).resolves.toEqual({ revision: 12, values: { a: true, b: false } });
});

it('refuses an answer that holds no values', async () => {
  const fetch = vi.fn(
    async () => ({ ok: true, status: 200, json: async () => ({ status: 'UP' }) }) as Response,
  );
  await expect(
    fetchFlagValues({ url: URL_OF_EVALUATOR, clientKey: CLIENT_KEY, fetch }),
  ).rejects.toThrow('no values');
});

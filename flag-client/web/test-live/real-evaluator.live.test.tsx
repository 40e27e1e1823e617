/**
 * The service, the React hook and the wire format end to end: a component rendered in jsdom, fed
 * by Node's `eventsource` from a real evaluator, re-renders when a flag is changed through the real
 * admin API. Measures the time from the admin's answer to the re-render, and writes the figures to
 * FLAGSTREAM_LIVE_REPORT.
 */
import { render, screen } from '@testing-library/react';
import { EventSource } from 'eventsource';
import { writeFileSync } from 'node:fs';
import { useLayoutEffect } from 'react';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createFeatureFlagService } from '../src/index';
import { FlagstreamProvider, useFeatureFlag } from '../src/react';
import type { EventSourceLike, FeatureFlagService } from '../src/types';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: this test runs from the e2e module's BrowserSdkIT`);
  return value;
}

const evaluatorUrl = required('FLAGSTREAM_EVALUATOR_URL');
const clientKey = required('FLAGSTREAM_CLIENT_KEY');
const adminUrl = required('FLAGSTREAM_ADMIN_URL');
const adminToken = required('FLAGSTREAM_ADMIN_TOKEN');
const rounds = Number(process.env.FLAGSTREAM_LIVE_ROUNDS ?? '20');
const flag = `web-live-${Math.random().toString(36).slice(2, 10)}`;
const PATIENCE = { timeout: 20_000, interval: 2 };

let service: FeatureFlagService;

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
  return response;
}

/** Renders of the gate, with when each was committed. */
const commits: { value: boolean; at: number }[] = [];

function Gate() {
  const enabled = useFeatureFlag(flag);
  useLayoutEffect(() => void commits.push({ value: enabled, at: performance.now() }), [enabled]);
  return <p data-testid="gate">{enabled ? 'new dashboard' : 'old dashboard'}</p>;
}

beforeAll(() => {
  // Rendered as in a browser: React schedules updates itself rather than inside act().
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

afterAll(async () => {
  service?.close();
  await fetch(`${adminUrl}/api/admin/flags/${flag}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${adminToken}` },
  });
});

it('loads, streams and re-renders a flag changed through the admin API, reading its own writes', async () => {
  const created = await admin('POST', '/api/admin/flags', {
    name: flag,
    enabled: true,
    rolloutPercentage: 100,
  });
  const token = created.headers.get('Flagstream-Revision');
  expect(token).toMatch(new RegExp(`^${flag}@\\d+$`));

  service = createFeatureFlagService({
    url: evaluatorUrl,
    clientKey,
    userId: 'u-live',
    eventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
  });
  expect(await service.awaitRevision(token ?? '')).toBe(true);
  expect(service.isEnabled(flag)).toBe(true);

  render(
    <FlagstreamProvider service={service}>
      <Gate />
    </FlagstreamProvider>,
  );
  expect(screen.getByTestId('gate').textContent).toBe('new dashboard');
  await vi.waitFor(() => expect(service.dataAge).toBe(0), PATIENCE); // the stream is open
  expect(service.status).toBe('ready');

  const latencies: number[] = [];
  let beforeAnswer = 0;
  let expected = true;
  for (let round = 0; round < rounds; round++) {
    expected = !expected;
    const text = expected ? 'new dashboard' : 'old dashboard';
    await admin('POST', `/api/admin/flags/${flag}/toggle`);
    const answered = performance.now();
    await vi.waitFor(() => expect(screen.getByTestId('gate').textContent).toBe(text), PATIENCE);
    const commit = [...commits].reverse().find((c) => c.value === expected);
    // A re-render before the admin's answer arrived (the change outran it) waited 0 ms for it.
    if (commit && commit.at < answered) beforeAnswer++;
    latencies.push(Math.max(0, (commit?.at ?? answered) - answered));
  }

  const changed = await admin('PUT', `/api/admin/flags/${flag}/rollout`, { rolloutPercentage: 0 });
  expect(await service.awaitRevision(changed.headers.get('Flagstream-Revision') ?? '')).toBe(true);
  expect(service.isEnabled(flag, true)).toBe(false);

  await service.setUser('u-other');
  expect(service.userId).toBe('u-other');
  expect(service.isEnabled(flag, true)).toBe(false);

  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const report = {
    rounds,
    p50: percentile(50),
    p90: percentile(90),
    max: sorted[sorted.length - 1],
    min: sorted[0],
    beforeAnswer,
    latencies: latencies.map((ms) => Math.round(ms * 10) / 10),
  };
  console.log(
    `admin change to re-render: p50 ${report.p50.toFixed(1)} ms, p90 ${report.p90.toFixed(1)} ms, max ${report.max?.toFixed(1)} ms over ${rounds} changes`,
  );
  if (process.env.FLAGSTREAM_LIVE_REPORT)
    writeFileSync(process.env.FLAGSTREAM_LIVE_REPORT, JSON.stringify(report));
});

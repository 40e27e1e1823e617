import { ErrorCode, OpenFeature, ProviderEvents, ProviderStatus } from '@openfeature/web-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagstreamWebProvider } from '../src/openfeature';
import { settle } from './fixtures/fake-evaluator';
import { serviceUnderTest } from './fixtures/service';

afterEach(async () => {
  await OpenFeature.clearProviders();
  await OpenFeature.clearContext();
  OpenFeature.clearHandlers();
});

/** The provider set on OpenFeature for user u-1, ready with {a: true, b: false} at revision 10. */
async function readyProvider() {
  const harness = serviceUnderTest();
  const provider = new FlagstreamWebProvider(harness.service);
  await OpenFeature.setContext({ targetingKey: 'u-1' });
  const ready = OpenFeature.setProviderAndWait(provider);
  await settle();
  await harness.evaluator.next().answer({ a: true, b: false }, 10);
  await ready;
  harness.streams.last.open();
  return { ...harness, provider, client: OpenFeature.getClient() };
}

describe('FlagstreamWebProvider', () => {
  it('is ready once values arrive, and resolves flags as booleans with variants', async () => {
    const { client } = await readyProvider();
    expect(client.providerStatus).toBe(ProviderStatus.READY);
    expect(client.getBooleanDetails('a', false)).toMatchObject({
      value: true,
      variant: 'on',
      reason: 'CACHED',
    });
    expect(client.getBooleanDetails('b', true)).toMatchObject({ value: false, variant: 'off' });
  });

  it('resolves an unknown flag, or one of another type, to the default with the error code', async () => {
    const { client } = await readyProvider();
    expect(client.getBooleanDetails('missing', true)).toMatchObject({
      value: true,
      errorCode: ErrorCode.FLAG_NOT_FOUND,
    });
    expect(client.getStringDetails('a', 'x')).toMatchObject({
      value: 'x',
      errorCode: ErrorCode.TYPE_MISMATCH,
    });
    expect(client.getNumberDetails('a', 3)).toMatchObject({
      value: 3,
      errorCode: ErrorCode.TYPE_MISMATCH,
    });
    expect(client.getObjectDetails('a', { k: 1 })).toMatchObject({
      value: { k: 1 },
      errorCode: ErrorCode.TYPE_MISMATCH,
    });
  });

  it('emits PROVIDER_CONFIGURATION_CHANGED with the flags whose value changed', async () => {
    const { client, streams } = await readyProvider();
    const changed = vi.fn();
    client.addHandler(ProviderEvents.ConfigurationChanged, changed);

    streams.last.flag('a', false, 11);
    streams.last.flag('a', false, 11);
    await settle();

    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed.mock.calls[0]?.[0]).toMatchObject({ flagsChanged: ['a'] });
    expect(client.getBooleanValue('a', true)).toBe(false);
  });

  it('emits PROVIDER_STALE when the stream drops, and PROVIDER_READY when it is back', async () => {
    vi.useFakeTimers();
    try {
      const { client, streams } = await readyProvider();
      const stale = vi.fn();
      const ready = vi.fn();
      client.addHandler(ProviderEvents.Stale, stale);
      client.addHandler(ProviderEvents.Ready, ready);
      ready.mockClear(); // a handler added to a ready provider is called at once

      streams.last.fail();
      await settle();
      expect(stale).toHaveBeenCalledTimes(1);
      expect(client.providerStatus).toBe(ProviderStatus.STALE);
      expect(client.getBooleanDetails('a', false)).toMatchObject({ value: true, reason: 'STALE' });

      vi.advanceTimersByTime(500);
      streams.last.open();
      await settle();
      expect(ready).toHaveBeenCalledTimes(1);
      expect(client.providerStatus).toBe(ProviderStatus.READY);
    } finally {
      vi.useRealTimers();
    }
  });

  it('switches the service to the new user when the context’s targeting key changes', async () => {
    const { service, evaluator, client } = await readyProvider();
    const switched = OpenFeature.setContext({ targetingKey: 'u-2' });
    await settle();
    const request = evaluator.next();
    expect(request.request.body).toEqual({ userId: 'u-2' });
    await request.answer({ a: false }, 20);
    await switched;

    expect(service.userId).toBe('u-2');
    expect(client.getBooleanValue('a', true)).toBe(false);
  });

  it('fails to initialize when no value can be had, and becomes ready once values arrive', async () => {
    vi.useFakeTimers();
    try {
      const harness = serviceUnderTest();
      const initialized = OpenFeature.setProviderAndWait(
        new FlagstreamWebProvider(harness.service),
      );
      await settle();
      await harness.evaluator.next().breakConnection();
      harness.streams.last.fail();
      await expect(initialized).rejects.toThrow();
      expect(OpenFeature.getClient().providerStatus).toBe(ProviderStatus.ERROR);

      vi.advanceTimersByTime(500);
      harness.streams.last.open().snapshot(12, { a: true });
      await settle();

      expect(OpenFeature.getClient().providerStatus).toBe(ProviderStatus.READY);
      expect(OpenFeature.getClient().getBooleanValue('a', false)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a service it was given open when closed', async () => {
    const { streams, provider } = await readyProvider();
    await provider.onClose();
    expect(streams.last.closed).toBe(false);
  });

  it('creates a service from options, and closes it when closed', async () => {
    const harness = serviceUnderTest({ autoStart: false });
    const provider = new FlagstreamWebProvider({
      url: 'https://flags.example.test',
      clientKey: 'client-key-0123456789',
      userId: 'u-1',
      eventSource: harness.streams.open,
      fetch: harness.evaluator.fetch,
    });
    const initialized = provider.initialize({ targetingKey: 'u-1' });
    await harness.evaluator.next().answer({ a: true }, 5);
    await initialized;
    expect(provider.resolveBooleanEvaluation('a', false).value).toBe(true);

    await provider.onClose();

    expect(harness.streams.last.closed).toBe(true);
  });

  it('uses a fake service (bootstrap values, never started) as it is', async () => {
    const { service, evaluator, streams } = serviceUnderTest({
      autoStart: false,
      bootstrap: { values: { a: true }, revision: 0 },
    });
    await OpenFeature.setProviderAndWait(new FlagstreamWebProvider(service));
    expect(OpenFeature.getClient().getBooleanValue('a', false)).toBe(true);
    expect(evaluator.requests).toHaveLength(0);
    expect(streams.opened).toHaveLength(0);
  });
});

import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagstreamProvider, useFeatureFlag, useFeatureFlagService, useFlag } from '../src/react';
import { streamRecorder } from './fixtures/fake-event-source';
import { fakeEvaluator } from './fixtures/fake-evaluator';
import { CLIENT_KEY, URL_OF_EVALUATOR, serviceUnderTest } from './fixtures/service';

afterEach(() => {
  vi.useRealTimers();
});

/** Renders of each probe, by name, with the value each rendered. */
const renders = new Map<string, boolean[]>();

function Probe({ flag }: { flag: string }) {
  const on = useFeatureFlag(flag);
  renders.set(flag, [...(renders.get(flag) ?? []), on]);
  return <p data-testid={flag}>{on ? 'new' : 'old'}</p>;
}

function Dashboard() {
  const { value, status, revision } = useFlag('new-dashboard');
  if (status === 'starting') return <p>loading</p>;
  return <p>{`${value ? 'new' : 'old'} dashboard (${status}, revision ${revision ?? 'none'})`}</p>;
}

afterEach(() => renders.clear());

async function readyHarness() {
  const harness = serviceUnderTest();
  await harness.evaluator.next().answer({ a: true, b: true, 'new-dashboard': false }, 10);
  harness.streams.last.open();
  return harness;
}

describe('useFeatureFlag', () => {
  it('renders the value, then re-renders on a stream event', async () => {
    const { service, streams } = await readyHarness();
    render(
      <FlagstreamProvider service={service}>
        <Probe flag="a" />
      </FlagstreamProvider>,
    );
    expect(screen.getByTestId('a').textContent).toBe('new');

    act(() => void streams.last.flag('a', false, 11));

    expect(screen.getByTestId('a').textContent).toBe('old');
  });

  it('re-renders only the components whose flag changed', async () => {
    const { service, streams } = await readyHarness();
    render(
      <FlagstreamProvider service={service}>
        <Probe flag="a" />
        <Probe flag="b" />
      </FlagstreamProvider>,
    );

    act(() => void streams.last.flag('a', false, 11));
    act(() => void streams.last.flag('c', true, 12));
    act(() => void streams.last.fail());

    expect(renders.get('a')).toEqual([true, false]);
    expect(renders.get('b')).toEqual([true]);
  });

  it('answers the default for an unknown flag and before values arrive', () => {
    const { service } = serviceUnderTest();
    function Defaults() {
      return <p>{`${useFeatureFlag('unknown')} ${useFeatureFlag('unknown', true)}`}</p>;
    }
    render(
      <FlagstreamProvider service={service}>
        <Defaults />
      </FlagstreamProvider>,
    );
    expect(screen.getByText('false true')).toBeTruthy();
  });

  it('never throws when the network fails: the page renders defaults and says why', async () => {
    vi.useFakeTimers();
    const { service, evaluator, streams } = serviceUnderTest();
    render(
      <FlagstreamProvider service={service}>
        <Probe flag="a" />
        <Dashboard />
      </FlagstreamProvider>,
    );
    await act(() => evaluator.next().breakConnection());
    act(() => void streams.last.fail());

    expect(screen.getByTestId('a').textContent).toBe('old');
    expect(screen.getByText('old dashboard (error, revision none)')).toBeTruthy();
  });

  it('never shows a mix of two users’ values while switching users', async () => {
    const { service, evaluator } = await readyHarness();
    const seen: string[] = [];
    function Pair() {
      const pair = `${useFeatureFlag('a')}/${useFeatureFlag('b')}`;
      seen.push(pair);
      return <p>{pair}</p>;
    }
    render(
      <FlagstreamProvider service={service}>
        <Pair />
      </FlagstreamProvider>,
    );

    await act(async () => {
      const switched = service.setUser('u-2');
      await evaluator.next().answer({ a: false, b: false }, 20);
      await switched;
    });

    expect(new Set(seen)).toEqual(new Set(['true/true', 'false/false']));
    expect(screen.getByText('false/false')).toBeTruthy();
  });

  it('says what is missing when there is no provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe flag="a" />)).toThrow('<FlagstreamProvider>');
  });
});

describe('useFlag', () => {
  it('shows a loading state while starting, then the value with its revision', async () => {
    const { service, evaluator, streams } = serviceUnderTest();
    render(
      <FlagstreamProvider service={service}>
        <Dashboard />
      </FlagstreamProvider>,
    );
    expect(screen.getByText('loading')).toBeTruthy();

    await act(() => evaluator.next().answer({ 'new-dashboard': true }, 10));
    expect(screen.getByText('new dashboard (ready, revision 10)')).toBeTruthy();

    act(() => void streams.last.open().flag('new-dashboard', false, 12));
    expect(screen.getByText('old dashboard (ready, revision 12)')).toBeTruthy();
  });

  it('keeps its answer, and the component, unchanged when another flag changes', async () => {
    const { service, streams } = await readyHarness();
    let rendered = 0;
    function Counted() {
      useFlag('new-dashboard');
      rendered++;
      return null;
    }
    render(
      <FlagstreamProvider service={service}>
        <Counted />
      </FlagstreamProvider>,
    );
    act(() => void streams.last.flag('a', false, 11));
    expect(rendered).toBe(1);
  });
});

describe('bootstrap', () => {
  it('paints the server’s values on the first render: no default first, no flicker', () => {
    const streams = streamRecorder();
    render(
      <FlagstreamProvider
        options={{
          url: URL_OF_EVALUATOR,
          clientKey: CLIENT_KEY,
          userId: 'u-1',
          bootstrap: { values: { a: true }, revision: 7 },
          eventSource: streams.open,
          fetch: fakeEvaluator().fetch,
        }}
      >
        <Probe flag="a" />
      </FlagstreamProvider>,
    );
    expect(renders.get('a')).toEqual([true]);
  });

  it('hydrates server-rendered markup with the same values, without a mismatch', () => {
    const options = {
      url: URL_OF_EVALUATOR,
      clientKey: CLIENT_KEY,
      userId: 'u-1',
      bootstrap: { values: { a: true }, revision: 7 },
      eventSource: streamRecorder().open,
      fetch: fakeEvaluator().fetch,
    };
    const page = (
      <FlagstreamProvider options={options}>
        <Probe flag="a" />
      </FlagstreamProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    expect(container.textContent).toBe('new');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recoverable = vi.fn();

    act(() => void hydrateRoot(container, page, { onRecoverableError: recoverable }));

    expect(container.textContent).toBe('new');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('FlagstreamProvider', () => {
  it('creates the service from options, starts it once mounted, and closes it when unmounted, also in strict mode', async () => {
    const streams = streamRecorder();
    const evaluator = fakeEvaluator();
    const page = render(
      <StrictMode>
        <FlagstreamProvider
          options={{
            url: URL_OF_EVALUATOR,
            clientKey: CLIENT_KEY,
            userId: 'u-1',
            eventSource: streams.open,
            fetch: evaluator.fetch,
          }}
        >
          <Probe flag="a" />
        </FlagstreamProvider>
      </StrictMode>,
    );
    // Strict mode started, closed and started it again: the first answer belongs to no one.
    expect(evaluator.waiting).toBe(2);
    await act(() => evaluator.next().answer({ a: false }, 1));
    await act(() => evaluator.next().answer({ a: true }, 2));
    expect(streams.opened).toHaveLength(1);
    expect(screen.getByTestId('a').textContent).toBe('new');

    page.unmount();

    expect(streams.last.closed).toBe(true);
  });

  it('leaves a service it was given open when unmounted', async () => {
    const { service, streams } = await readyHarness();
    const page = render(
      <FlagstreamProvider service={service}>
        <Probe flag="a" />
      </FlagstreamProvider>,
    );
    page.unmount();
    expect(streams.last.closed).toBe(false);
  });

  it('hands its service to components, for setUser and awaitRevision', async () => {
    const { service } = await readyHarness();
    let found: unknown;
    function Account() {
      found = useFeatureFlagService();
      return null;
    }
    render(
      <FlagstreamProvider service={service}>
        <Account />
      </FlagstreamProvider>,
    );
    expect(found).toBe(service);
  });
});

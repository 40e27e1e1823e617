/**
 * The README's examples, run: each region between tag lines is shown in README.md, and the
 * repository's doc check (DocSnippetsTest) holds the README to it, character for character.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FakeEventSource } from './fixtures/fake-event-source';
import { fakeEvaluator } from './fixtures/fake-evaluator';
// tag::react[]
import { FlagstreamProvider, useFeatureFlag, useFlag } from '@flagstream/web/react';

// end::react[]
// tag::service[]
import { createFeatureFlagService } from '@flagstream/web';

// end::service[]

const NewDashboard = () => <p>new dashboard</p>;
const OldDashboard = () => <p>old dashboard</p>;
const NewCheckout = () => <p>new checkout</p>;
const OldCheckout = () => <p>old checkout</p>;
const Spinner = () => <p>loading</p>;
const streams: FakeEventSource[] = [];
let evaluator = fakeEvaluator();

beforeEach(() => {
  streams.length = 0;
  evaluator = fakeEvaluator();
  // The examples use the browser's own EventSource and fetch.
  vi.stubGlobal('fetch', evaluator.fetch);
  vi.stubGlobal(
    'EventSource',
    class extends FakeEventSource {
      constructor(url: string) {
        super(url);
        streams.push(this);
      }
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// tag::react[]
function Dashboard() {
  const isEnabled = useFeatureFlag('new-dashboard'); // boolean; false by default
  return isEnabled ? <NewDashboard /> : <OldDashboard />;
}

function Checkout() {
  const { value, status } = useFlag('new-checkout'); // also the revision
  if (status === 'starting') return <Spinner />; // a loading state instead of a flicker
  return value ? <NewCheckout /> : <OldCheckout />;
}

export function App({ user }: { user: { id: string } }) {
  return (
    <FlagstreamProvider
      options={{ url: 'https://flags.example.com', clientKey: 'your-client-key', userId: user.id }}
    >
      <Dashboard />
      <Checkout />
    </FlagstreamProvider>
  );
}
// end::react[]

it('runs the React example: a loading state, then the values, then a live change', async () => {
  render(<App user={{ id: 'u-1' }} />);
  expect(screen.getByText('old dashboard')).toBeTruthy();
  expect(screen.getByText('loading')).toBeTruthy();

  await act(() => evaluator.next().answer({ 'new-dashboard': true, 'new-checkout': false }, 10));
  expect(screen.getByText('new dashboard')).toBeTruthy();
  expect(screen.getByText('old checkout')).toBeTruthy();

  act(() => void streams[0]?.open().flag('new-checkout', true, 11));
  expect(screen.getByText('new checkout')).toBeTruthy();
});

it('runs the service example', async () => {
  const currentUser = { id: 'u-1' };
  const otherUser = { id: 'u-2' };
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const answered = (async () => {
    // The example switches users at once: the first user's answer comes too late to count.
    await vi.waitFor(() => expect(evaluator.waiting).toBe(2));
    expect(evaluator.requests.map((request) => request.body.userId)).toEqual(['u-1', 'u-2']);
    await evaluator.next().answer({ 'new-dashboard': false }, 10);
    await evaluator.next().answer({ 'new-dashboard': true }, 12);
  })();
  // tag::service[]
  const flags = createFeatureFlagService({
    url: 'https://flags.example.com', // the evaluator
    clientKey: 'your-client-key',
    userId: currentUser.id, // absent for anonymous visitors
  });

  flags.isEnabled('new-dashboard'); // false until values arrive, and for unknown flags
  flags.isEnabled('new-dashboard', true); // or the default you give
  const unsubscribe = flags.subscribe((changed) => console.log('changed:', changed));
  flags.status; // 'starting' | 'ready' | 'stale' | 'error'
  flags.dataAge; // ms since the values were last known current; 0 while streaming
  flags.revision; // the evaluator's revision the values are at
  await flags.setUser(otherUser.id); // swaps every value at once; never a mix of two users
  flags.close();
  // end::service[]
  await answered;
  unsubscribe();

  expect(flags.userId).toBe('u-2');
  expect(flags.isEnabled('new-dashboard')).toBe(true);
  expect(log).toHaveBeenCalledWith('changed:', ['new-dashboard']);
});

it('runs the example for users’ tests: fixed values, nothing opened', () => {
  // tag::in-your-tests[]
  const flags = createFeatureFlagService({
    url: 'https://flags.invalid',
    clientKey: 'test',
    bootstrap: { values: { 'new-dashboard': true }, revision: 0 },
    autoStart: false, // never fetches nor streams: the values stay as given
  });
  render(
    <FlagstreamProvider service={flags}>
      <Dashboard />
    </FlagstreamProvider>,
  );
  // end::in-your-tests[]
  expect(screen.getByText('new dashboard')).toBeTruthy();
  expect(evaluator.requests).toHaveLength(0);
  expect(streams).toHaveLength(0);
});

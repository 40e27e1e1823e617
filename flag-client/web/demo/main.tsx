/**
 * A page using `@flagstream/web/react` as an application would: one flag decides whether a banner
 * shows, and the page shows the service's status. The evaluator, key, user and flag come from the
 * query string (`?url=…&key=…&user=…&flag=…`). Each render that changed the value or the status is
 * recorded in `window.flagstreamDemo.renders` with its time, for the e2e module's BrowserDemoIT.
 */
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { FlagstreamProvider, useFlag } from '@flagstream/web/react';

interface Render {
  readonly value: boolean;
  readonly status: string;
  /** Milliseconds since the epoch, as the page's clock tells them. */
  readonly at: number;
}

const query = new URLSearchParams(window.location.search);
const flag = query.get('flag') ?? 'new-banner';
const renders: Render[] = [];
(window as unknown as { flagstreamDemo: { renders: Render[] } }).flagstreamDemo = { renders };

function Banner() {
  const { value, status, revision } = useFlag(flag);
  // After React has committed the change to the page, before the browser paints it.
  useLayoutEffect(() => {
    renders.push({ value, status, at: performance.timeOrigin + performance.now() });
  }, [value, status]);
  return (
    <main>
      <h1>Flagstream demo</h1>
      <p>
        {flag}: <strong data-testid="value">{value ? 'on' : 'off'}</strong>
      </p>
      <p>
        status: <span data-testid="status">{status}</span>, revision{' '}
        <span data-testid="revision">{revision ?? '-'}</span>
      </p>
      {value ? <p data-testid="banner">The new banner is on.</p> : null}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
createRoot(root).render(
  <StrictMode>
    <FlagstreamProvider
      options={{
        url: query.get('url') ?? 'http://localhost:3002',
        clientKey: query.get('key') ?? '',
        userId: query.get('user') ?? 'demo-user',
      }}
    >
      <Banner />
    </FlagstreamProvider>
  </StrictMode>,
);

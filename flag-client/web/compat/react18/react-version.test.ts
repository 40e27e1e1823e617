import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs the React entry tests on React 18, not on the package install of React 19', () => {
  expect(version).toMatch(/^18\./);
  expect(domVersion).toMatch(/^18\./);
});

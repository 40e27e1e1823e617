// Signs Lighthouse's browser in to the console before each page is measured (Lighthouse CI's
// puppeteerScript), so that the dashboard and a flag's page are measured, not the sign-in page they
// would redirect to; and makes sure the flag measured, smoke-canary, exists (created off).
// Credentials: LHCI_EMAIL and LHCI_PASSWORD, or the local run's .flagstream/credentials.properties.
const fs = require('node:fs');

const ADMIN = process.env.LHCI_ADMIN_URL || 'http://localhost:3001';
const FLAG = 'smoke-canary';

function credentials() {
  if (process.env.LHCI_EMAIL && process.env.LHCI_PASSWORD) {
    return { email: process.env.LHCI_EMAIL, password: process.env.LHCI_PASSWORD };
  }
  const file = '.flagstream/credentials.properties';
  if (!fs.existsSync(file)) {
    throw new Error(`set LHCI_EMAIL and LHCI_PASSWORD, or run from the folder of ./mvnw -Prun (${file})`);
  }
  const values = Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { email: values.email, password: values.password };
}

module.exports = async (browser, context) => {
  // The sign-in page is measured signed out: it comes first in lighthouserc.json's list.
  if (context.url.endsWith('/login')) return;
  const page = await browser.newPage();
  const { email, password } = credentials();
  await page.goto(`${ADMIN}/flags`);
  if (page.url().includes('/login')) {
    await page.type('input[name=email]', email);
    await page.type('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=password-sign-in] button[type=submit]')]);
  }
  if (context.url.endsWith(`/flags/${FLAG}`)) {
    const found = await page.goto(`${ADMIN}/flags/${FLAG}`);
    if (found && found.status() === 404) {
      await page.goto(`${ADMIN}/flags`);
      await page.type('#new-name', FLAG);
      await Promise.all([page.waitForNavigation(), page.click('[data-testid=create-flag] button[type=submit]')]);
    }
  }
  await page.close();
};

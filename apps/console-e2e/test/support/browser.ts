import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { ConsoleUser } from './platform';

/**
 * How long a page may take to show what a test waits for. playwright-core has no `expect` of its own
 * (that is @playwright/test's); its locators wait for what they act on, and `visible` waits for the rest.
 */
export const DEADLINE_MS = 15_000;

/** Waits, until the deadline, for the locator to match a visible element; returns it for chaining. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout: DEADLINE_MS });
  return locator;
}

/** Every page the tests see is this size, which is also the size of the committed screenshots. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Playwright cannot download its own browser here: Debian's chromium, wherever PATH finds it. */
function chromiumExecutable(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "The browser tests drive Debian's Chromium and found no `chromium` on PATH: install it (apt-get install chromium), as .ci/run does.",
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    // Root in a container has no user namespaces for Chromium's sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** A browser context of its own (its own sessionStorage), as another person's browser would be. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(DEADLINE_MS);
  return { context, page: await context.newPage() };
}

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, user: Pick<ConsoleUser, 'email' | 'password'>) {
  await page.goto(`${baseUrl}/console/sign-in`);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'What needs me' }));
}

const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/console');

/**
 * Saves the page as docs/console/<name>.png, only when CONSOLE_SCREENSHOTS=1: the committed pictures
 * change only when someone means to retake them, and CI leaves the tree clean.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}

/**
 * The console's main pages in a real browser against the real platform, with a little of a forum's
 * data in them: each page is checked with axe-core (no serious or critical WCAG violation) and, when
 * CONSOLE_SCREENSHOTS=1, photographed at 1280×800 into docs/console/<page>.png. The pictures are
 * committed; retake them with
 *   CONSOLE_SCREENSHOTS=1 jest apps/console-e2e/test/console-pages.browser-spec.ts --selectProjects browser
 * CI runs without the variable, so it checks the pages and leaves the tree as it was.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPerson, screenshot, signIn, visible } from './support/browser';
import { ConsolePlatform } from './support/platform';

interface Partnership {
  id: string;
  title: string;
  status: string;
}

/** axe-core's impacts that fail the test; moderate and minor ones are reported by axe but tolerated. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

describe('the console pages: accessible, and as the documentation shows them', () => {
  let platform: ConsolePlatform;
  let browser: Browser;
  let page: Page;
  let seoul: string;
  let tehran: string;
  let active: Partnership;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([ConsolePlatform.start('console_pages'), launchChromium()]);
    let surabaya: string;
    let kitakyushu: string;
    [seoul, tehran, surabaya, kitakyushu] = await platform.memberCities(
      {
        name: 'Seoul',
        englishName: 'Seoul',
        localName: '서울특별시',
        languages: ['ko'],
        countryCode: 'KR',
        region: 'Seoul Capital Area',
        population: 9_386_034,
        populationYear: 2024,
        latitude: 37.5665,
        longitude: 126.978,
        website: 'https://www.seoul.go.kr',
        leaderName: 'Oh Se-hoon',
        leaderTitle: 'Mayor',
        contacts: [{ name: 'Kim Min-jun', role: 'International relations', email: 'intl@seoul.example' }],
        sdgFocus: [11, 13],
      },
      {
        name: 'Tehran',
        localName: 'تهران',
        languages: ['fa'],
        countryCode: 'IR',
        population: 9_039_000,
        populationYear: 2023,
        latitude: 35.6892,
        longitude: 51.389,
      },
      {
        name: 'Surabaya',
        localName: 'Kota Surabaya',
        languages: ['id'],
        countryCode: 'ID',
        latitude: -7.2575,
        longitude: 112.7521,
      },
      {
        name: 'Kitakyushu',
        localName: '北九州市',
        languages: ['ja'],
        countryCode: 'JP',
        latitude: 33.883,
        longitude: 130.875,
      },
    );
    const propose = (
      title: string,
      type: string,
      proposer: string,
      partner: string,
      areas: string[],
      sdgs: number[],
    ) =>
      platform.api<Partnership>('POST', '/partnerships', {
        type,
        title,
        description: `${title}: exchanges between the two city administrations.`,
        proposerCityId: proposer,
        participantCityIds: [partner],
        cooperationAreas: areas,
        sdgTags: sdgs,
        startDate: '2026-04-01',
        endDate: '2031-03-31',
      });
    active = await propose(
      'Surabaya–Kitakyushu Green Sister City',
      'sister-city',
      surabaya,
      kitakyushu,
      ['environment-and-climate', 'water-and-sanitation'],
      [6, 11],
    );
    await platform.api('POST', `/partnerships/${active.id}/acceptances`, { cityId: kitakyushu });
    await platform.api('POST', `/partnerships/${active.id}/activities`, {
      kind: 'study-visit',
      title: 'Waste-bank study visit',
      startDate: '2026-05-12',
      participatingCityIds: [surabaya, kitakyushu],
      outcomes: 'Two pilot waste banks planned.',
    });
    await propose(
      'Seoul–Tehran Smart Mobility',
      'technical-cooperation',
      seoul,
      tehran,
      ['transport'],
      [9, 11],
    );
    const suspended = await propose(
      'Seoul–Surabaya Heritage Exchange',
      'friendship',
      seoul,
      surabaya,
      ['culture-and-heritage'],
      [11],
    );
    await platform.api('POST', `/partnerships/${suspended.id}/acceptances`, { cityId: surabaya });
    await platform.api('POST', `/partnerships/${suspended.id}/suspension`, {
      reason: 'Budget review in 2027.',
    });
    await platform.user('city-officer', { cityId: seoul });
    await platform.user('observer');

    const secretariat = await platform.user('secretariat');
    ({ page } = await newPerson(browser));
    await signIn(page, platform.gateway.url, secretariat);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Each main page: where it is, and what shows that it has loaded its data. */
  const PAGES: [name: string, path: () => string, ready: (page: Page) => Promise<unknown>][] = [
    ['home', () => '/', (p) => visible(p.getByRole('link', { name: 'Seoul–Tehran Smart Mobility' }))],
    [
      'partnerships',
      () => '/partnerships',
      (p) => visible(p.getByRole('cell', { name: 'suspended', exact: true })),
    ],
    [
      'partnership',
      () => `/partnerships/${active.id}`,
      (p) => visible(p.getByRole('region', { name: 'History' }).getByRole('listitem').nth(1)),
    ],
    [
      'propose',
      () => '/partnerships/new',
      // Options of a closed <select> are never "visible": wait for the member cities to be in it.
      (p) =>
        p.getByLabel('Partner city').getByRole('option', { name: 'Tehran' }).waitFor({ state: 'attached' }),
    ],
    ['cities', () => '/cities', (p) => visible(p.getByText('تهران'))],
    [
      'city',
      () => `/cities/${seoul}`,
      (p) => visible(p.getByRole('link', { name: 'Seoul–Tehran Smart Mobility' })),
    ],
    [
      'map',
      () => '/map',
      (p) => visible(p.getByRole('region', { name: 'Partnerships shown' }).getByRole('listitem').first()),
    ],
    ['users', () => '/users', (p) => visible(p.getByRole('button', { name: /^Deactivate / }).first())],
  ];

  it.each(PAGES)('%s: no serious or critical axe-core violation', async (name, path, ready) => {
    await page.goto(platform.url(path()));
    await ready(page);
    const results = await new AxeBuilder({ page }).analyze();
    const failing = results.violations
      .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(failing).toEqual([]);
    // axe looked at the page it was meant to: the rules ran over the loaded content.
    expect(results.passes.length).toBeGreaterThan(10);
    await screenshot(page, name);
  });

  it("shows a city's local name in its own script and direction, and the contacts to the secretariat", async () => {
    await page.goto(platform.url(`/cities/${tehran}`));
    const local = await visible(page.getByText('تهران', { exact: true }));
    expect(await local.getAttribute('lang')).toBe('fa');
    expect(await local.getAttribute('dir')).toBe('auto');
    // The browser's own reading of the direction dir="auto" gave it (a string: the tests have no DOM types).
    expect(await page.evaluate(`getComputedStyle(document.querySelector('[lang="fa"]')).direction`)).toBe(
      'rtl',
    );
    await visible(
      page
        .getByRole('region', { name: 'Partnerships' })
        .getByRole('link', { name: 'Seoul–Tehran Smart Mobility' }),
    );
    // The secretariat sees the contacts' e-mail addresses.
    await page.goto(platform.url(`/cities/${seoul}`));
    await visible(page.getByRole('link', { name: 'intl@seoul.example' }));
  });
});

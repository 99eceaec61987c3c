/**
 * The console in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * platform: the four services and the gateway in this process, the console built from the working
 * tree and served by the gateway. Run with
 *   jest apps/console-e2e --selectProjects browser
 * (KAFKA_BROKERS and DATABASE_URL name running infrastructure, or the tier's global setup starts it).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPerson, signIn, visible } from './support/browser';
import { ConsolePlatform, type ConsoleUser } from './support/platform';

const LIFECYCLE_BUTTONS = /^(Accept|Decline|Withdraw|Suspend|Resume|Terminate|Record an activity)$/;

describe('the console: proposing, accepting, seeing, and what each role may press', () => {
  let platform: ConsolePlatform;
  let browser: Browser;
  let cityA: string;
  let cityB: string;
  let officerA: ConsoleUser;
  let officerB: ConsoleUser;
  let observer: ConsoleUser;
  const title = `Busan–Da Nang harbour exchange ${Date.now().toString(36)}`;
  let partnershipId: string;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([ConsolePlatform.start('console_flows'), launchChromium()]);
    [cityA, cityB] = await platform.memberCities(
      {
        name: 'Busan',
        countryCode: 'KR',
        localName: '부산',
        languages: ['ko'],
        latitude: 35.18,
        longitude: 129.08,
      },
      {
        name: 'Da Nang',
        countryCode: 'VN',
        localName: 'Đà Nẵng',
        languages: ['vi'],
        latitude: 16.05,
        longitude: 108.2,
      },
    );
    [officerA, officerB, observer] = await Promise.all([
      platform.user('city-officer', { cityId: cityA }),
      platform.user('city-officer', { cityId: cityB }),
      platform.user('observer'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const statusOf = (page: Page) => page.getByTestId('partnership-status');

  /** The partnerships list's row for our partnership, once it shows `status`. */
  const listRowShows = async (page: Page, status: string) => {
    await page.goto(platform.url('/partnerships'));
    await visible(page.getByRole('heading', { level: 1, name: 'Partnerships' }));
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await visible(row.getByRole('cell', { name: status, exact: true }));
  };

  const mapListShows = async (page: Page, status: string) => {
    await page.goto(platform.url('/map'));
    await visible(page.getByRole('heading', { level: 1, name: 'Map and network' }));
    await visible(page.getByRole('img', { name: 'Map of member cities and partnerships' }));
    const shown = page.getByRole('region', { name: 'Partnerships shown' });
    await visible(shown.getByRole('listitem').filter({ hasText: title }).filter({ hasText: status }));
  };

  it("officer A proposes; officer B finds it awaiting their city's acceptance and accepts; both see it active", async () => {
    const a = await newPerson(browser);
    await signIn(a.page, platform.gateway.url, officerA);
    await a.page.getByRole('navigation').getByRole('link', { name: 'Partnerships' }).click();
    await a.page.getByRole('link', { name: 'Propose a partnership' }).click();
    await visible(a.page.getByRole('heading', { level: 1, name: 'Propose a partnership' }));
    await a.page.getByLabel('Title').fill(title);
    await a.page.getByLabel('Description').fill('Port authorities share green-shipping practice.');
    expect(await a.page.getByLabel('Proposing city').inputValue()).toBe(cityA);
    await a.page.getByLabel('Partner city').selectOption({ label: 'Da Nang' });
    await a.page.getByLabel('Type', { exact: true }).selectOption('technical-cooperation');
    await a.page.getByLabel('Cooperation areas').selectOption(['transport', 'environment-and-climate']);
    await a.page.getByLabel('SDG numbers (comma-separated)').fill('9, 14');
    await a.page.getByLabel('Start date').fill('2027-01-01');
    await a.page.getByRole('button', { name: 'Propose' }).click();
    await a.page.waitForURL(/\/console\/partnerships\/[0-9a-f-]{36}$/);
    partnershipId = a.page.url().split('/').pop()!;
    await visible(a.page.getByRole('heading', { level: 1, name: title }));
    await visible(statusOf(a.page).filter({ hasText: /^proposed$/ }));
    // The proposer may withdraw but not answer its own proposal.
    expect(await a.page.getByRole('button', { name: LIFECYCLE_BUTTONS }).allTextContents()).toEqual([
      'Withdraw',
    ]);

    const b = await newPerson(browser);
    await signIn(b.page, platform.gateway.url, officerB);
    const awaiting = b.page.getByRole('region', { name: "Awaiting my city's acceptance" });
    await (await visible(awaiting.getByRole('link', { name: title, exact: true }))).click();
    await visible(statusOf(b.page).filter({ hasText: /^proposed$/ }));
    await b.page.getByRole('button', { name: 'Accept', exact: true }).click();
    await b.page.getByRole('button', { name: 'Confirm' }).click();
    await visible(statusOf(b.page).filter({ hasText: /^active$/ }));
    const history = b.page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await visible(history.filter({ hasText: 'proposed → active' }));

    for (const person of [a, b]) {
      await listRowShows(person.page, 'active');
      await mapListShows(person.page, 'active');
    }
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('shows an observer no action buttons on the partnership, the list or the city page, and no secretariat menus', async () => {
    expect(partnershipId).toBeDefined();
    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, observer);
    const nav = page.getByRole('navigation');
    await visible(nav.getByRole('link', { name: 'Partnerships' }));
    for (const menu of ['Users', 'Webhooks', 'Dead letters']) {
      expect(await nav.getByRole('link', { name: menu }).count()).toBe(0);
    }

    await page.goto(platform.url(`/partnerships/${partnershipId}`));
    await visible(statusOf(page).filter({ hasText: /^active$/ }));
    await visible(page.getByRole('region', { name: 'History' }).getByRole('listitem'));
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);

    await listRowShows(page, 'active');
    expect(await page.getByRole('link', { name: 'Propose a partnership' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);

    await page.goto(platform.url(`/cities/${cityB}`));
    await visible(page.getByRole('heading', { level: 1, name: 'Da Nang' }));
    await visible(page.getByRole('region', { name: 'Partnerships' }).getByRole('link', { name: title }));
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /Propose/ })
        .count(),
    ).toBe(0);
    await context.close();
  });

  it("sends a deactivated account's next action to sign-in, remembering the page it was on", async () => {
    const secretariat = await platform.user('secretariat');
    const victim = await platform.user('city-officer', { cityId: cityB });

    const them = await newPerson(browser);
    await signIn(them.page, platform.gateway.url, victim);
    await them.page.goto(platform.url('/cities'));
    await visible(them.page.getByRole('link', { name: 'Busan' }));

    const admin = await newPerson(browser);
    await signIn(admin.page, platform.gateway.url, secretariat);
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    const row = admin.page.getByRole('row').filter({ hasText: victim.email });
    await visible(row.getByRole('cell', { name: 'active', exact: true }));
    await row.getByRole('button', { name: `Deactivate ${victim.email}` }).click();
    const dialog = admin.page.getByRole('dialog');
    await visible(dialog.getByText(victim.email));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await visible(row.getByRole('cell', { name: 'deactivated', exact: true }));
    // The secretariat never sees a button that would lock themselves out.
    const ownRow = admin.page.getByRole('row').filter({ hasText: secretariat.email });
    expect(await ownRow.getByRole('button').count()).toBe(0);

    await them.page.getByLabel('Search').fill('Da Nag');
    await them.page.waitForURL(/\/console\/sign-in\?next=/);
    const next = new URL(them.page.url()).searchParams.get('next');
    expect(next).toBe('/cities?q=Da+Nag');
    await visible(them.page.getByText('Your session has ended. Sign in again.'));
    await Promise.all([them.context.close(), admin.context.close()]);
  });
});

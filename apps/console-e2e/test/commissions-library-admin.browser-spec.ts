/**
 * The console's commissions, library, inbox and secretariat tools in a real browser against the real
 * platform (see partnership-flows.browser-spec.ts for how it runs): an officer applies for their city
 * and the commission's officer approves; meetings are scheduled, cancelled and held; a practice is submitted and published; the secretariat
 * subscribes a webhook and reads the dead letters; an observer sees no buttons; axe-core finds no
 * serious or critical violation on these pages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@c2c/testing';
import { launchChromium, newPerson, signIn, visible } from './support/browser';
import { ConsolePlatform, type ConsoleUser } from './support/platform';

const ADMITTED = 'c2c.commission.member-admitted.v1';

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now, by rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describe('the console: commissions, the library, the inbox and the secretariat tools', () => {
  let platform: ConsolePlatform;
  let browser: Browser;
  let cityA: string;
  let commission: { id: string; name: string };
  let officerA: ConsoleUser;
  let commissionOfficer: ConsoleUser;
  let observer: ConsoleUser;
  let secretariat: ConsoleUser;
  const practiceTitle = `Harbour shore power ${Date.now().toString(36)}`;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([ConsolePlatform.start('console_cooperation'), launchChromium()]);
    [cityA] = await platform.memberCities({
      name: 'Incheon',
      countryCode: 'KR',
      localName: '인천',
      languages: ['ko'],
    });
    const commissions = await platform.api<{ items: { id: string; name: string; number: number }[] }>(
      'GET',
      '/commissions',
    );
    commission = commissions.items.find((candidate) => candidate.number === 2) ?? commissions.items[0];
    [officerA, commissionOfficer, observer, secretariat] = await Promise.all([
      platform.user('city-officer', { cityId: cityA }),
      platform.user('commission-officer', { commissionIds: [commission.id] }),
      platform.user('observer'),
      platform.user('secretariat'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const openCommission = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Commissions' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Commissions' }));
    await page.getByRole('link', { name: commission.name, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: commission.name }));
  };

  it("lets an officer apply for their city and the commission's officer approve it", async () => {
    const a = await newPerson(browser);
    await signIn(a.page, platform.gateway.url, officerA);
    await openCommission(a.page);
    const applications = a.page.getByRole('region', { name: 'Membership applications' });
    expect(await applications.getByLabel('Applying city').inputValue()).toBe(cityA);
    await applications.getByLabel('Motivation').fill('Our port wants to share its shore-power work.');
    await applications.getByRole('button', { name: 'Apply', exact: true }).click();
    // Applied, the city is told where it stands rather than offered the form again (a 409).
    await visible(applications.getByTestId('commission-standing').filter({ hasText: 'Incheon has applied' }));
    expect(await applications.getByLabel('Motivation').count()).toBe(0);
    const request = applications.getByTestId('membership-request').filter({ hasText: 'Incheon' });
    await visible(request.getByTestId('membership-request-status').filter({ hasText: /^pending$/ }));
    // The applicant does not decide its own application.
    expect(
      await applications.getByRole('button', { name: /^(Approve|Reject) the application/ }).count(),
    ).toBe(0);
    expect(await seriousViolations(a.page)).toEqual([]);
    await a.context.close();

    const k = await newPerson(browser);
    await signIn(k.page, platform.gateway.url, commissionOfficer);
    await openCommission(k.page);
    const pending = k.page.getByRole('region', { name: 'Membership applications' });
    await (
      await visible(pending.getByRole('button', { name: 'Approve the application of Incheon' }))
    ).click();
    const members = k.page.getByRole('region', { name: 'Members', exact: true });
    await visible(members.getByRole('row').filter({ hasText: 'Incheon' }).filter({ hasText: 'member' }));
    await visible(pending.getByText('No applications.'));
    await k.context.close();
  });

  it('shows an officer their notifications, unread first with the count, filtered by type, and marks them read', async () => {
    const token = await platform.gateway.login(officerA.email, officerA.password);
    // The admission reaches the inbox over the broker (for the city, and for it as a member now): wait
    // for it through the API first.
    let admitted = 0;
    await eventually(
      async () => {
        const inbox = await platform.api<{ items: unknown[] }>(
          'GET',
          `/notifications?type=${ADMITTED}`,
          undefined,
          token,
        );
        admitted = inbox.items.length;
        expect(admitted).toBeGreaterThan(0);
      },
      { timeout: 30_000 },
    );

    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, officerA);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Inbox' }));
    await visible(page.getByTestId('unread-count').filter({ hasText: /^[1-9]\d* unread notifications?$/ }));
    const markRead = page.getByRole('button', { name: /^Mark read: / });
    await visible(markRead);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Type', { exact: true }).selectOption(ADMITTED);
    const items = page.getByRole('main').getByRole('listitem');
    await visible(items.filter({ hasText: ADMITTED }));
    expect(await items.count()).toBe(admitted);
    expect(await markRead.count()).toBe(admitted);
    await markRead.first().click();
    await eventually(async () => expect(await markRead.count()).toBe(admitted - 1), { timeout: 15_000 });

    await page.getByLabel('Type', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await visible(page.getByRole('status').filter({ hasText: /notifications? marked read/ }));
    await visible(page.getByTestId('unread-count').filter({ hasText: /^0 unread notifications$/ }));
    expect(await markRead.count()).toBe(0);
    await context.close();
  });

  it("lets the owner city move a follow-up action, and explains another's change in between with Reload", async () => {
    const meeting = await platform.api<{ id: string }>('POST', `/commissions/${commission.id}/meetings`, {
      title: 'Spring session',
      startsAt: '2026-04-14T02:00:00Z',
      timeZone: 'Asia/Seoul',
      hostCityId: cityA,
    });
    await platform.api('POST', `/commissions/${commission.id}/meetings/${meeting.id}/minutes`, {
      attendingCityIds: [cityA],
      minutes: 'Shore power was discussed.',
    });
    const resolution = await platform.api<{ id: string; actions: { id: string }[] }>(
      'POST',
      `/commissions/${commission.id}/resolutions`,
      {
        meetingId: meeting.id,
        kind: 'resolution',
        title: 'Green ports resolution',
        text: 'The members share their shore-power experience.',
        actions: [{ ownerCityId: cityA, description: 'Write up the Incheon pilot', dueDate: '2027-03-31' }],
      },
    );

    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, officerA);
    await openCommission(page);
    await visible(page.getByTestId('commission-standing').filter({ hasText: 'Incheon is a member' }));
    const row = page.getByTestId('follow-up-action').filter({ hasText: 'Write up the Incheon pilot' });
    const status = row.getByTestId('action-status');
    await visible(status.filter({ hasText: /^open$/ }));
    await row.getByLabel('New status of “Write up the Incheon pilot”').selectOption('in-progress');
    await row.getByRole('button', { name: 'Change status' }).click();
    await visible(status.filter({ hasText: /^in-progress$/ }));

    // Someone else moves it back meanwhile: this page's version is stale, the API answers 412.
    const actionPath = `/api/v1/commissions/${commission.id}/resolutions/${resolution.id}/actions/${resolution.actions[0].id}`;
    const elsewhere = await platform.gateway.call('PATCH', actionPath, {
      token: platform.adminToken,
      body: { status: 'open' },
      headers: { 'if-match': 'W/"2"' },
    });
    expect(elsewhere.status).toBe(200);
    await row.getByLabel('New status of “Write up the Incheon pilot”').selectOption('done');
    await row.getByRole('button', { name: 'Change status' }).click();
    const conflict = row
      .getByRole('alert')
      .filter({ hasText: 'Someone changed this while you were looking at it' });
    await (await visible(conflict.getByRole('button', { name: 'Reload' }))).click();
    await visible(status.filter({ hasText: /^open$/ }));
    expect(await conflict.count()).toBe(0);
    await context.close();
  });

  it("lets the commission's officer schedule a meeting at the host city's wall time, cancel one and record another as held", async () => {
    const title = `Shore power workshop ${Date.now().toString(36)}`;
    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, commissionOfficer);
    await openCommission(page);
    const meetings = page.getByRole('region', { name: 'Meetings', exact: true });
    const form = meetings.getByRole('form', { name: 'Schedule a meeting' });
    await form.getByLabel('Title').fill(title);
    // Without a start the console says so at the field, before asking the API.
    await form.getByRole('button', { name: 'Schedule', exact: true }).click();
    await visible(form.getByText('Give the date and time the meeting starts.'));
    await form.getByLabel('Starts').fill('2027-03-10T09:30');
    await form.getByLabel('Time zone').fill('Asia/Seoul');
    await form.getByLabel('Host city').selectOption(cityA);
    await form.getByLabel('Agenda').fill('Shore power at the cruise terminal\nFunding and tariffs');
    await form.getByRole('button', { name: 'Schedule', exact: true }).click();
    await visible(form.getByRole('status').filter({ hasText: 'The meeting is scheduled' }));

    const row = meetings.getByTestId('meeting').filter({ hasText: title });
    await visible(row.filter({ hasText: '2027-03-10 09:30' }).filter({ hasText: 'Asia/Seoul' }));
    await visible(row.getByRole('listitem').filter({ hasText: 'Funding and tariffs' }));
    await visible(row.getByTestId('meeting-status').filter({ hasText: /^scheduled$/ }));
    // The API holds the instant: 09:30 in Seoul (UTC+9) is 00:30 UTC.
    const listed = await platform.api<{
      items: { title: string; startsAt: string; hostCityId: string | null }[];
    }>('GET', `/commissions/${commission.id}/meetings?limit=100`);
    expect(listed.items.find((meeting) => meeting.title === title)).toMatchObject({
      startsAt: '2027-03-10T00:30:00.000Z',
      hostCityId: cityA,
    });
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Cancel the meeting “${title}”` }).click();
    await row.getByLabel('Reason for cancelling').fill('Postponed because of the typhoon warning.');
    await row.getByRole('button', { name: 'Cancel the meeting', exact: true }).click();
    await visible(row.getByTestId('meeting-status').filter({ hasText: /^cancelled$/ }));
    await visible(row.getByText('Postponed because of the typhoon warning.'));
    // A cancelled meeting is not cancelled twice.
    expect(await row.getByRole('button', { name: /^Cancel the meeting/ }).count()).toBe(0);

    // An online meeting, held: the attendance is chosen among the commission's members (Incheon,
    // admitted by the first test), and the minutes are kept.
    const online = `Online follow-up ${Date.now().toString(36)}`;
    await form.getByLabel('Title').fill(online);
    await form.getByLabel('Starts').fill('2027-03-24T15:00');
    await form.getByLabel('Online link').fill('https://meet.example.org/c2c-shore-power');
    await form.getByRole('button', { name: 'Schedule', exact: true }).click();
    const held = meetings.getByTestId('meeting').filter({ hasText: online });
    await (await visible(held.getByRole('button', { name: `Record as held: “${online}”` }))).click();
    const minutes = held.getByRole('form', { name: `Record as held: “${online}”` });
    await minutes.getByRole('checkbox', { name: /Incheon/ }).check();
    await minutes.getByLabel('Minutes').fill('Agreed on a joint tariff study.');
    await minutes.getByRole('button', { name: 'Record the meeting' }).click();
    await visible(held.getByTestId('meeting-status').filter({ hasText: /^held$/ }));
    await held.getByText('Minutes (1 city attending)').click();
    await visible(held.getByText('Agreed on a joint tariff study.'));
    expect(await held.getByRole('button', { name: /^(Record|Cancel)/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets an officer submit a practice for their city and a reviewer publish it into the library', async () => {
    const a = await newPerson(browser);
    await signIn(a.page, platform.gateway.url, officerA);
    await a.page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await visible(a.page.getByRole('heading', { level: 1, name: 'Best-practice library' }));
    expect(await seriousViolations(a.page)).toEqual([]);
    await a.page.getByRole('link', { name: 'Submit a practice' }).click();
    await visible(a.page.getByRole('heading', { level: 1, name: 'Submit a practice' }));
    // Submitting with nothing filled in: the API's field errors appear beside their fields.
    await a.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await visible(a.page.getByText('The practice was not submitted: correct the fields marked below.'));
    expect(await a.page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await a.page.getByLabel('City', { exact: true }).inputValue()).toBe(cityA);
    await a.page.getByLabel('Title').fill(practiceTitle);
    await a.page.getByLabel('Problem').fill('Ships idle their diesel engines at the quay.');
    await a.page.getByLabel('Solution').fill('Shore power at every container berth.');
    await a.page.getByLabel('Results').fill('A third less NOx in the harbour district.');
    await a.page.getByLabel('Contact name').fill('Kim Min-jun');
    await a.page.getByRole('group', { name: 'Common challenges' }).getByRole('checkbox').first().check();
    await a.page
      .getByRole('group', { name: 'SDGs' })
      .getByRole('checkbox', { name: /^SDG 14\b/ })
      .check();
    expect(await seriousViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await a.page.waitForURL(/\/console\/library\/[0-9a-f-]{36}$/);
    await visible(a.page.getByRole('heading', { level: 1, name: practiceTitle }));
    await visible(a.page.getByTestId('practice-status').filter({ hasText: /^submitted$/ }));
    expect(await a.page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    const practiceUrl = a.page.url();
    await a.context.close();

    const k = await newPerson(browser);
    await signIn(k.page, platform.gateway.url, commissionOfficer);
    await k.page.goto(practiceUrl);
    await visible(k.page.getByTestId('practice-status').filter({ hasText: /^submitted$/ }));
    expect(await seriousViolations(k.page)).toEqual([]);
    await k.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await visible(k.page.getByTestId('practice-status').filter({ hasText: /^published$/ }));
    expect(await k.page.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    await k.page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await k.page.getByLabel('Search', { exact: true }).fill('shore power');
    await k.page.getByRole('button', { name: 'Search the library' }).click();
    await visible(k.page.getByTestId('practice').getByRole('link', { name: practiceTitle }));
    await k.context.close();
  });

  it('lets a reviewer return a practice with comments, which the city finds among its own returned ones, revises and submits again', async () => {
    const token = await platform.gateway.login(officerA.email, officerA.password);
    const returnedTitle = `Night-market waste sorting ${Date.now().toString(36)}`;
    const practice = await platform.api<{ id: string }>(
      'POST',
      '/best-practices',
      {
        cityId: cityA,
        title: returnedTitle,
        problem: 'Night markets leave mixed waste.',
        solution: 'Sorting stations staffed by vendors.',
        results: 'Half the waste recycled.',
        contact: { name: 'Lee Ji-woo' },
        challenges: ['environment'],
        sdgs: [11, 12],
        cooperationAreas: ['environment-and-climate'],
      },
      token,
    );

    const k = await newPerson(browser);
    await signIn(k.page, platform.gateway.url, commissionOfficer);
    await k.page.goto(platform.url(`/library/${practice.id}`));
    await visible(k.page.getByTestId('practice-status').filter({ hasText: /^submitted$/ }));
    await k.page.getByRole('button', { name: 'Return with comments' }).click();
    await k.page.getByLabel('Comments for the city').fill('Please add the costs per market.');
    await k.page.getByRole('button', { name: 'Return the practice' }).click();
    await visible(k.page.getByTestId('practice-status').filter({ hasText: /^returned$/ }));
    await visible(k.page.getByText('Please add the costs per market.'));
    expect(await k.page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await k.context.close();

    const a = await newPerson(browser);
    await signIn(a.page, platform.gateway.url, officerA);
    await a.page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await visible(a.page.getByRole('heading', { level: 1, name: 'Best-practice library' }));
    // The published library holds no returned practice; the city's own returned ones are a filter away.
    await a.page.getByLabel('Status', { exact: true }).selectOption('returned');
    await visible(a.page.getByTestId('practice').getByRole('link', { name: returnedTitle }));
    expect(await a.page.getByLabel('City', { exact: true }).inputValue()).toBe(cityA);
    expect(await seriousViolations(a.page)).toEqual([]);

    // The city revises it from the practice as it is, answering the comments, and submits it again.
    await a.page.getByTestId('practice').getByRole('link', { name: returnedTitle }).click();
    await a.page.getByRole('link', { name: 'Revise and submit again' }).click();
    await visible(a.page.getByRole('heading', { level: 1, name: 'Revise the practice' }));
    const results = a.page.getByLabel('Results');
    expect(await results.inputValue()).toBe('Half the waste recycled.');
    expect(await a.page.getByRole('checkbox', { name: /^SDG 11\b/ }).isChecked()).toBe(true);
    await results.fill('Half the waste recycled, at 1,200 USD per market a year.');
    expect(await seriousViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Submit the revision' }).click();
    await visible(a.page.getByTestId('practice-status').filter({ hasText: /^submitted$/ }));
    await visible(a.page.getByText('at 1,200 USD per market a year'));
    const revised = await platform.api<{ status: string; results: string; sdgs: number[] }>(
      'GET',
      `/best-practices/${practice.id}`,
    );
    expect(revised).toMatchObject({
      status: 'submitted',
      results: 'Half the waste recycled, at 1,200 USD per market a year.',
      sdgs: [11, 12],
    });
    await a.context.close();
  });

  it('shows an observer the commission, the library and their inbox without action buttons or secretariat menus', async () => {
    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, observer);
    const nav = page.getByRole('navigation');
    for (const menu of ['Webhooks', 'Dead letters']) {
      expect(await nav.getByRole('link', { name: menu }).count()).toBe(0);
    }
    await openCommission(page);
    await visible(
      page
        .getByRole('region', { name: 'Members', exact: true })
        .getByRole('row')
        .filter({ hasText: 'Incheon' }),
    );
    await visible(page.getByRole('region', { name: 'Resolutions and declarations' }));
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('main').getByLabel('Motivation').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Schedule a meeting' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await nav.getByRole('link', { name: 'Commissions' }).click();
    await visible(page.getByRole('link', { name: commission.name, exact: true }));
    expect(await seriousViolations(page)).toEqual([]);

    await nav.getByRole('link', { name: /^Inbox/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Inbox' }));
    await visible(page.getByTestId('unread-count').filter({ hasText: /unread notification/ }));
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(platform.url('/webhooks'));
    await visible(page.getByText('Your account may not see this.'));
    await context.close();
  });

  it('lets the secretariat subscribe a webhook, see its secret once, rotate it and delete it, and read the dead letters', async () => {
    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, secretariat);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Webhooks' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Webhooks' }));
    expect(await seriousViolations(page)).toEqual([]);

    const target = `https://partner-${Date.now().toString(36)}.example.org/c2c-events`;
    await page.getByLabel('Target URL').fill(target);
    await page.getByLabel('Event types').fill('c2c.partnership.*, c2c.commission.member-admitted.v1');
    await page.getByLabel('Description').fill('The partner portal');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const secretNotice = page.getByTestId('webhook-secret');
    const secret = (await (await visible(secretNotice.locator('code'))).textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await secretNotice.getByRole('button', { name: 'I have stored it' }).click();
    await secretNotice.waitFor({ state: 'detached' });
    const subscription = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: target }) });
    await visible(subscription.getByTestId('webhook-status').filter({ hasText: /^active$/ }));

    await subscription.getByRole('button', { name: `Rotate the secret of ${target}` }).click();
    const rotated = (await (await visible(secretNotice.locator('code'))).textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await secretNotice.getByRole('button', { name: 'I have stored it' }).click();

    await subscription.getByRole('button', { name: `Delivery log of ${target}` }).click();
    await visible(subscription.getByText('Nothing delivered yet.'));
    expect(await seriousViolations(page)).toEqual([]);

    await subscription.getByRole('button', { name: `Delete the subscription of ${target}` }).click();
    await subscription.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: target }).waitFor({ state: 'detached' });

    await nav.getByRole('link', { name: 'Dead letters' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Dead letters' }));
    await page.getByLabel('Service', { exact: true }).selectOption('commissions');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await visible(page.getByText('No dead letters.'));
    expect(await page.getByText('Not answering right now').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the secretariat a real dead letter with its reason and record, and replays it', async () => {
    const eventId = await platform.poisonCitiesTopic();
    const { context, page } = await newPerson(browser);
    await signIn(page, platform.gateway.url, secretariat);
    await page.getByRole('navigation').getByRole('link', { name: 'Dead letters' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Dead letters' }));
    await page.getByLabel('Service', { exact: true }).selectOption('commissions');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const letter = page.getByTestId('dead-letter').filter({ hasText: 'c2c.city.archived.v1' });
    await visible(letter.filter({ hasText: 'unresolved' }));
    expect(await letter.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await letter.getByRole('button', { name: /^Inspect commissions\// }).click();
    const detail = page.getByRole('region', { name: /^Dead letter commissions\// });
    await visible(detail.getByText(eventId, { exact: true }));
    await visible(detail.getByText(/c2c\.cities\.v1 partition \d+ offset \d+/));
    await detail.getByRole('button', { name: 'Close' }).click();

    // Still not JSON: its consumer sets it aside again, and the page says so.
    await letter.getByRole('button', { name: /^Replay commissions\// }).click();
    const outcome = await visible(page.getByTestId('replay-outcome'));
    await visible(outcome.getByText('1 letter replayed.'));
    await visible(outcome.getByText('dead-lettered: 1'));
    await eventually(async () => expect(await letter.count()).toBe(2), { timeout: 15_000 });
    await context.close();
  });
});

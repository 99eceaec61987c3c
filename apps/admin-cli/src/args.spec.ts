import { parseCommand, UsageError } from './args';

const NOW = new Date('2026-12-02T12:00:00.000Z');
const parse = (line: string) => parseCommand(line.split(' ').filter(Boolean), NOW);

function usageError(line: string): UsageError {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`"${line}" was accepted`);
}

describe(parseCommand.name, () => {
  const helpText = (line: string): string => {
    const command = parse(line);
    if (command.name !== 'help') throw new Error(`"${line}" is not help`);
    return command.text;
  };

  it.each(['', '--help', '-h', 'help'])('prints the tool help for "%s"', (line) => {
    expect(helpText(line)).toContain('dead-letters replay');
  });

  it.each([
    'dead-letters list',
    'dead-letters show',
    'dead-letters replay',
    'outbox',
    'consumers',
    'rebuild-read-model',
    'webhooks redeliver',
  ])('has --help for %s, naming its options', (name) => {
    expect(helpText(`${name} --help`)).toContain(`npm run admin -- ${name}`);
    expect(helpText(`${name} -h`)).toContain('--help');
  });

  it('lists by service, type and time, relative times counted back from now', () => {
    expect(
      parse('dead-letters list --service partnerships --type c2c.city.registered.v1 --since 2h --json'),
    ).toEqual({
      name: 'dead-letters list',
      service: 'partnerships',
      type: 'c2c.city.registered.v1',
      since: '2026-12-02T10:00:00.000Z',
      json: true,
    });
    expect(parse('dead-letters list --since 2026-12-01T08:00:00+02:00')).toMatchObject({
      since: '2026-12-01T06:00:00.000Z',
      json: false,
    });
  });

  it('shows and replays one letter by position', () => {
    expect(parse('dead-letters show --service commissions --position 2:17')).toEqual({
      name: 'dead-letters show',
      service: 'commissions',
      partition: 2,
      offset: '17',
      json: false,
    });
    expect(parse('dead-letters replay --service commissions --position 0:3')).toMatchObject({
      service: 'commissions',
      selection: { partition: 0, offset: '3' },
    });
  });

  it('replays by type, time or all', () => {
    expect(parse('dead-letters replay --type c2c.city.archived.v1')).toMatchObject({
      service: undefined,
      selection: { type: 'c2c.city.archived.v1', since: undefined },
    });
    expect(parse('dead-letters replay --service partnerships --since 30m')).toMatchObject({
      selection: { since: '2026-12-02T11:30:00.000Z' },
    });
    expect(parse('dead-letters replay --all')).toMatchObject({ selection: { all: true } });
  });

  it('rebuilds a read model a service keeps', () => {
    expect(parse('rebuild-read-model --service commissions --model city --check')).toEqual({
      name: 'rebuild-read-model',
      service: 'commissions',
      model: 'city',
      check: true,
    });
  });

  it('redelivers a webhook delivery by ids', () => {
    const subscription = '6f1c7a52-8c3e-4c55-9d0e-1f2a3b4c5d6e';
    const delivery = '0b7e5f3a-2d4c-4e6f-8a9b-c1d2e3f4a5b6';
    expect(parse(`webhooks redeliver --subscription ${subscription} --delivery ${delivery}`)).toEqual({
      name: 'webhooks redeliver',
      subscription,
      delivery,
      json: false,
    });
  });

  it.each([
    ['frobnicate', 'unknown command "frobnicate"'],
    ['dead-letters', 'dead-letters needs a subcommand: list, show, replay'],
    ['webhooks', 'webhooks needs a subcommand: redeliver'],
    ['outbox --verbose', "Unknown option '--verbose'"],
    ['outbox extra', 'Unexpected argument'],
    [
      'dead-letters list --service billing',
      '--service must be one of cities, partnerships, commissions, notifications',
    ],
    ['dead-letters list --since yesterday', '--since must be an ISO 8601 time'],
    ['dead-letters list --since 2026-13-45', '--since must be an ISO 8601 time'],
    ['dead-letters list --type', "Option '--type <value>' argument missing"],
    ['dead-letters show --position 0:1', '--service is required'],
    ['dead-letters show --service cities', '--position is required'],
    ['dead-letters show --service cities --position 1-2', '--position must be <partition>:<offset>'],
    ['dead-letters replay', 'say what to replay'],
    ['dead-letters replay --position 0:1', '--service is required with --position'],
    ['dead-letters replay --service cities --position 0:1 --all', '--position replays one letter'],
    ['dead-letters replay --all --type c2c.city.archived.v1', '--all replays every letter'],
    ['rebuild-read-model --service partnerships', '--model is required'],
    ['rebuild-read-model --service partnerships --model partnership', '--model must be one of city'],
    ['rebuild-read-model --service cities --model city', 'cities keeps no city model'],
    ['webhooks redeliver --subscription x --delivery y', '--subscription must be a uuid'],
  ])('refuses "%s": %s', (line, message) => {
    const error = usageError(line);
    expect(error.message).toContain(message);
    expect(error.usage).toContain('npm run admin --');
  });
});

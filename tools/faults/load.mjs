// The steady stream of commands through the gateway, sent as a careful client sends them: each
// command with an Idempotency-Key of its own, retried with the SAME key after a network error, a 5xx,
// a 429 or a 409 "key in use" (its first attempt still held), with capped exponential backoff, until
// an answer or the command's deadline. Every command is recorded with every attempt and its answer.
import { Agent, request } from 'undici';

const RETRY_DEADLINE_MS = 150_000; // longer than the gateway's 60 s hold on an abandoned key

export class Client {
  constructor(base, credentials) {
    this.base = base;
    this.credentials = credentials;
    // Short timeouts: a paused service must not hold a client for minutes.
    this.agent = new Agent({ connect: { timeout: 5_000 }, headersTimeout: 30_000, bodyTimeout: 30_000 });
  }

  async signIn() {
    const answer = await this.call('POST', '/auth/token', this.credentials, { signIn: true });
    if (answer.status !== 200) throw new Error(`sign-in: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = answer.body.accessToken;
  }

  /** One attempt: { status (0 = no answer), body }. */
  async call(method, url, body, { key, signIn = false } = {}) {
    try {
      const response = await request(`${this.base}/api/v1${url}`, {
        method,
        dispatcher: this.agent,
        headers: {
          ...(signIn ? {} : { authorization: `Bearer ${this.token}` }),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.body.text();
      let parsed;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.statusCode, body: parsed };
    } catch (error) {
      return { status: 0, body: { error: error.code ?? error.message } };
    }
  }

  /** A command to its final answer, the same key on every attempt. */
  async command(record) {
    const started = Date.now();
    record.attempts = [];
    for (let attempt = 0; ; attempt++) {
      const answer = await this.call(record.method, record.path, record.body, { key: record.key });
      record.attempts.push(answer.status);
      if (answer.status === 401 && attempt < 3) {
        // A token signed by a key the restarted gateway no longer trusts, or simply expired.
        await this.signIn().catch(() => undefined);
        continue;
      }
      const keyInUse = answer.status === 409 && String(answer.body?.type ?? '').includes('idempotency');
      const retry = answer.status === 0 || answer.status >= 500 || answer.status === 429 || keyInUse;
      if (!retry || Date.now() - started > RETRY_DEADLINE_MS) {
        record.status = answer.status;
        record.answer = answer.body;
        record.ms = Date.now() - started;
        record.finishedAt = Date.now();
        return record;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())),
      );
    }
  }
}

const COUNTRIES = ['ID', 'JP', 'KR', 'VN', 'TH', 'PH', 'MY', 'IN'];

/**
 * The commands: what each sends and what a 2xx of it promises (checked by reconcile.mjs). `marker`
 * is unique to the command and lands in the resource (name, title, motivation), so a doubled effect
 * (two rows from one command) is found even when the client saw only one id.
 */
export class CommandStream {
  constructor({ random, run, cities, commissions }) {
    this.random = random;
    this.run = run;
    this.cities = cities; // setup cities, known to every service: [{ id, countryCode, email }]
    this.pairs = random.shuffle(cities.flatMap((city) => commissions.map((c) => ({ city, commission: c }))));
    this.n = 0;
  }

  next() {
    const n = ++this.n;
    const marker = `F${this.run}-${n}`;
    const base = { n, key: `faults-${this.run}-${n}`, marker };
    const roll = this.random.next();
    const [a, b] = this.twoCountries();
    if (roll < 0.3)
      return {
        ...base,
        kind: 'city',
        method: 'POST',
        path: '/cities',
        body: { name: marker, countryCode: this.random.pick(COUNTRIES), level: 'metropolitan-city' },
      };
    if (roll < 0.5)
      return {
        ...base,
        kind: 'partnership',
        method: 'POST',
        path: '/partnerships',
        cityIds: [a.id, b.id],
        body: {
          type: 'project-partnership',
          title: marker,
          proposerCityId: a.id,
          participantCityIds: [b.id],
          cooperationAreas: ['environment-and-climate'],
        },
        followUp: (created) => ({
          n: ++this.n,
          key: `faults-${this.run}-${this.n}`,
          marker,
          kind: 'acceptance',
          method: 'POST',
          path: `/partnerships/${created.id}/acceptances`,
          partnershipId: created.id,
          cityIds: [a.id, b.id],
          body: { cityId: b.id },
        }),
      };
    if (roll < 0.6 && this.pairs.length > 0) {
      const { city, commission } = this.pairs.pop();
      return {
        ...base,
        kind: 'membership',
        method: 'POST',
        path: `/commissions/${commission}/membership-requests`,
        cityIds: [city.id],
        body: { cityId: city.id, motivation: marker },
      };
    }
    if (roll < 0.85)
      return {
        ...base,
        kind: 'practice',
        method: 'POST',
        path: '/best-practices',
        cityIds: [a.id],
        body: {
          cityId: a.id,
          title: marker,
          problem: 'Organic waste was half of what the city burned.',
          solution: 'Households compost in baskets.',
          results: 'Household waste fell by a fifth.',
          contact: { name: 'Environment Bureau' },
          challenges: ['environment'],
          sdgs: [11, 12],
          cooperationAreas: ['environment-and-climate'],
        },
        followUp: (created) => ({
          n: ++this.n,
          key: `faults-${this.run}-${this.n}`,
          marker,
          kind: 'publication',
          method: 'POST',
          path: `/best-practices/${created.id}/publication`,
          practiceId: created.id,
          cityIds: [a.id],
        }),
      };
    // Bad input on purpose: a 4xx that must leave no trace.
    return roll < 0.93
      ? {
          ...base,
          kind: 'invalid-city',
          method: 'POST',
          path: '/cities',
          body: { name: marker, countryCode: 'ID', level: 'galaxy' },
        }
      : {
          ...base,
          kind: 'invalid-partnership',
          method: 'POST',
          path: '/partnerships',
          body: {
            type: 'project-partnership',
            title: marker,
            proposerCityId: a.id,
            participantCityIds: [a.id],
            cooperationAreas: ['environment-and-climate'],
          },
        };
  }

  twoCountries() {
    const a = this.random.pick(this.cities);
    const others = this.cities.filter((city) => city.countryCode !== a.countryCode);
    return [a, this.random.pick(others)];
  }
}

/**
 * `workers` clients in parallel until `shouldStop()`, optionally paced to `rate` commands a second in
 * all; each 2xx with a follow-up (an acceptance, a publication) is sent next by the same worker.
 */
export async function driveLoad({ client, stream, workers, shouldStop, rate, records }) {
  let nextSlot = Date.now();
  const worker = async () => {
    while (!shouldStop()) {
      if (rate) {
        const wait = nextSlot - Date.now();
        nextSlot = Math.max(nextSlot, Date.now()) + 1000 / rate;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      let command = stream.next();
      while (command) {
        command.startedAt = Date.now();
        records.push(command);
        await client.command(command);
        const { followUp } = command;
        delete command.followUp;
        command = command.status >= 200 && command.status < 300 && followUp ? followUp(command.answer) : null;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

import { Registry } from 'prom-client';
import { HttpMetrics, statusClassOf, UNMATCHED_ROUTE } from './http-metrics';

describe(HttpMetrics.name, () => {
  it('counts requests by method, route template and status class, unmatched URLs under one label', async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    metrics.observe('GET', '/api/v1/cities/:id', 200, 0.003);
    metrics.observe('GET', '/api/v1/cities/:id', 404, 0.002);
    for (let i = 0; i < 100; i++) metrics.observe('GET', undefined, 404, 0.001);

    const text = await registry.metrics();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cities\/:id",status_class="2xx"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cities\/:id",status_class="4xx"\} 1$/m,
    );
    expect(text).toMatch(
      new RegExp(
        `^http_request_duration_seconds_count\\{method="GET",route="${UNMATCHED_ROUTE}",status_class="4xx"\\} 100$`,
        'm',
      ),
    );
  });

  it.each([
    [101, '1xx'],
    [204, '2xx'],
    [304, '3xx'],
    [429, '4xx'],
    [503, '5xx'],
    [700, 'other'],
  ])('puts %d in class %s', (status, expected) => {
    expect(statusClassOf(status)).toBe(expected);
  });
});

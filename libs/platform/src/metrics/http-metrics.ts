import { Histogram, Registry } from 'prom-client';

/** The label of requests no route matched (404s, probes of unknown paths): one series, not one per URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Buckets of the request duration histogram, in seconds: fine where the platform's answers are (a few
 * milliseconds through the gateway), coarse up to the gateway's upstream timeout, so p50 and p99 are
 * read to within one bucket where it matters.
 */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/**
 * `http_request_duration_seconds`, the de-facto Prometheus name, labelled by method, route template
 * (`/api/v1/cities/:id`, never the URL, whose ids would make a series per resource) and status class.
 * Rate, error ratio and percentiles by route all come from this one histogram.
 */
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_class'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests served, by method, route template and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
  }

  /** `route` is the matched route's template, or undefined when none matched. */
  observe(method: string, route: string | undefined, status: number, seconds: number): void {
    this.duration.observe(
      { method, route: route ?? UNMATCHED_ROUTE, status_class: statusClassOf(status) },
      seconds,
    );
  }
}

export function statusClassOf(status: number): string {
  return STATUS_CLASSES[Math.floor(status / 100) - 1] ?? 'other';
}

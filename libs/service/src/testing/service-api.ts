import type { ProblemDetails, ServiceConfig } from '@c2c/platform';
import type { CallAs, RunningService } from './service-world';

/** An HTTP answer as the services' tests read it. */
export interface Reply<T> {
  status: number;
  body: T;
  contentType: string | undefined;
  location: string | undefined;
  etag: string | undefined;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * HTTP calls to a running app over a real socket, as one caller (the secretariat unless told). `D` is
 * the body a call is read as when the test names no type: a service's tests set it to their main
 * resource.
 */
export class ServiceApi<D = unknown> {
  constructor(
    private readonly service: RunningService<ServiceConfig>,
    /** The caller; the secretariat when none is given, as `RunningService.call` defaults. */
    private readonly as?: CallAs,
  ) {}

  get<T = D>(url: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('GET', url, undefined, headers);
  }

  post<T = D>(url: string, body: object = {}, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('POST', url, body, headers);
  }

  patch<T = D>(url: string, body: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('PATCH', url, body, headers);
  }

  put<T = D>(url: string, body: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('PUT', url, body, headers);
  }

  /** A call expected to fail: its problem+json body. */
  problem(
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
    method: Exclude<Method, 'GET'> = 'POST',
  ): Promise<Reply<ProblemDetails>> {
    return this.call<ProblemDetails>(method, url, body, headers);
  }

  private async call<T>(
    method: Method,
    url: string,
    body: object | undefined,
    headers: Record<string, string>,
  ): Promise<Reply<T>> {
    const response = await this.service.call(method, url, {
      ...(this.as === undefined ? {} : { as: this.as }),
      headers,
      body,
    });
    return {
      status: response.statusCode,
      body: response.body === '' ? (undefined as T) : response.json<T>(),
      contentType: response.headers['content-type'],
      location: response.headers.location,
      etag: response.headers.etag,
    };
  }
}

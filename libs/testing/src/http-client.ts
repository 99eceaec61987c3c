/** A response read over a real socket, shaped like the fields tests look at. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json<T>(): T;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is. */
  payload?: unknown;
}

/**
 * One HTTP request over a real TCP connection to a listening app: what a client sees, including what
 * Fastify and the socket do that an in-process `inject` skips (body limits, headers on the wire).
 */
export async function httpRequest(baseUrl: string, request: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | Buffer | undefined;
  if (typeof request.payload === 'string' || Buffer.isBuffer(request.payload)) {
    body = request.payload;
  } else if (request.payload !== undefined) {
    body = JSON.stringify(request.payload);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(new URL(request.url, baseUrl), {
    method: request.method,
    headers,
    body: body === undefined ? undefined : new Uint8Array(Buffer.from(body)),
  });
  const text = await response.text();
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: text,
    json: <T>() => JSON.parse(text) as T,
  };
}

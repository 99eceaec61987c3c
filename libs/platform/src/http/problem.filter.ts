import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/domain-error';
import { requestIdOf } from '../logging/logging.module';
import { problemOfDomainError } from './domain-problem';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemDetails, ProblemType, problemTypeForStatus } from './problem';

const STATUS_TITLES: Record<number, string> = { 408: 'Request timeout', 410: 'Gone', 414: 'URI too long' };

function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return undefined;
}

function numericStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
}

/** A problem for an error thrown by Nest, Fastify or a plugin with an HTTP status of its own. */
function fromStatus(status: number, detail: string | undefined): Problem {
  const type = problemTypeForStatus(status);
  // A 5xx message may carry internals (a driver error, a path); clients get the generic title.
  const safeDetail = status >= 500 ? undefined : detail;
  if (type !== undefined) return new Problem(type, safeDetail, { status });
  return new Problem(
    { code: `http-${status}`, status, title: STATUS_TITLES[status] ?? 'Request failed' },
    safeDetail,
  );
}

// SQLSTATE class 22 (data exception): PostgreSQL refused a value (22P02 invalid text representation,
// 22021 invalid byte sequence, 22008 datetime out of range, 22003 numeric out of range, …).
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/**
 * The SQLSTATE of a PostgreSQL data exception, from node-postgres's error or TypeORM's
 * `QueryFailedError` (which copies the driver's fields onto itself), else undefined.
 */
function dataExceptionOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driver = (error as { driverError?: unknown }).driverError ?? error;
  if (typeof driver !== 'object' || driver === null || !('severity' in driver)) return undefined;
  const code = (driver as { code?: unknown }).code;
  return typeof code === 'string' && DATA_EXCEPTION.test(code) ? code : undefined;
}

/** Maps anything thrown while serving a request to the problem the client receives. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof DomainError) return problemOfDomainError(error as DomainError);
  if (error instanceof HttpException) return fromStatus(error.getStatus(), messageOf(error.getResponse()));
  // A safety net under validation: input that reached PostgreSQL and was refused as data is the
  // caller's mistake (400), not an outage. The value and the SQL stay out of the answer.
  const sqlState = dataExceptionOf(error);
  if (sqlState !== undefined) {
    return new Problem(ProblemType.BadRequest, 'a value in the request is not valid', { cause: error });
  }
  const status = numericStatus(error);
  if (status !== undefined) {
    // Fastify's JSON parser throws a SyntaxError whose message quotes the body back; keep it generic.
    const detail = error instanceof SyntaxError ? 'the body is not valid JSON' : (error as Error).message;
    return fromStatus(status, detail);
  }
  return new Problem(ProblemType.InternalError, undefined);
}

function requestIdFor(request: FastifyRequest, reply: FastifyReply): string {
  const sent = reply.getHeader('x-request-id');
  if (typeof sent === 'string') return sent;
  const assigned = (request.raw as { id?: unknown }).id;
  const id = typeof assigned === 'string' ? assigned : requestIdOf(request.raw);
  reply.header('x-request-id', id);
  return id;
}

const logger = new Logger('http');

/**
 * Answers an error with `application/problem+json` (RFC 9457): thrown {@link Problem}s as they are,
 * refused operations ({@link DomainError}) by their kind, Nest and Fastify errors (unknown route, body
 * too large, malformed JSON, …) mapped by status, and anything else as a 500 that is logged with its
 * stack but shown to nobody. Also the error handler of routes outside Nest's router (the gateway's
 * forwarded routes), so every answer of the platform has one error format.
 */
export function replyWithProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(exception);
  if (problem.status >= 500 && !(exception instanceof Problem)) {
    logger.error(
      { err: exception, url: request.url, method: request.method },
      exception instanceof Error ? exception.message : 'non-error thrown',
    );
  }
  const sqlState = dataExceptionOf(exception);
  if (sqlState !== undefined) {
    // The client got a 400, but validation should have refused the value first: worth a fix.
    logger.warn(
      { sqlState, url: request.url.split('?')[0], method: request.method },
      'PostgreSQL refused a value that passed validation',
    );
  }
  if (reply.sent) return;
  const body: ProblemDetails = problem.toDetails(request.url.split('?')[0], requestIdFor(request, reply));
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  void reply
    .status(problem.status)
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(body);
}

/** Nest's side of {@link replyWithProblem}: every error a route, guard or pipe throws. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    replyWithProblem(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

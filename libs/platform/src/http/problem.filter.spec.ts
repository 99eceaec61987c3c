import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { Problem, ProblemType } from './problem';
import { toProblem } from './problem.filter';

describe('toProblem', () => {
  it('keeps a thrown Problem as it is', () => {
    const problem = new Problem(ProblemType.Conflict, 'taken');
    expect(toProblem(problem)).toBe(problem);
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x')).toDetails()).toMatchObject({
      type: 'https://c2c.asianmayorsforum.org/problems/not-found',
      status: 404,
      detail: 'Cannot GET /x',
    });
    expect(toProblem(new BadRequestException(['a', 'b'])).detail).toBe('a; b');
    expect(toProblem(new HttpException('too big', 413)).code).toBe('payload-too-large');
    expect(toProblem(new HttpException('gone', 410)).toDetails()).toMatchObject({
      status: 410,
      title: 'Gone',
    });
  });

  it('hides the message of anything unexpected behind a 500', () => {
    const problem = toProblem(new Error('password=hunter2 in connection string'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem.toDetails())).not.toContain('hunter2');
    expect(toProblem(new HttpException('db host 10.0.0.3 unreachable', 503)).detail).toBeUndefined();
  });

  it('keeps errors of Fastify plugins that carry a status, without echoing a bad body', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token } at "{"secret":}"'), { statusCode: 400 });
    expect(toProblem(syntax).toDetails()).toMatchObject({
      status: 400,
      detail: 'the body is not valid JSON',
    });
  });
});

describe('toProblem with PostgreSQL data exceptions', () => {
  // What node-postgres throws, and TypeORM's QueryFailedError (the driver's fields copied onto it).
  const pgError = (code: string) =>
    Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), {
      severity: 'ERROR',
      code,
    });
  const typeormError = (code: string) =>
    Object.assign(new Error('invalid byte sequence'), {
      name: 'QueryFailedError',
      query: 'SELECT * FROM cities WHERE name = $1',
      parameters: ['secret-value'],
      driverError: pgError(code),
    });

  it.each(['22P02', '22021', '22008', '22003'])(
    'answers SQLSTATE %s with a 400 that echoes nothing',
    (code) => {
      for (const error of [pgError(code), typeormError(code)]) {
        const problem = toProblem(error);
        expect(problem.status).toBe(400);
        expect(problem.code).toBe('bad-request');
        const body = JSON.stringify(problem.toDetails());
        expect(body).not.toContain('secret-value');
        expect(body).not.toContain('SELECT');
      }
    },
  );

  it('keeps other database errors a 500', () => {
    expect(toProblem(pgError('23505')).status).toBe(500);
    expect(toProblem(pgError('08006')).status).toBe(500);
    expect(toProblem(Object.assign(new Error('x'), { code: '22P02' })).status).toBe(500);
  });
});

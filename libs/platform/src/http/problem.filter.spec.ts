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

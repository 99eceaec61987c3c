import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { ProblemFilter } from '@c2c/platform';
import { cityProblem, CityError } from './cities.errors';

/** Answers refused city operations with their problem+json, through the platform's writer. */
@Catch(CityError)
export class CityErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  catch(error: CityError, host: ArgumentsHost): void {
    this.problems.catch(cityProblem(error), host);
  }
}

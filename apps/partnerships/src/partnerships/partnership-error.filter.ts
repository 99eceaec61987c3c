import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { ProblemFilter } from '@c2c/platform';
import { PartnershipError, partnershipProblem } from './partnership.errors';

/** Turns a refused partnership operation into its problem+json, through the platform's filter. */
@Catch(PartnershipError)
export class PartnershipErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  catch(error: PartnershipError, host: ArgumentsHost): void {
    this.problems.catch(partnershipProblem(error), host);
  }
}

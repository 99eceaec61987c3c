import { Controller, Get, Headers } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { REVOCATION_KEY_HEADER, REVOCATIONS_PATH, type RevocationFeedDocument } from '@c2c/auth';
import { Problem, ProblemType } from '@c2c/platform';
import { PublicRoute } from '../http/api';
import { RevocationFeedService } from './revocation-feed.service';

/**
 * The services' revocation feed. Not in the public document: it is for the services, which present
 * the shared secret; without it the route answers as an unknown one would, so it tells nothing.
 */
@Controller()
export class RevocationFeedController {
  constructor(private readonly revocations: RevocationFeedService) {}

  @PublicRoute()
  @ApiExcludeEndpoint()
  @Get(REVOCATIONS_PATH)
  async getRevocations(
    @Headers(REVOCATION_KEY_HEADER) key: string | undefined,
  ): Promise<RevocationFeedDocument> {
    if (!this.revocations.admits(key)) {
      throw new Problem(ProblemType.NotFound, `no route ${REVOCATIONS_PATH}`);
    }
    return this.revocations.feed();
  }
}

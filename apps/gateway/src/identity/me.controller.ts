import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@c2c/auth';
import { Authenticated } from '../http/api';
import { API_PREFIX } from '../http/routes';
import { MeDto } from './dto/me.dto';

@ApiTags('identity')
@Authenticated()
@Controller(`${API_PREFIX}/me`)
export class MeController {
  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'The caller, as its token describes it' })
  @ApiOkResponse({ type: MeDto, description: 'The caller.' })
  getMe(@CurrentUser() { tokenVersion: _internal, ...user }: AuthenticatedUser): MeDto {
    // The token version is the platform's bookkeeping for revocation, not part of the caller's profile.
    return user;
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@c2c/auth';
import {
  ApiIfMatch,
  ApiPageResponse,
  ApiProblemResponses,
  etagOf,
  ExpectedVersion,
  IdParams,
  Page,
  PageQueryDto,
} from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../http/api';
import { API_PREFIX } from '../http/routes';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Authenticated()
@Roles('secretariat')
@Controller(`${API_PREFIX}/users`)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user (secretariat)' })
  @ApiCreatedResponse({ type: UserDto, description: 'Created; `Location` and `ETag` are set.' })
  @ApiProblemResponses(400, 409, 422)
  async createUser(
    @Body() body: CreateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.create(body);
    void reply.header('location', `/${API_PREFIX}/users/${user.id}`).header('etag', etagOf(user.version));
    return UserDto.of(user);
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'List users (secretariat)' })
  @ApiPageResponse(UserDto)
  @ApiProblemResponses(400)
  async listUsers(@Query() query: PageQueryDto): Promise<Page<UserDto>> {
    const page = await this.users.list(query.limit, query.cursor);
    return { items: page.items.map((user) => UserDto.of(user)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getUser',
    summary: 'Read a user (secretariat); its ETag is needed to change it',
  })
  @ApiOkResponse({ type: UserDto, description: 'The user; `ETag` is set.' })
  @ApiProblemResponses(400, 404)
  async getUser(
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.get(id);
    void reply.header('etag', etagOf(user.version));
    return UserDto.of(user);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ operationId: 'updateUser', summary: 'Change a user (secretariat), given its current ETag' })
  @ApiIfMatch(true)
  @ApiOkResponse({ type: UserDto, description: 'Changed; the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 412, 428)
  async updateUser(
    @Param() { id }: IdParams,
    @ExpectedVersion(true) expectedVersion: number | undefined,
    @Body() body: UpdateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.update(id, expectedVersion, body);
    void reply.header('etag', etagOf(user.version));
    return UserDto.of(user);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'deactivateUser',
    summary: 'Deactivate a user (secretariat): no more logins, and its tokens are refused within seconds',
  })
  @ApiIfMatch(false)
  @ApiOkResponse({ type: UserDto, description: 'Deactivated (or already so); the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 412)
  async deactivateUser(
    @Param() { id }: IdParams,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.deactivate(id, expectedVersion);
    void reply.header('etag', etagOf(user.version));
    return UserDto.of(user);
  }

  @Post(':id/reactivation')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reactivateUser',
    summary: 'Reactivate a user (secretariat): it may log in again; its old tokens stay refused',
  })
  @ApiIfMatch(false)
  @ApiOkResponse({ type: UserDto, description: 'Active again (or already so); the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 412)
  async reactivateUser(
    @Param() { id }: IdParams,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.reactivate(id, expectedVersion);
    void reply.header('etag', etagOf(user.version));
    return UserDto.of(user);
  }
}

import { NO_CONTROL_CHARACTER_PATTERN } from '@c2c/platform';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function* operationsOf(document: JsonObject): Generator<JsonObject> {
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of OPERATION_METHODS) {
      const operation = item[method];
      if (isObject(operation)) yield operation;
    }
  }
}

const isStringSchema = (schema: JsonObject): boolean =>
  schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

/**
 * Says in the document two rules every service applies to every request, which no DTO repeats:
 * - a property a body's DTO does not declare is refused (the validation pipe's forbidNonWhitelisted),
 *   so every object a request body is made of has `additionalProperties: false`;
 * - no string of a body, a query or a path carries a control character (assertNoControlCharacters),
 *   so every such string the document says nothing more precise about (no pattern, format or enum)
 *   gets the pattern of that rule.
 * Schemas used by requests only are changed; a schema a response shares gets the same rules, which
 * the responses, made from validated input, already keep.
 */
export function withRequestRules(composed: JsonObject): JsonObject {
  const document = structuredClone(composed);
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const visited = new Set<string>();

  const visit = (schema: Json | undefined, inBody: boolean): void => {
    if (Array.isArray(schema)) return schema.forEach((item) => visit(item, inBody));
    if (!isObject(schema)) return;
    const ref = typeof schema.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(schema.$ref) : null;
    if (ref?.[1] !== undefined) {
      if (visited.has(ref[1])) return;
      visited.add(ref[1]);
      return visit(schemas[ref[1]], inBody);
    }
    if (isStringSchema(schema) && schema.pattern === undefined && schema.format === undefined) {
      if (schema.enum === undefined && schema.const === undefined)
        schema.pattern = NO_CONTROL_CHARACTER_PATTERN;
    }
    if (inBody && isObject(schema.properties) && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
    for (const key of ['properties', 'patternProperties'] as const) {
      const properties = schema[key];
      if (isObject(properties)) Object.values(properties).forEach((child) => visit(child, inBody));
    }
    for (const key of ['items', 'allOf', 'oneOf', 'anyOf'] as const) visit(schema[key], inBody);
  };

  for (const operation of operationsOf(document)) {
    for (const parameter of Array.isArray(operation.parameters) ? operation.parameters : []) {
      if (isObject(parameter) && (parameter.in === 'query' || parameter.in === 'path')) {
        visit(parameter.schema, false);
      }
    }
    const body = isObject(operation.requestBody) ? operation.requestBody.content : undefined;
    if (isObject(body)) Object.values(body).forEach((media) => isObject(media) && visit(media.schema, true));
  }
  return document;
}

/** A follow-up route of a created (or listed) resource: its operation and where its parameters come from. */
interface Follow {
  operationId: string;
  parameters: Record<string, string>;
}

const ID = '$response.body#/id';
const ETAG = '$response.header.ETag';
const byId = (...operationIds: string[]): Follow[] =>
  operationIds.map((operationId) => ({ operationId, parameters: { id: ID } }));
const byIdWithVersion = (...operationIds: string[]): Follow[] =>
  operationIds.map((operationId) => ({ operationId, parameters: { id: ID, 'header.If-Match': ETAG } }));
/** A resource under a commission: the commission's id from the request, the resource's from the answer. */
const underCommission = (param: string, ...operationIds: string[]): Follow[] =>
  operationIds.map((operationId) => ({ operationId, parameters: { id: '$request.path.id', [param]: ID } }));

const FIRST_ITEM = '$response.body#/items/0/id';
/** From a list to the routes of its first item; `*` as If-Match, as a list carries no ETag. */
const fromList = (...operationIds: string[]): Follow[] =>
  operationIds.map((operationId) => ({ operationId, parameters: { id: FIRST_ITEM } }));
const fromListAnyVersion = (...operationIds: string[]): Follow[] =>
  operationIds.map((operationId) => ({
    operationId,
    parameters: { id: FIRST_ITEM, 'header.If-Match': '*' },
  }));

/**
 * OpenAPI links from the operation that makes (or returns) a resource to the routes of its lifecycle,
 * so that a client — and the fuzzer's stateful phase — can follow a created partnership's id into its
 * acceptance, suspension and termination instead of guessing ids that answer 404. Keyed by
 * operationId; written at composition because links cross what one controller knows.
 */
const LINKS: Record<string, Follow[]> = {
  createUser: [...byId('getUser'), ...byIdWithVersion('updateUser', 'deactivateUser', 'reactivateUser')],
  registerCity: [
    ...byId('getCity', 'getCityDossier'),
    ...byIdWithVersion('updateCity', 'changeCityMembership', 'archiveCity'),
  ],
  proposePartnership: [
    ...byId('getPartnership', 'getPartnershipHistory'),
    ...byIdWithVersion(
      'acceptPartnership',
      'declinePartnership',
      'withdrawPartnership',
      'suspendPartnership',
      'resumePartnership',
      'terminatePartnership',
      'recordPartnershipActivity',
    ),
  ],
  updateCommission: byId(
    'getCommission',
    'listCommissionMembers',
    'listCommissionMembershipRequests',
    'requestCommissionMembership',
    'listCommissionMeetings',
    'scheduleCommissionMeeting',
    'listCommissionResolutions',
    'adoptCommissionResolution',
  ),
  requestCommissionMembership: underCommission(
    'rid',
    'getCommissionMembershipRequest',
    'approveCommissionMembershipRequest',
    'rejectCommissionMembershipRequest',
  ),
  scheduleCommissionMeeting: underCommission('mid', 'holdCommissionMeeting', 'cancelCommissionMeeting'),
  adoptCommissionResolution: [
    {
      operationId: 'changeCommissionActionStatus',
      parameters: { id: '$request.path.id', rid: ID, aid: '$response.body#/actions/0/id' },
    },
  ],
  submitBestPractice: [
    ...byId('getBestPractice'),
    ...byIdWithVersion('reviseBestPractice', 'publishBestPractice', 'returnBestPractice'),
  ],
  createWebhook: byId('deleteWebhook', 'listWebhookDeliveries', 'rotateWebhookSecret'),
  // Commissions are not created over the API (the forum founds them): their routes start from the list.
  listCommissions: [
    ...fromList(
      'getCommission',
      'listCommissionMembers',
      'listCommissionMembershipRequests',
      'requestCommissionMembership',
      'listCommissionMeetings',
      'scheduleCommissionMeeting',
      'listCommissionResolutions',
      'adoptCommissionResolution',
    ),
    ...fromListAnyVersion('updateCommission'),
  ],
  listCities: fromList('getCity', 'getCityDossier'),
  listPartnerships: fromList('getPartnership', 'getPartnershipHistory'),
  listUsers: fromList('getUser'),
  listBestPractices: fromList('getBestPractice'),
  listNotifications: fromList('markNotificationRead'),
  listWebhooks: fromList('listWebhookDeliveries', 'rotateWebhookSecret'),
};

/** Adds {@link LINKS} to each source operation's success answer, to the operations the document has. */
export function withLinks(document: JsonObject): JsonObject {
  const operations = new Map<string, JsonObject>();
  for (const operation of operationsOf(document)) {
    if (typeof operation.operationId === 'string') operations.set(operation.operationId, operation);
  }
  for (const [source, follows] of Object.entries(LINKS)) {
    const operation = operations.get(source);
    if (operation === undefined) continue;
    const responses = isObject(operation.responses) ? operation.responses : {};
    const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
    const answer = success === undefined ? undefined : responses[success];
    if (!isObject(answer)) continue;
    const links: JsonObject = isObject(answer.links) ? { ...answer.links } : {};
    for (const { operationId, parameters } of follows) {
      if (operations.has(operationId)) links[operationId] = { operationId, parameters };
    }
    answer.links = links;
  }
  return document;
}

export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  Problem,
  ProblemType,
  problemDefaults,
  problemTypeForStatus,
  problemTypeUri,
  type CustomProblemType,
  type FieldError,
  type ProblemDetails,
  type ProblemOptions,
} from './problem';
export { ProblemFilter, replyWithProblem, toProblem } from './problem.filter';
export { fieldErrorsOf, validationProblem } from './validation';
export { HasLength, IsOmittable, IsText, MaxItems, MinItems, UniqueItems } from './documented-rules';
export {
  ApiProblemResponses,
  FieldErrorDto,
  PROBLEM_DESCRIPTIONS,
  ProblemDetailsDto,
  problemResponseObject,
} from './problem-details.dto';
export {
  ApiPageResponse,
  CURSOR_TEXT_MAX_LENGTH,
  PAGE_LIMITS,
  PageQueryDto,
  cursorOf,
  decodeCursor,
  encodeCursor,
  pageOf,
  type CursorCodec,
  type CursorFieldKind,
  type CursorPosition,
  type Page,
} from './pagination';
export { assertIfMatch, etagOf, parseIfMatch, requireIfMatch, type IfMatch } from './etag';
export { PUBLIC_ROUTE, Public } from './public.decorator';
export {
  buildServiceApiDocument,
  generateApiDocument,
  serialiseApiDocument,
  writeApiDocument,
  type ServiceApiDocs,
} from './service-api-docs';
export { ApiIfMatch, ExpectedVersion, IdParams, expectedVersionOf } from './request-params';
export { problemOfDomainError } from './domain-problem';
export {
  DEFAULT_BODY_LIMIT_BYTES,
  MAX_JSON_DEPTH,
  NOT_BLANK_PATTERN,
  NO_CONTROL_CHARACTER_PATTERN,
  assertNoControlCharacters,
  controlCharacterFields,
  hasControlCharacter,
  installInputRules,
  jsonDepth,
} from './untrusted-input';

export { commandAnswersMigration } from './command-answers.migration';
export { CommandAnswersSweep, COMMAND_ANSWER_TTL_HOURS } from './command-answers.sweep';
export { CommandReplayInterceptor, COMMAND_ANSWERS_SCHEMA } from './command-replay.interceptor';

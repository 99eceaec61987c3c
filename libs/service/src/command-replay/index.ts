export { commandAnswersMigration } from './command-answers.migration';
export { CommandAnswersSweep, COMMAND_ANSWER_TTL } from './command-answers.sweep';
export { CommandAnswersRepository } from './command-answers.repository';
export { CommandReplayInterceptor } from './command-replay.interceptor';

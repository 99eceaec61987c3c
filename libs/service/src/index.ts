export { ServiceModule, type ServiceModuleOptions } from './service.module';
export { PeriodicPass } from './periodic-pass';
export { commandAnswersMigration, CommandAnswersSweep, COMMAND_ANSWER_TTL } from './command-replay';

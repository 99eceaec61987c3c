export { ServiceModule, type ServiceModuleOptions } from './service.module';
export { PeriodicPass } from './periodic-pass';

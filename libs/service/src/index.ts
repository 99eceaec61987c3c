export { ServiceModule, type ServiceModuleOptions } from './service.module';

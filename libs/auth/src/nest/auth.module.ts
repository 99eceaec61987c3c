import {
  DynamicModule,
  InjectionToken,
  Module,
  ModuleMetadata,
  OptionalFactoryDependency,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier, TokenVerifierOptions } from '../token-verifier';
import { AuthGuard } from './auth.guard';

/** Where the verifier's options come from when they need other providers (e.g. keys in a database). */
export interface AuthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => TokenVerifierOptions | Promise<TokenVerifierOptions>;
}

/**
 * Bearer-token authentication for a whole app: provides the {@link TokenVerifier} and installs the
 * {@link AuthGuard} globally, so a route is protected unless it says `@Public()`.
 */
@Module({})
export class AuthModule {
  static forRoot(options: TokenVerifierOptions): DynamicModule {
    return AuthModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: TokenVerifier,
          inject: options.inject ?? [],
          useFactory: async (...args: never[]) => new TokenVerifier(await options.useFactory(...args)),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}

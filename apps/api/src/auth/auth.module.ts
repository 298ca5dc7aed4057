import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { UsersService } from '../users/users.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { LoginThrottle } from './login-throttle';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { SessionCache } from './session-cache';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';
import { AUTH_SETTINGS, type AuthSettings, TokensService } from './tokens.service';

@Global()
@Module({})
export class AuthModule {
  static register(settings: AuthSettings, signIn: SignInSettings): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every verify.
          secret: createSecretKey(Buffer.from(settings.secret, 'utf8')),
          signOptions: { algorithm: 'HS256', issuer: 'recordflow' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'recordflow' },
        }),
      ],
      controllers: [OidcController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: SIGN_IN_SETTINGS, useValue: signIn },
        OidcService,
        { provide: APP_GUARD, useClass: AuthGuard },
        TokensService,
        UsersService,
        LoginThrottle,
        SessionCache,
        AuthResolver,
      ],
      exports: [TokensService, UsersService, SessionCache],
    };
  }
}

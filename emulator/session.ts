/** Session and User. Emails come from the fake's options (default ''). */
import type { FakeContext } from './context';

export class UserImpl {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

export class SessionImpl {
  constructor(private readonly ctx: FakeContext) {}

  getActiveUser(): object {
    return this.ctx.factories.user(this.ctx.options.userEmail ?? '');
  }

  getEffectiveUser(): object {
    return this.ctx.factories.user(this.ctx.options.effectiveUserEmail ?? this.ctx.options.userEmail ?? '');
  }

  getScriptTimeZone(): string {
    return this.ctx.options.scriptTimeZone ?? this.ctx.doc.timeZone;
  }

  getTemporaryActiveUserKey(): string {
    return 'fake-temporary-active-user-key';
  }

  getActiveUserLocale(): string {
    return 'en';
  }
}

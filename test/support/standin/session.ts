import { instrument } from './calls';
import { Service, type StandInContext } from './context';

/** Session.getActiveUser() / getEffectiveUser(). */
export class User extends Service {
  readonly #email: string;

  constructor(ctx: StandInContext, email: string) {
    super(ctx);
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }
}

/**
 * The Session global. The script's time zone (appsscript.json) can differ from
 * the spreadsheet's; code that buckets dates must use the spreadsheet's.
 */
export class Session extends Service {
  readonly #userLocale: () => string;
  readonly #effectiveUser: () => string;

  constructor(ctx: StandInContext, userLocale: () => string, effectiveUser: () => string) {
    super(ctx);
    this.#userLocale = userLocale;
    this.#effectiveUser = effectiveUser;
  }

  getActiveUser(): User {
    return new User(this.ctx, this.ctx.activeUser);
  }

  getEffectiveUser(): User {
    return new User(this.ctx, this.#effectiveUser());
  }

  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone;
  }

  /** The user's language, e.g. `ko` or `en`. */
  getActiveUserLocale(): string {
    return this.#userLocale();
  }

  getTemporaryActiveUserKey(): string {
    return `stand-in-key-${Buffer.from(this.ctx.activeUser).toString('hex').slice(0, 16)}`;
  }
}

instrument(User, 'User');
instrument(Session, 'Session');

import { instrument } from './calls';
import { Service, type StandInContext } from './context';

export type LockKind = 'document' | 'script' | 'user';

/** Apps Script's own message when waitLock gives up. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/**
 * LockService's Lock. There is one lock of each kind; "another execution"
 * holding it is simulated by the test (`standIn.locks.holdElsewhere`), since
 * a test runs one execution at a time. Waiting never sleeps: a lock held
 * elsewhere either frees after the given number of attempts or never.
 */
export class Lock extends Service {
  readonly #kind: LockKind;

  constructor(ctx: StandInContext, kind: LockKind) {
    super(ctx);
    this.#kind = kind;
  }

  #acquire(): boolean {
    const state = this.ctx.locks[this.#kind];
    if (state.ours) return true;
    if (state.elsewhere > 0) {
      state.elsewhere -= 1;
      return false;
    }
    state.ours = true;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    return this.#acquire();
  }

  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (!this.#acquire()) throw this.ctx.exception(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    return this.ctx.locks[this.#kind].ours;
  }

  releaseLock(): void {
    this.ctx.locks[this.#kind].ours = false;
  }
}

/** The LockService global. */
export class LockService extends Service {
  getDocumentLock(): Lock {
    return new Lock(this.ctx, 'document');
  }

  getScriptLock(): Lock {
    return new Lock(this.ctx, 'script');
  }

  getUserLock(): Lock {
    return new Lock(this.ctx, 'user');
  }
}

instrument(Lock, 'Lock');
instrument(LockService, 'LockService');

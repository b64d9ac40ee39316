/**
 * LockService. `fake.lock.available = false` simulates another execution holding the lock:
 * tryLock returns false and waitLock throws the Apps Script timeout error.
 */
import type { FakeContext } from './context';
import { signatureMismatch, typeNames } from './errors';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockImpl {
  private held = false;

  constructor(private readonly ctx: FakeContext) {}

  private checkTimeout(ms: unknown, method: string): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      this.ctx.fail(signatureMismatch(typeNames([ms]), `LockService.Lock.${method}`));
  }

  private acquire(): void {
    if (!this.held) {
      this.held = true;
      this.ctx.lock.held = true;
      this.ctx.lock.acquisitions++;
    }
  }

  tryLock(timeoutInMillis: unknown): boolean {
    this.checkTimeout(timeoutInMillis, 'tryLock');
    if (!this.ctx.lock.available) return false;
    this.acquire();
    return true;
  }

  waitLock(timeoutInMillis: unknown): void {
    this.checkTimeout(timeoutInMillis, 'waitLock');
    if (!this.ctx.lock.available) this.ctx.fail(LOCK_TIMEOUT);
    this.acquire();
  }

  releaseLock(): void {
    if (this.held) {
      this.held = false;
      this.ctx.lock.held = false;
      this.ctx.lock.releases++;
    }
  }

  hasLock(): boolean {
    return this.held;
  }
}

export class LockServiceImpl {
  constructor(private readonly ctx: FakeContext) {}

  getDocumentLock(): object {
    return this.ctx.factories.lock();
  }

  getScriptLock(): object {
    return this.ctx.factories.lock();
  }

  getUserLock(): object {
    return this.ctx.factories.lock();
  }
}

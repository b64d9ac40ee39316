/**
 * Values handed to code under test must belong to that code's JavaScript realm. Scripts run in a
 * `node:vm` context whose global object is `fake.globals`; an Error or Date created in the host realm
 * fails `instanceof Error` / `instanceof Date` there. The Realm creates them with the context's own
 * constructors once `globals` has been contextified, and with the host constructors before that
 * (plain jest tests).
 */
import * as vm from 'node:vm';

interface Ctors {
  Error: ErrorConstructor;
  Date: DateConstructor;
  Array: ArrayConstructor;
}

function ctorsOf(context: object): Ctors {
  return vm.runInContext('({ Error: Error, Date: Date, Array: Array })', context) as Ctors;
}

/**
 * Harnesses often build the context from a copy (`vm.createContext({ ...fake.globals })`). To find the
 * realm in that case too, vm.createContext is wrapped (once per process, transparently): a context
 * whose sandbox holds one of our `SpreadsheetApp` objects is bound to that fake's realm. The registry
 * lives on the vm module object itself, so it is shared by every copy of this module (jest loads a
 * fresh copy per test file, but core modules are shared).
 */
const PATCHED = Symbol.for('fake-sheets.vm.createContext');
const REGISTRY = Symbol.for('fake-sheets.vm.realms');

interface Bindable {
  bindContext(context: object): void;
}

function vmModule(): Record<string | symbol, unknown> {
  try {
    // With CommonJS interop the namespace may be a copy with getters; patch the real module object.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('node:vm') as Record<string | symbol, unknown>;
  } catch {
    return vm;
  }
}

const localRegistry = new WeakMap<object, Bindable>();

function registry(): WeakMap<object, Bindable> {
  const mod = vmModule();
  let reg = mod[REGISTRY] as WeakMap<object, Bindable> | undefined;
  if (!reg) {
    try {
      reg = new WeakMap<object, Bindable>();
      mod[REGISTRY] = reg;
    } catch {
      return localRegistry;
    }
    if (mod[REGISTRY] !== reg) return localRegistry;
  }
  return reg;
}

function installCreateContextHook(): void {
  const target = vmModule();
  if (target[PATCHED]) return;
  const original = target.createContext as (sandbox?: object, options?: object) => object;
  if (typeof original !== 'function') return;
  const hooked = function createContext(this: unknown, sandbox?: object, options?: object): object {
    const ctx = original.call(this, sandbox, options);
    try {
      const app = ctx && (ctx as Record<string, unknown>).SpreadsheetApp;
      const realm = app && typeof app === 'object' ? registry().get(app) : undefined;
      if (realm) realm.bindContext(ctx);
    } catch {
      /* never break createContext */
    }
    return ctx;
  };
  try {
    target.createContext = hooked;
    target[PATCHED] = true;
  } catch {
    /* read-only module object: fake.bindContext still works */
  }
}

export class Realm {
  private ctors: Ctors | null = null;

  constructor(private readonly globals: object) {
    installCreateContextHook();
  }

  /** Registers the object (our SpreadsheetApp) whose presence in a new vm context identifies this realm. */
  markWith(marker: object): void {
    registry().set(marker, this);
  }

  /** Binds to a node:vm context: values and errors are created with its constructors from now on. */
  bindContext(context: object): void {
    this.ctors = ctorsOf(context);
  }

  private resolve(): Ctors | null {
    if (this.ctors) return this.ctors;
    if (vm.isContext(this.globals)) {
      this.ctors = ctorsOf(this.globals);
      return this.ctors;
    }
    return null;
  }

  /** An Error like the ones Apps Script throws (`name` "Exception"). */
  error(message: string): Error {
    const Ctor = this.resolve()?.Error ?? Error;
    const err = new Ctor(message);
    try {
      Object.defineProperty(err, 'name', { value: 'Exception', configurable: true, writable: true, enumerable: false });
    } catch {
      /* ignore */
    }
    return err;
  }

  date(ms: number): Date {
    const Ctor = this.resolve()?.Date ?? Date;
    return new Ctor(ms);
  }

  /** The script realm's Array constructor (the host one before a context exists). */
  arrayConstructor(): ArrayConstructor {
    return this.resolve()?.Array ?? Array;
  }

  /** An empty array of the script's realm (so `instanceof Array` holds there too). */
  array<T>(): T[] {
    const Ctor = this.resolve()?.Array;
    return Ctor ? (new Ctor() as T[]) : [];
  }

  /** Copies a host array into a realm array (shallow). */
  arrayFrom<T>(items: readonly T[]): T[] {
    const Ctor = this.resolve()?.Array;
    if (!Ctor) return items.slice();
    const out = new Ctor() as T[];
    for (let i = 0; i < items.length; i++) out.push(items[i]);
    return out;
  }
}

/** True for Dates of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Turns plain implementation objects into Apps Script-like service objects:
 *
 * - each listed method is counted (Spreadsheet service → stats; other services → serviceCalls) and
 *   then runs on the implementation; a method that returns its own implementation returns the wrapper
 *   (so chaining works);
 * - a write marks the document changed (cached formula results are recomputed on the next read);
 * - any other property that is called throws `FakeSheets: <Class>.<method> is not implemented`.
 */
import type { Kind, StatsRecorder } from './stats';
import { notImplementedMessage } from './errors';
import type { Realm } from './realm';

export interface ClassSpec {
  /** Apps Script class name, e.g. "Range". */
  name: string;
  /** 'spreadsheet' calls count in stats; 'other' in serviceCalls; 'local' (builders) nowhere. */
  service: 'spreadsheet' | 'other' | 'local';
  /** Methods that run locally in Apps Script (they make an object, no request): not counted. */
  uncounted?: readonly string[];
  /** Implemented methods and their kind. */
  methods: Readonly<Record<string, Kind>>;
  /** Non-method properties (enums). */
  properties?: Readonly<Record<string, unknown>>;
  /** Methods that return nothing in Apps Script. */
  voids?: readonly string[];
}

/** Properties that libraries probe on arbitrary objects; they read as undefined instead of a throwing stub. */
const PROBED = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'valueOf',
  'inspect',
  'length',
  'prototype',
  '__proto__',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

export interface ServiceHooks {
  recorder: StatsRecorder;
  realm: Realm;
  /** Called after a write method ran (even when it threw part-way). */
  afterWrite(): void;
  /** Called before a listed method runs, with its label ("Range.setValues"); throws to inject a service failure. */
  beforeCall?(label: string): void;
}

export class ServiceWrapper {
  private readonly targets = new WeakMap<object, object>();

  constructor(private readonly hooks: ServiceHooks) {}

  wrap<T extends object>(spec: ClassSpec, target: T): T {
    const hooks = this.hooks;
    const methodCache = new Map<string, unknown>();
    const impl = target as unknown as Record<string, unknown>;
    const handler: ProxyHandler<T> = {
      get(_t, prop) {
        if (typeof prop === 'symbol') {
          if (prop === Symbol.toStringTag) return spec.name;
          return undefined;
        }
        if (prop === 'toString') return () => spec.name;
        if (spec.properties && Object.prototype.hasOwnProperty.call(spec.properties, prop))
          return spec.properties[prop];
        const cached = methodCache.get(prop);
        if (cached) return cached;
        const kind = Object.prototype.hasOwnProperty.call(spec.methods, prop) ? spec.methods[prop] : undefined;
        let fn: unknown;
        if (kind !== undefined) {
          const method = impl[prop];
          if (typeof method !== 'function')
            throw new Error(`FakeSheets internal error: ${spec.name}.${prop} is listed but has no implementation`);
          const label = `${spec.name}.${prop}`;
          const returnsVoid = spec.voids?.includes(prop) ?? false;
          fn = function (this: unknown, ...args: unknown[]) {
            if (spec.service === 'local' || spec.uncounted?.includes(prop)) {
              // a local object: no call
            } else if (spec.service === 'spreadsheet') hooks.recorder.record(label, kind);
            else hooks.recorder.recordService(label);
            hooks.beforeCall?.(label);
            let result: unknown;
            try {
              result = (method as (...a: unknown[]) => unknown).apply(target, args);
            } finally {
              if (kind === 'write') hooks.afterWrite();
            }
            if (returnsVoid) return undefined;
            return result === target ? proxy : result;
          };
        } else if (PROBED.has(prop)) {
          return undefined;
        } else {
          fn = function notImplemented() {
            throw hooks.realm.error(notImplementedMessage(spec.name, prop));
          };
        }
        methodCache.set(prop, fn);
        return fn;
      },
      set() {
        return true;
      },
      has(_t, prop) {
        return (
          typeof prop === 'string' &&
          (Object.prototype.hasOwnProperty.call(spec.methods, prop) || !!spec.properties?.[prop])
        );
      },
      ownKeys() {
        return [];
      },
      getOwnPropertyDescriptor() {
        return undefined;
      },
    };
    const proxy = new Proxy(target, handler);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The implementation behind a wrapper (or undefined when the value is not one of ours). */
  unwrap<T>(value: unknown): T | undefined {
    if (!value || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    return this.targets.get(value) as T | undefined;
  }
}

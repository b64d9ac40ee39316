import { createFakeGoogle, type FakeGoogle } from '../../emulator';
import { sidebarFile } from './bundle';

/**
 * Installs a fresh fake's services as Node globals so the server modules can be driven directly
 * (for instance with generated content that the bundle does not embed).
 */
export function installFakeGlobals(): FakeGoogle {
  const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() } });
  for (const [name, value] of Object.entries(fake.globals)) {
    if (name !== 'console') (globalThis as Record<string, unknown>)[name] = value;
  }
  return fake;
}

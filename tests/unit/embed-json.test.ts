import { embedJson } from '../../src/core/embed-json';
import { entryPointWrappers } from '../../scripts/entry-wrappers';
import entryPoints from '../../src/entry-points.json';
import { ENTRY_POINTS } from '../../src/core/sidebar-functions';
import * as server from '../../src/server/main';

describe('boot JSON embedded in the sidebar', () => {
  test('no cell text can close the script tag, and it parses back identically', () => {
    const nasty = { text: '</script><script>alert(1)</script> <!-- & \u2028 \u2029 <img src=x onerror=alert(1)>' };
    const embedded = embedJson(nasty);
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual(nasty);
  });
});

describe('entry points', () => {
  test('the checked-in list is exactly what the server entry module exports', () => {
    expect([...entryPoints].sort()).toEqual(Object.keys(server).sort());
    expect(entryPoints).toEqual([...ENTRY_POINTS]);
  });

  test('each wrapper is a top-level function delegating to the bundle', () => {
    const code = entryPointWrappers(['onOpen', 'saveBlock']);
    expect(code).toContain('function onOpen(...a){return XiaomiCanvas.onOpen(...a)}');
    expect(() => entryPointWrappers(['bad name'])).toThrow(/Invalid entry point/);
  });
});

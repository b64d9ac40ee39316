/**
 * Apps Script only sees top-level function declarations. One delegating wrapper per entry point, appended
 * after the bundle; delegating (rather than assigning) keeps them independent of evaluation order. A rest
 * parameter passes the trigger's event or the sidebar's request on (no entry point uses `this`).
 */
export function entryPointWrappers(names: readonly string[]): string {
  return names
    .map((name) => {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`Invalid entry point name: ${name}`);
      return `function ${name}(...a){return XiaomiCanvas.${name}(...a)}`;
    })
    .join('\n');
}

/**
 * Sheets refuses a new sheet whose name differs from an existing one only in case ("key figures" blocks
 * "Key Figures"), so every free-name check compares names case-insensitively, here.
 */
export function sheetNameTaken(existing: readonly string[]): (name: string) => boolean {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  return (name) => taken.has(name.toLowerCase());
}

/** The first of `nameFor(1)`, `nameFor(2)`, … that no existing sheet takes. */
export function freeSheetName(existing: readonly string[], nameFor: (attempt: number) => string): string {
  const taken = sheetNameTaken(existing);
  for (let attempt = 1; ; attempt++) if (!taken(nameFor(attempt))) return nameFor(attempt);
}

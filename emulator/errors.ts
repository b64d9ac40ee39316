/** Error helpers shared by the API classes. */

/** Message of the error thrown by every method the fake does not implement. */
export function notImplementedMessage(className: string, method: string): string {
  return `FakeSheets: ${className}.${method} is not implemented`;
}

export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';

export function rowsMismatch(dataRows: number, rangeRows: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${dataRows} but the range has ${rangeRows}.`;
}

export function columnsMismatch(dataCols: number, rangeCols: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${dataCols} but the range has ${rangeCols}.`;
}

export function signatureMismatch(types: string, method: string): string {
  return `The parameters (${types}) don't match the method signature for ${method}.`;
}

/** Apps Script-style type names for "parameters (…) don't match" errors. */
export function typeNames(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (a === null) return 'null';
      if (a === undefined) return 'undefined';
      if (Array.isArray(a)) return Array.isArray(a[0]) ? 'number[][]' : 'number[]';
      if (typeof a === 'string') return 'String';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      return 'Object';
    })
    .join(',');
}

/**
 * SpreadsheetApp: the entry point. In AuthMode.NONE (an add-on's onOpen before the user authorised it)
 * the active spreadsheet is out of reach, as in Apps Script; the Ui still works.
 */
import type { FakeContext } from './context';

export const SCOPE_CURRENTONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

export class SpreadsheetAppImpl {
  constructor(private readonly ctx: FakeContext) {}

  private requireAuth(method: string): void {
    if (this.ctx.authMode === 'NONE') {
      this.ctx.fail(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${SCOPE_CURRENTONLY}`,
      );
    }
  }

  private ss(): {
    getActiveSheet(): object;
    getActiveRange(): object;
    getActiveCell(): object;
    setActiveSheet(s: unknown): object;
    setActiveRange(r: unknown): object;
  } {
    return this.ctx.unwrap(this.ctx.factories.spreadsheet())!;
  }

  getActiveSpreadsheet(): object {
    this.requireAuth('getActiveSpreadsheet');
    return this.ctx.factories.spreadsheet();
  }

  getActive(): object {
    this.requireAuth('getActive');
    return this.ctx.factories.spreadsheet();
  }

  getActiveSheet(): object {
    this.requireAuth('getActiveSheet');
    return this.ss().getActiveSheet();
  }

  getActiveRange(): object {
    this.requireAuth('getActiveRange');
    return this.ss().getActiveRange();
  }

  getCurrentCell(): object {
    this.requireAuth('getCurrentCell');
    return this.ss().getActiveCell();
  }

  setActiveSheet(sheet: unknown): object {
    this.requireAuth('setActiveSheet');
    return this.ss().setActiveSheet(sheet);
  }

  setActiveRange(range: unknown): object {
    this.requireAuth('setActiveRange');
    return this.ss().setActiveRange(range);
  }

  getUi(): object {
    return this.ctx.factories.ui();
  }

  flush(): void {
    /* nothing is buffered in the fake */
  }
}

/**
 * Ui (SpreadsheetApp.getUi()) and Menu. Alerts are answered from `fake.ui.alertResponses` (a queue of
 * 'YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE'): an OK-only alert takes a queued 'OK'/'CLOSE' if that is
 * next and is otherwise answered OK; an alert with a choice (OK_CANCEL, YES_NO, YES_NO_CANCEL) takes
 * the next answer and throws when there is none, so a test can never silently answer a question.
 * Everything shown is recorded in `fake.ui` (alerts, sidebars, dialogs, menus).
 */
import type { FakeContext, MenuItem } from './context';
import { Button, ButtonSet, enumName } from './enums';
import { signatureMismatch, typeNames } from './errors';

const ALLOWED: Record<string, string[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

interface HtmlOutputLike {
  title: string;
  content: string;
  width?: number;
  height?: number;
}

export class MenuImpl {
  readonly items: MenuItem[] = [];

  constructor(
    private readonly ctx: FakeContext,
    readonly name: string,
    private readonly addon: boolean,
  ) {}

  addItem(caption: unknown, functionName: unknown): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      this.ctx.fail(signatureMismatch(typeNames([caption, functionName]), 'Menu.addItem'));
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.items.push('separator');
    return this;
  }

  addSubMenu(menu: unknown): this {
    const sub = this.ctx.unwrap<MenuImpl>(menu);
    if (!sub || !(sub instanceof MenuImpl)) this.ctx.fail(signatureMismatch(typeNames([menu]), 'Menu.addSubMenu'));
    this.items.push({ caption: sub.name, submenu: sub.items.slice() });
    return this;
  }

  addToUi(): void {
    const menus = this.ctx.ui.menus;
    const record = { name: this.name, addon: this.addon, items: this.items.slice() };
    const at = menus.findIndex((m) => m.name === this.name && m.addon === this.addon);
    if (at >= 0) menus[at] = record;
    else menus.push(record);
  }
}

export class UiImpl {
  constructor(private readonly ctx: FakeContext) {}

  alert(a: unknown, b?: unknown, c?: unknown): unknown {
    let title: string | undefined;
    let prompt: string;
    let buttons: unknown;
    if (c !== undefined) {
      title = String(a);
      prompt = String(b);
      buttons = c;
    } else if (b !== undefined) {
      prompt = String(a);
      buttons = b;
    } else {
      prompt = String(a);
    }
    const set = buttons === undefined ? 'OK' : enumName(buttons);
    if (!set || !(set in ButtonSet))
      this.ctx.fail(signatureMismatch(typeNames([a, b, c].filter((x) => x !== undefined)), 'Ui.alert'));
    const queue = this.ctx.ui.alertResponses;
    let answer: string;
    if (set === 'OK') {
      const next = queue[0]?.toUpperCase();
      answer = next === 'OK' || next === 'CLOSE' ? (queue.shift() as string).toUpperCase() : 'OK';
    } else {
      if (queue.length === 0) {
        throw new Error(
          `FakeSheets: Ui.alert(${JSON.stringify(prompt)}) asks ${set} but fake.ui.alertResponses has no answer queued`,
        );
      }
      answer = (queue.shift() as string).toUpperCase();
      if (!ALLOWED[set].includes(answer)) {
        throw new Error(
          `FakeSheets: queued alert answer ${answer} is not a button of ButtonSet.${set} (prompt ${JSON.stringify(prompt)})`,
        );
      }
    }
    const record =
      title !== undefined
        ? { title, prompt, buttons: set, response: answer }
        : { prompt, buttons: set, response: answer };
    this.ctx.ui.alerts.push(record);
    return Button[answer as keyof typeof Button];
  }

  createAddonMenu(): object {
    return this.ctx.factories.menu(this.ctx.options.addonMenuName ?? 'Add-ons', true);
  }

  createMenu(caption: unknown): object {
    if (typeof caption !== 'string') this.ctx.fail(signatureMismatch(typeNames([caption]), 'Ui.createMenu'));
    return this.ctx.factories.menu(caption, false);
  }

  private output(value: unknown, method: string): HtmlOutputLike {
    const out = this.ctx.unwrap<HtmlOutputLike>(value);
    if (!out || typeof out.content !== 'string') this.ctx.fail(signatureMismatch(typeNames([value]), `Ui.${method}`));
    return out;
  }

  showSidebar(userInterface: unknown): void {
    const out = this.output(userInterface, 'showSidebar');
    this.ctx.ui.sidebars.push(
      out.width !== undefined
        ? { title: out.title, html: out.content, width: out.width }
        : { title: out.title, html: out.content },
    );
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    const out = this.output(userInterface, 'showModalDialog');
    this.ctx.ui.dialogs.push({
      kind: 'modal',
      title: String(title ?? ''),
      html: out.content,
      width: out.width,
      height: out.height,
    });
  }

  showModelessDialog(userInterface: unknown, title: unknown): void {
    const out = this.output(userInterface, 'showModelessDialog');
    this.ctx.ui.dialogs.push({
      kind: 'modeless',
      title: String(title ?? ''),
      html: out.content,
      width: out.width,
      height: out.height,
    });
  }
}

/** HtmlService and HtmlOutput. Files for createHtmlOutputFromFile come from `options.files`. */
import type { FakeContext } from './context';
import { enumName } from './enums';

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutputImpl {
  title = '';
  width?: number;
  height?: number;
  sandboxMode?: string;
  xFrameOptionsMode?: string;
  faviconUrl?: string;
  readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(public content: string) {}

  setTitle(title: unknown): this {
    this.title = String(title ?? '');
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: unknown): this {
    this.content = String(content ?? '');
    return this;
  }
  append(addedContent: unknown): this {
    this.content += String(addedContent ?? '');
    return this;
  }
  appendUntrusted(addedContent: unknown): this {
    this.content += escapeHtml(String(addedContent ?? ''));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number | undefined {
    return this.width;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number | undefined {
    return this.height;
  }
  setSandboxMode(mode: unknown): this {
    this.sandboxMode = enumName(mode);
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    this.xFrameOptionsMode = enumName(mode);
    return this;
  }
  addMetaTag(name: unknown, content: unknown): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  setFaviconUrl(url: unknown): this {
    this.faviconUrl = String(url);
    return this;
  }
}

export class HtmlServiceImpl {
  constructor(private readonly ctx: FakeContext) {}

  createHtmlOutput(html?: unknown): object {
    const content = html === undefined || html === null ? '' : String(html);
    return this.ctx.factories.htmlOutput(content);
  }

  createHtmlOutputFromFile(filename: unknown): object {
    const files = this.ctx.options.files ?? {};
    const name = String(filename);
    const content = Object.prototype.hasOwnProperty.call(files, name)
      ? files[name]
      : Object.prototype.hasOwnProperty.call(files, `${name}.html`)
        ? files[`${name}.html`]
        : undefined;
    if (content === undefined) this.ctx.fail(`No HTML file named ${name} was found.`);
    return this.ctx.factories.htmlOutput(content);
  }
}

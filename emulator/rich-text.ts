/**
 * Rich text: SpreadsheetApp.newRichTextValue() and newTextStyle() builders, and the runs a cell keeps. Apps Script
 * builds these values locally (no call to the spreadsheet), so they are plain objects here and never counted;
 * only Range.setRichTextValues, which writes them, is a Spreadsheet call.
 */

/** A styled stretch of a cell's text, [start, end) in UTF-16 units; unset properties follow the cell's format. */
export interface TextRun {
  start: number;
  end: number;
  foregroundColor?: string;
  bold?: boolean;
}

export class TextStyleImpl {
  constructor(
    readonly foregroundColor: string | null,
    readonly bold: boolean | null,
    /** Set only by a TextStyle meant for whole cells (Range.setTextStyles); runs keep colour and weight only. */
    readonly fontSize: number | null = null,
    readonly italic: boolean | null = null,
  ) {}

  getFontSize(): number | null {
    return this.fontSize;
  }

  isItalic(): boolean | null {
    return this.italic;
  }

  getForegroundColor(): string | null {
    return this.foregroundColor;
  }

  isBold(): boolean | null {
    return this.bold;
  }
}

export class TextStyleBuilderImpl {
  private color: string | null = null;
  private bold: boolean | null = null;
  private fontSize: number | null = null;
  private italic: boolean | null = null;

  setForegroundColor(color: string): this {
    this.color = String(color).toLowerCase();
    return this;
  }

  setBold(bold: boolean): this {
    this.bold = Boolean(bold);
    return this;
  }

  setFontSize(size: number): this {
    this.fontSize = Number(size);
    return this;
  }

  setItalic(italic: boolean): this {
    this.italic = Boolean(italic);
    return this;
  }

  build(): TextStyleImpl {
    return new TextStyleImpl(this.color, this.bold, this.fontSize, this.italic);
  }
}

export class RichTextValueImpl {
  constructor(
    readonly text: string,
    readonly runs: readonly TextRun[],
  ) {}

  getText(): string {
    return this.text;
  }

  /** The styled runs as RichTextValues of their own (start and end indices, style), as Apps Script's getRuns. */
  getRuns(): Array<{
    getStartIndex(): number;
    getEndIndex(): number;
    getText(): string;
    getTextStyle(): TextStyleImpl;
  }> {
    return this.runs.map((run) => ({
      getStartIndex: () => run.start,
      getEndIndex: () => run.end,
      getText: () => this.text.slice(run.start, run.end),
      getTextStyle: () => new TextStyleImpl(run.foregroundColor ?? null, run.bold ?? null),
    }));
  }
}

export class RichTextValueBuilderImpl {
  private text = '';
  private readonly runs: TextRun[] = [];

  setText(text: string): this {
    this.text = String(text);
    return this;
  }

  /** setTextStyle(start, end, style): a style over [start, end), which must lie within the text (as Apps Script). */
  setTextStyle(start: number, end: number, style: TextStyleImpl): this {
    if (!(start >= 0 && end <= this.text.length && start < end)) {
      throw new Error(`Invalid text range [${start}, ${end}) for text of length ${this.text.length}.`);
    }
    if (style.fontSize !== null || style.italic !== null)
      throw new Error(
        'The in-memory Sheets keeps only colour and weight in rich text runs (size and italic are not modelled).',
      );
    const run: TextRun = { start, end };
    if (style.foregroundColor !== null) run.foregroundColor = style.foregroundColor;
    if (style.bold !== null) run.bold = style.bold;
    this.runs.push(run);
    return this;
  }

  build(): RichTextValueImpl {
    return new RichTextValueImpl(this.text, [...this.runs]);
  }
}

import type { Figure } from "./figure.ts";

// What one block printed and showed, kept within limits: a block that prints in an endless loop
// must not fill the memory of whoever keeps its output (the test run, the page's worker, the
// page). Past a limit the block's output is only counted. No imports beyond a type: the page and
// its worker bundle this file.

/** How much of a block's output is kept: the rest is counted ("… N more lines"). */
export const OUTPUT_LIMITS = {
  lines: 2000,
  chars: 200_000,
  figures: 100,
  figureChars: 4_000_000,
} as const;

/** What a block captured since the last `take()`: new text and figures, and the totals dropped. */
export interface CaptureNews {
  output: string;
  figures: Figure[];
  /** Which of the kept lines (0-based, counted from the block's first) `console.error` printed: the new ones. */
  errorLines: number[];
  /** Lines printed past the limit so far (a total, not news). */
  moreLines: number;
  /** Figures shown past the limit so far (a total). */
  moreFigures: number;
}

/** One block's output and figures, capped (see OUTPUT_LIMITS). */
export class Capture {
  output = "";
  figures: Figure[] = [];
  moreLines = 0;
  moreFigures = 0;
  /** The kept lines (0-based) that `console.error` printed. */
  errorLines: number[] = [];
  private lines = 0;
  private figureChars = 0;
  private taken = { output: 0, figures: 0, errorLines: 0 };

  constructor(private readonly limits: typeof OUTPUT_LIMITS = OUTPUT_LIMITS) {}

  /** Adds printed text: whole lines, each ending in "\n"; `error` for what `console.error` printed. */
  print(text: string, error = false): void {
    if (this.moreLines) return void (this.moreLines += countLines(text));
    const first = this.lines;
    let end = 0;
    while (end < text.length) {
      const next = text.indexOf("\n", end) + 1 || text.length;
      if (
        this.lines >= this.limits.lines ||
        this.output.length + (next - end) > this.limits.chars
      ) {
        this.moreLines += countLines(text.slice(end));
        break;
      }
      this.lines++;
      end = next;
    }
    this.output += text.slice(0, end);
    if (error) for (let line = first; line < this.lines; line++) this.errorLines.push(line);
  }

  /** Adds a figure, unless the block has shown its fill of them. */
  show(figure: Figure): void {
    const size = figure.svg.length + figure.alt.length;
    if (
      this.moreFigures ||
      this.figures.length >= this.limits.figures ||
      this.figureChars + size > this.limits.figureChars
    ) {
      this.moreFigures++;
      return;
    }
    this.figureChars += size;
    this.figures.push(figure);
  }

  /** What was captured since the last call (partial reports send only what is new). */
  take(): CaptureNews {
    const news = {
      output: this.output.slice(this.taken.output),
      figures: this.figures.slice(this.taken.figures),
      errorLines: this.errorLines.slice(this.taken.errorLines),
      moreLines: this.moreLines,
      moreFigures: this.moreFigures,
    };
    this.taken = {
      output: this.output.length,
      figures: this.figures.length,
      errorLines: this.errorLines.length,
    };
    return news;
  }

  /** Whether `take()` would bring anything new. */
  get hasNews(): boolean {
    return this.output.length > this.taken.output || this.figures.length > this.taken.figures;
  }

  /** The output as a reader sees it: what was kept, then how much more there was. */
  text(): string {
    return outputText(this);
  }
}

/** A block's output as a reader sees it: what was kept, then how much more there was. */
export function outputText({ output, moreLines }: { output: string; moreLines: number }): string {
  return output + (moreLines ? `${moreLinesNote(moreLines)}\n` : "");
}

/** "… 1,234 more lines": what stands for the lines past the limit. */
export function moreLinesNote(count: number): string {
  return `… ${count.toLocaleString("en-US")} more line${count === 1 ? "" : "s"}`;
}

/** "… 12 more figures". */
export function moreFiguresNote(count: number): string {
  return `… ${count.toLocaleString("en-US")} more figure${count === 1 ? "" : "s"}`;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n + (text.length && !text.endsWith("\n") ? 1 : 0);
}

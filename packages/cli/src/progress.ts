/** Where the CLI writes: stdout, or a test's buffer. `isTTY` decides whether a progress bar is drawn. */
export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A progress bar on one terminal line, redrawn in place with `\r`, for terminals only: in a
 * pipe or a file it would be noise, so it draws nothing there. Lines printed through `log`
 * clear the bar first and it is redrawn after them.
 */
export class Progress {
  private shown = "";

  constructor(
    private readonly out: Out,
    private readonly total: number,
    private readonly width = 30,
  ) {}

  /** Draws the bar at `done` of `total`, when the percentage changed (a redraw per epoch would flood the terminal). */
  update(done: number): void {
    if (!this.out.isTTY || this.total === 0) return;
    const percent = Math.floor((100 * done) / this.total);
    const filled = Math.round((this.width * done) / this.total);
    const bar = `[${"#".repeat(filled)}${"-".repeat(this.width - filled)}] ${String(percent).padStart(3)}% of ${this.total} epochs`;
    if (bar === this.shown) return;
    this.out.write(`\r${bar}`);
    this.shown = bar;
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    const bar = this.shown;
    this.clear();
    this.out.write(`${line}\n`);
    if (bar) this.out.write(`\r${bar}`), (this.shown = bar);
  }

  /** Removes the bar from the terminal. */
  clear(): void {
    if (!this.shown) return;
    this.out.write(`\r${" ".repeat(this.shown.length)}\r`);
    this.shown = "";
  }
}

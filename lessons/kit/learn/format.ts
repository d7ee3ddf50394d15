// Small helpers for the CLI's output: the commands print plain lines, aligned in columns.

/** A bad command line: the CLI prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** `1 exercise`, `2 exercises`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `1 test fails`, `2 tests fail`. */
export function testsFail(n: number): string {
  return `${plural(n, "test")} ${n === 1 ? "fails" : "fail"}`;
}

/** Rows of cells as lines, each column padded to its widest cell (the last column is not padded). */
export function columns(rows: string[][], indent = "  "): string[] {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)),
    [],
  );
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) =>
          i < row.length - 1 ? cell + " ".repeat(widths[i]! - [...cell].length) : cell,
        )
        .join("  ")
        .trimEnd(),
  );
}

/** The first line of a failure message, cut to `max` characters. */
export function firstLine(message: string | undefined, max = 160): string {
  const line = (message ?? "").split("\n").find((l) => l.trim()) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line.trim();
}

/** A test id without its package's folder: `test/backward.test.ts > backward > …`. */
export function shortId(id: string, pkg: string): string {
  return id.startsWith(`packages/${pkg}/`) ? id.slice(`packages/${pkg}/`.length) : id;
}

/** Milliseconds as seconds with one decimal: `4.2 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

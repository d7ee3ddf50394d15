// Regions mark the parts of a source file that lessons show and exercises blank:
//   // #region name [hint]        …        // #endregion name
// (VS Code's folding markers; the name after #endregion is optional but checked when present).
// Text after the name on the opening line is the region's hint: an exercise's one-line hint
// (`// #region exercise:topo Visit each value once, operands first`).

export interface Region {
  name: string;
  /** The text after the name on the opening marker line, if any. */
  hint?: string;
  /** 0-based indices of the marker lines. */
  open: number;
  close: number;
}

const OPEN = /^\s*\/\/\s*#region\s+(\S+)(?:\s+(.*?))?\s*$/;
const CLOSE = /^\s*\/\/\s*#endregion(?:\s+(\S+))?/;

/** Every region of a source file, in order of their opening lines. Throws on unbalanced markers. */
export function findRegions(source: string, file = "source"): Region[] {
  const lines = source.split("\n");
  const open: { name: string; hint: string | undefined; line: number }[] = [];
  const regions: Region[] = [];
  lines.forEach((text, i) => {
    const start = OPEN.exec(text);
    if (start) return void open.push({ name: start[1]!, hint: start[2] || undefined, line: i });
    const end = CLOSE.exec(text);
    if (!end) return;
    const top = open.pop();
    if (!top) throw new Error(`${file}:${i + 1}: #endregion without a matching #region`);
    if (end[1] && end[1] !== top.name) {
      throw new Error(
        `${file}:${i + 1}: #endregion ${end[1]} closes #region ${top.name} (line ${top.line + 1})`,
      );
    }
    const region: Region = { name: top.name, open: top.line, close: i };
    if (top.hint) region.hint = top.hint;
    regions.push(region);
  });
  const unclosed = open.pop();
  if (unclosed)
    throw new Error(`${file}:${unclosed.line + 1}: #region ${unclosed.name} is never closed`);
  return regions.sort((a, b) => a.open - b.open);
}

/**
 * The text of a region, without its markers or the markers of regions nested in it,
 * dedented so the page shows it flush left. Returns undefined when the region is absent.
 */
export function extractRegion(source: string, name: string, file?: string): string | undefined {
  const region = findRegions(source, file).find((r) => r.name === name);
  if (!region) return undefined;
  const body = source
    .split("\n")
    .slice(region.open + 1, region.close)
    .filter((line) => !OPEN.test(line) && !CLOSE.test(line));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n") + "\n";
}

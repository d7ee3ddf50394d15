import type { BlockMeta } from "./block.ts";
import { lineDiff } from "./diff.ts";
import type { Figure } from "./figure.ts";

// The one output check of the lesson core: whether a block printed what its ```text output
// block says, and (where the lesson's recorded run is known, as in the page) showed the figures
// the test run recorded. The test run (vitest-host.ts) fails on a mismatch; the page (results.ts)
// labels the block and shows the difference. No imports beyond types and the diff: the page
// bundles it.

/** What a block must print and show: its output block, and the digests of its recorded figures. */
export type Expected = Pick<BlockMeta, "line" | "output"> & { figures?: string[] };

/** Where a block's result differs from what is expected, at a line of the lesson; undefined if it does not. */
export interface Mismatch {
  /** The lesson's line to name: the output block's, or the code block's. */
  line: number;
  reason: string;
  /** For differing text: the line diff, − the lesson, + the code. */
  diff?: string;
  /** For differing figures: how they differ. */
  figures?: string;
}

/** Checks what a block printed (and showed, when `expected.figures` is known). */
export function checkBlock(
  expected: Expected,
  printed: string,
  figures?: readonly Figure[],
): Mismatch | undefined {
  const { output } = expected;
  if (output && printed !== output.text) {
    const diff = lineDiff(output.text.replace(/\n$/, ""), printed.replace(/\n$/, ""));
    return {
      line: output.line,
      reason: `output differs from what the block at line ${expected.line} printed\n- expected (the lesson)\n+ actual (the code)\n\n${diff}`,
      diff,
    };
  }
  if (!output && printed) {
    return {
      line: expected.line,
      reason: `this block prints, but no \`\`\`text output block follows it. Add one with exactly:\n${printed}`,
      diff: lineDiff("", printed.replace(/\n$/, "")),
    };
  }
  const differ = expected.figures && figures && figuresDiffer(expected.figures, figures);
  if (differ) return { line: expected.line, reason: differ, figures: differ };
  return undefined;
}

/** How the figures differ from the recorded ones (their digests), or undefined. */
function figuresDiffer(
  recorded: readonly string[],
  figures: readonly Figure[],
): string | undefined {
  const n = (count: number) => `${count} figure${count === 1 ? "" : "s"}`;
  if (figures.length !== recorded.length)
    return `it showed ${n(figures.length)}; the test run showed ${n(recorded.length)}`;
  const changed = figures
    .map((f, i) => (figureDigest(f) === recorded[i] ? 0 : i + 1))
    .filter(Boolean);
  if (!changed.length) return undefined;
  return `${changed.length === 1 ? `figure ${changed[0]} differs` : `figures ${changed.join(", ")} differ`} from what the test run drew`;
}

/**
 * A short digest of a figure (its SVG, ids renumbered, and text alternative): FNV-1a over its
 * UTF-16 code units.
 */
export function figureDigest(figure: Figure): string {
  const svg = renumberIds(figure.svg);
  let hash = 0x811c9dc5;
  for (const text of [svg, "\0", figure.alt]) {
    for (let i = 0; i < text.length; i++)
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, "0")}:${svg.length}`;
}

/**
 * The SVG with its ids numbered in order of appearance, and their references with them. Plot
 * numbers its clip paths and markers by a counter of the process (`plot-clip-8`): the test run
 * draws every lesson in one process, the page each run in a fresh worker.
 */
function renumberIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g))
    if (!ids.has(id!)) ids.set(id!, `id${ids.size}`);
  if (!ids.size) return svg;
  return svg.replace(/(\sid="|#)([^"'()\s]+)/g, (whole, before: string, id: string) =>
    ids.has(id) ? before + ids.get(id) : whole,
  );
}

import type { Figure } from "./figure.ts";

// What `show(figure)` accepts, for the lesson core's runtime (run.ts). No imports beyond a type:
// the page's worker bundles it.

/** Checks that `figure` is one a lesson may show: an `<svg>` and a text alternative. Returns it. */
export function checkFigure(figure: unknown): Figure {
  const candidate = figure as Partial<Figure> | null | undefined;
  if (typeof candidate?.svg !== "string" || !candidate.svg.trimStart().startsWith("<svg")) {
    throw new TypeError(
      `show: expected a figure { svg, alt } whose svg is an <svg> element, got ${describe(figure)}`,
    );
  }
  if (typeof candidate.alt !== "string" || !candidate.alt.trim()) {
    throw new TypeError(
      "show: a figure needs a text alternative (alt) for readers who cannot see it",
    );
  }
  return { svg: candidate.svg, alt: candidate.alt };
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

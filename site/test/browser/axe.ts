import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// axe-core injected into the page (its source, not a URL: no request leaves the site).

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Left out of the check, to halve its time on long lessons: KaTeX's visual copy of each formula
 * (hidden from assistive technology, which reads the MathML beside it), highlighted code's lines
 * (every token colour is checked against the code backgrounds in test/assets.test.ts) and the
 * insides of figures (an SVG with role="img" is one image).
 */
const EXCLUDE = [[".katex-html"], [".shiki .line"], ["figure svg"]];

/** The page's serious and critical accessibility violations, one line each; `rules` limits the check. */
export async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.evaluate(AXE);
  const options = rules ? { runOnly: { type: "rule", values: rules } } : {};
  const result = (await page.evaluate(
    `axe.run({ exclude: ${JSON.stringify(EXCLUDE)} }, ${JSON.stringify(options)})`,
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
}

import { rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exercisesInProgress, referenceCopy } from "@gradbook/lessons/kit";
import { buildSite } from "./site.ts";

// `pnpm build` (through turbo) and `pnpm start` run this: the course's site into site/dist.
// While the learner has exercises blank or half written (`pnpm learn start`), the lessons would
// fail; the site is then built from a copy of the course with the reference code, so that the
// learner keeps the course while doing its exercises. Their own code is not touched.

const SITE = fileURLToPath(new URL("..", import.meta.url));
const ROOT = resolve(SITE, "..");
const out = join(SITE, "dist");
const COPY = join(ROOT, ".gradbook", "reference");

try {
  const inProgress = exercisesInProgress(ROOT);
  let root = ROOT;
  if (inProgress.length) {
    const names = inProgress.map((e) => e.name).join(", ");
    console.log(
      `Exercises in progress (${names}): building the site from the reference code (a copy in .gradbook/reference); your code is not touched.`,
    );
    referenceCopy(ROOT, COPY, inProgress);
    root = COPY;
  }
  const report = await buildSite({
    root,
    lessons: join(root, "lessons"),
    out,
    cache: join(SITE, ".cache"),
  }).finally(() => rmSync(COPY, { recursive: true, force: true }));
  const kb = (path: string) => (statSync(join(out, path)).size / 1024).toFixed(1);
  const phases = Object.entries(report.timings)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(", ");
  console.log(
    `Built ${report.pages.length} pages (${report.lessons.length} lessons, API of ${report.packages.length} packages) into site/dist: ${phases}.`,
  );
  const first = report.lessons[0];
  if (first)
    console.log(
      `A lesson page: ${first} ${kb(first)} KB + site.css ${kb("assets/site.css")} KB (+ KaTeX's CSS and fonts where it has math; JavaScript optional).`,
    );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "./site.ts";

// `pnpm build` (through turbo) and `pnpm start` run this: the course's site into site/dist.

const SITE = fileURLToPath(new URL("..", import.meta.url));
const ROOT = resolve(SITE, "..");
const out = join(SITE, "dist");

try {
  const report = await buildSite({ root: ROOT, lessons: join(ROOT, "lessons"), out, cache: join(SITE, ".cache") });
  const kb = (path: string) => (statSync(join(out, path)).size / 1024).toFixed(1);
  const phases = Object.entries(report.timings).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(", ");
  console.log(`Built ${report.pages.length} pages (${report.lessons.length} lessons, API of ${report.packages.length} packages) into site/dist: ${phases}.`);
  const first = report.lessons[0];
  if (first) console.log(`A lesson page: ${first} ${kb(first)} KB + site.css ${kb("assets/site.css")} KB (+ KaTeX's CSS and fonts where it has math; JavaScript optional).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

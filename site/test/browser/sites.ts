import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lessonFiles, LESSONS, recordPath } from "@gradbook/lessons/kit";
import { inputsHash } from "../../src/freshness.ts";
import { createSiteServer, listen } from "../../src/serve.ts";
import { buildSite, type BuildReport } from "../../src/site.ts";

// The sites the browser tests visit: the course's own (site/dist when it was built from the
// files on disk now, else a fresh build in a temporary folder) and a fixture course with math,
// figures, an include and a lesson that never ends in the browser.

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DIST = join(ROOT, "site/dist");
const COURSE = join(ROOT, "site/test/fixtures/course");

/** A built site, served. */
export interface ServedSite {
  base: string;
  dir: string;
  report: BuildReport;
  server: Server;
  /** Whether the build was made for this run (false: site/dist was fresh and reused). */
  built: boolean;
}

async function serve(dir: string, report: BuildReport, built: boolean): Promise<ServedSite> {
  const server = createSiteServer(dir);
  const port = await listen(server, 0);
  return { base: `http://127.0.0.1:${port}/`, dir, report, server, built };
}

/**
 * The course's site: site/dist if its build-info says it was built from these inputs, else a
 * build that takes the lessons' records from `recorded` when it gives a folder.
 */
export async function courseSite(
  recorded?: () => Promise<string | undefined>,
): Promise<ServedSite> {
  const info = join(DIST, "build-info.json");
  if (existsSync(info)) {
    const report = JSON.parse(readFileSync(info, "utf8")) as BuildReport & { inputs: string };
    if (report.inputs === inputsHash(ROOT)) return serve(DIST, report, false);
  }
  const temp = mkdtempSync(join(tmpdir(), "gradbook-site-"));
  const out = join(temp, "dist");
  const report = await buildSite({
    root: ROOT,
    lessons: join(ROOT, "lessons"),
    out,
    cache: join(temp, "cache"),
    ...(recorded ? { recorded } : {}),
  });
  return serve(out, report, true);
}

/**
 * `folder` if it holds a record of every lesson of the course written since `since` (ms), as the
 * lessons' project of a `pnpm test` run leaves it; else undefined.
 */
export function recordsSince(folder: string, since: number): string | undefined {
  const files = lessonFiles(LESSONS).map((f) => recordPath(folder, `lessons/${f}`));
  return files.every((f) => existsSync(f) && statSync(f).mtimeMs >= since) ? folder : undefined;
}

/** The fixture course's site. Tests that press its Run button set their own time limit (./run.ts). */
export async function fixtureSite(): Promise<ServedSite> {
  const temp = mkdtempSync(join(tmpdir(), "gradbook-fixture-"));
  const out = join(temp, "dist");
  const report = await buildSite({
    root: ROOT,
    lessons: COURSE,
    out,
    cache: join(temp, "cache"),
    vitestConfig: join(COURSE, "vitest.config.ts"),
    api: false,
  });
  return serve(out, report, true);
}

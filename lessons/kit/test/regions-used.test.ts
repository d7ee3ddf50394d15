import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseLessons } from "../course.ts";
import { parseLesson } from "../parse.ts";
import { ROOT } from "../plugin.ts";
import { findRegions } from "../regions.ts";

// A region exists to be shown: one that no lesson includes is a marker the reader of the package
// pays for and the learner never sees. Exercise regions are exempt: exercise mode blanks them.
// Reads every lesson and every package, so new ones are checked without changing this test.

/** `path#region` for every non-exercise region in packages/NAME/src. */
function packageRegions(): string[] {
  const packages = join(ROOT, "packages");
  return readdirSync(packages)
    .filter((pkg) => existsSync(join(packages, pkg, "src")))
    .flatMap((pkg) =>
      readdirSync(join(packages, pkg, "src"), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `packages/${pkg}/src/${f.replaceAll("\\", "/")}`),
    )
    .flatMap((path) =>
      findRegions(readFileSync(join(ROOT, path), "utf8"), path).map((r) => `${path}#${r.name}`),
    )
    .filter((id) => !id.includes("#exercise:"));
}

/** `path#region` for every include of every lesson. */
function includedRegions(): Set<string> {
  const lessons = courseLessons().map((path) =>
    parseLesson(path.slice(ROOT.length + 1).replaceAll("\\", "/"), readFileSync(path, "utf8")),
  );
  return new Set(
    lessons.flatMap((lesson) =>
      lesson.includes.map((include) => `${include.path}#${include.region}`),
    ),
  );
}

describe("package regions", () => {
  it("finds the regions and includes it checks (so the check below is not vacuous)", () => {
    expect(packageRegions().length).toBeGreaterThan(10);
    expect(includedRegions().size).toBeGreaterThan(10);
  });

  it("are each included by some lesson, except exercises", () => {
    const included = includedRegions();
    expect(packageRegions().filter((id) => !included.has(id))).toEqual([]);
  });
});

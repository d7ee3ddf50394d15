import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// `pnpm lessons:update` (GRADBOOK_UPDATE=1): the test run's host rewrites each output block that
// differs from what its block printed, in place, and leaves the rest of the lesson as it was.

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const fence = "```";
const lesson = (first: string) =>
  [
    "---",
    "package: none",
    "---",
    "",
    "# Outputs to update",
    "",
    `${fence}ts`,
    'console.log("one\\ntwo\\nthree");',
    fence,
    "",
    `${fence}text output`,
    first,
    fence,
    "",
    `${fence}ts throws`,
    'throw new RangeError("no");',
    fence,
    "",
    `${fence}text output`,
    "RangeError: no",
    fence,
    "",
  ].join("\n");

it("rewrites a differing output block in place; the lesson then passes as it is", () => {
  const dir = mkdtempSync(join(tmpdir(), "gradbook-update-"));
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  const config = join(dir, "vitest.config.ts");
  writeFileSync(
    config,
    `import { defineConfig } from "vitest/config";
import { LESSON_TEST, lessonPlugin } from ${JSON.stringify(join(REPO, "lessons/kit/plugin.ts"))};
export default defineConfig({
  plugins: [lessonPlugin({ root: ${JSON.stringify(dir)} })],
  root: ${JSON.stringify(dir)},
  test: { include: ["*.md"], ...LESSON_TEST },
});
`,
  );
  const path = join(dir, "01-outputs.md");
  writeFileSync(path, lesson("one\nthe lesson's old line"));
  const run = (update: boolean) =>
    spawnSync(
      process.execPath,
      [join(REPO, "node_modules/vitest/vitest.mjs"), "run", "--config", config],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, GRADBOOK_UPDATE: update ? "1" : "", GRADBOOK_RECORD: "" },
      },
    );
  expect(run(false).status).toBe(1);
  const updated = run(true);
  expect(updated.status, updated.stdout + updated.stderr).toBe(0);
  expect(readFileSync(path, "utf8")).toBe(lesson("one\ntwo\nthree"));
  expect(run(false).status).toBe(0);
}, 120_000);

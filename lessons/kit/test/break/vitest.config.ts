import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { defineConfig } from "vitest/config";
import { parseLesson } from "../../parse.ts";
import { LESSON_TEST, lessonPlugin, ROOT } from "../../plugin.ts";
import { breakBlock, planFromEnv } from "./breaks.ts";

// The course's own lessons, run as `pnpm test` runs them, with one block of each broken as
// GRADBOOK_BREAK says (break.test.ts reads the report). The break is made in memory: the
// lesson files are never written.

const plan = planFromEnv();

export default defineConfig({
  plugins: [
    {
      name: "break-a-block",
      enforce: "pre",
      load(id) {
        const file = relative(ROOT, id);
        const target = plan[file];
        if (!target) return null;
        const source = readFileSync(id, "utf8");
        const block = parseLesson(file, source).blocks.find((b) => b.line === target.line);
        if (!block) throw new Error(`break: ${file} has no block at line ${target.line}`);
        return breakBlock(source, block, target.how, target.text);
      },
    },
    lessonPlugin(),
  ],
  root: join(ROOT, "lessons"),
  test: { include: ["[0-9][0-9]-*.md"], ...LESSON_TEST },
});

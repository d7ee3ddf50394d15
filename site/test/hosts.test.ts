import {
  checkBlock,
  figureDigest,
  lessonFiles,
  ROOT,
  runBlocks,
  type BlockResult,
} from "@gradbook/lessons/kit";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { recordLessons } from "../src/course/record.ts";
import { readRecords } from "../src/course/records.ts";
import { lessonData } from "../src/runner/data.ts";
import { COURSE, fixtureLesson } from "./helpers/render.ts";

// The lesson core's hosts agree: the fixture course run by vitest (the test run's host: the
// plugin, runtime.ts) and by the core's runtime in Node directly (as the page's worker runs it,
// with Node's own format) print and draw the same in every block. The page's side, in chromium,
// is the browser tests' (run-button.test.ts: every block of every lesson "printed the same"
// as the test run's record, figures included).

const records = mkdtempSync(join(tmpdir(), "gradbook-hosts-"));
afterAll(() => rmSync(records, { recursive: true, force: true }));

const modules: Record<string, () => Promise<unknown>> = {
  vitest: () => import("../src/client/expect.ts"),
  "@gradbook/lessons/figure": () => import("../../lessons/kit/figure.ts"),
};

describe("the lesson core's two hosts", () => {
  it("print and draw the same in every block of the fixture course: vitest's run and the core in Node", async () => {
    await recordLessons({ root: ROOT, dir: records, config: join(COURSE, "vitest.config.ts") });
    const recorded = readRecords(records);
    for (const name of lessonFiles(COURSE)) {
      const lesson = fixtureLesson(name);
      const record = recorded.get(lesson.file)!;
      const data = lessonData(lesson, record)!;
      const whole = new Map<number, BlockResult>();
      const ok = await runBlocks(
        { lesson: data, upTo: data.blocks.length - 1 },
        {
          format,
          import: (s) => (modules[s] ? modules[s]() : Promise.reject(new Error(`no module ${s}`))),
          report: (r) => {
            const before = whole.get(r.index);
            whole.set(
              r.index,
              before
                ? {
                    ...r,
                    output: before.output + r.output,
                    figures: [...before.figures, ...r.figures],
                  }
                : r,
            );
          },
        },
      );
      // The lesson that never ends in a worker ends at once in Node, as in vitest.
      expect(ok, lesson.file).toBe(true);
      data.blocks.forEach((block, i) => {
        const result = whole.get(i)!;
        const where = `${lesson.file}:${block.line}`;
        expect(result.output, where).toBe(record.blocks[i]!.output);
        expect(result.figures.map(figureDigest), where).toEqual(block.figures);
        expect(checkBlock(block, result.output, result.figures), where).toBeUndefined();
      });
    }
  });
});

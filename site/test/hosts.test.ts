import {
  checkBlock,
  figureDigest,
  lessonCode,
  lessonFiles,
  lessonLine,
  lessonPlugin,
  loadLesson,
  ROOT,
  runBlocks,
  type BlockResult,
  type LessonCode,
} from "@gradbook/lessons/kit";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { recordLessons } from "../src/course/record.ts";
import { readRecords } from "../src/course/records.ts";
import { lessonData } from "../src/runner/data.ts";
import { COURSE, fixtureLesson } from "./helpers/render.ts";

// The lesson core's hosts agree: the fixture course run by vitest (the test run's host: the
// plugin and vitest-host.ts) and by the core's runtime in Node directly (as the page's worker runs
// it, with Node's own format) print and draw the same in every block, and blame a failure on the
// same line; both run the same blocks through the same compiler and runtime (run.ts). The page's
// side, in chromium, is the browser tests' (run-button.test.ts: every block of every lesson
// "printed the same" as the test run's record, figures included).

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

  it("share one compiler: vitest's lesson module hands the core's runtime the blocks the page's worker gets", async () => {
    const transform = lessonPlugin().transform as (source: string, id: string) => { code: string };
    for (const name of lessonFiles(COURSE)) {
      const lesson = fixtureLesson(name);
      const { code } = transform(lesson.source, join(COURSE, name));
      // The module holds no compiled code of its own: one call to the host, with the blocks as data.
      const [, host, data] =
        /^import \{ lessonTests \} from "(.+)";\nlessonTests\((.+), \(specifier\) => import\(.*\)\);\n$/.exec(
          code,
        )!;
      expect(host).toBe(join(ROOT, "lessons/kit/vitest-host.ts"));
      expect(JSON.parse(data!).lesson).toEqual(lessonCode(lesson));
      const page = lessonData(lesson);
      if (page) expect(page).toEqual(lessonCode(lesson)); // no record: no figure digests to add
    }
  });

  it("blame a failure on the same block and line, with the same message", async () => {
    const kit = join(ROOT, "lessons/kit/test/fixtures");
    const failing = [
      "02-failing-assertion.md",
      "09-syntax-error.md",
      "10-thrown-in-earlier-block.md",
    ];
    const out = join(records, "report.json");
    spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/vitest/vitest.mjs"),
        "run",
        "--config",
        join(kit, "vitest.config.ts"),
        ...failing,
        "--reporter=json",
        `--outputFile=${out}`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      testResults: {
        name: string;
        assertionResults: { status: string; failureMessages: string[] }[];
      }[];
    };
    for (const name of failing) {
      const vitest = report.testResults
        .find((r) => r.name.endsWith(name))!
        .assertionResults.find((a) => a.status === "failed")!
        .failureMessages[0]!.split("\n")[0];
      const path = join(kit, name);
      const lesson = lessonCode(loadLesson(path, readFileSync(path, "utf8")));
      let failure: BlockResult | undefined;
      await runBlocks(
        { lesson, upTo: lesson.blocks.length - 1 },
        { format, import: (s) => import(s), report: (r) => void (r.error && (failure = r)) },
      );
      expect(vitest, name).toBe(blamed(lesson, failure!));
    }
  });
});

/** The first line of a failure as vitest reports it, from the core's result. */
function blamed(lesson: LessonCode, { error, at }: BlockResult): string {
  const colon = error!.indexOf(": ");
  return `${error!.slice(0, colon)}: ${lesson.file}:${lessonLine(lesson, at!)}${error!.slice(colon)}`;
}

import { LessonError, type BlockRecord, type Figure, type Lesson } from "@gradbook/lessons/kit";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// What the test run recorded (the kit's runtime writes one JSON file per lesson when
// GRADBOOK_RECORD names a folder): each runnable block's printed output and shown figures.

/** One lesson's record, as the kit's runtime writes it. */
export interface LessonRecord {
  file: string;
  blocks: BlockRecord[];
}

/** Every record in a folder, by lesson file (`lessons/01-chain-rule.md`). */
export function readRecords(dir: string): Map<string, LessonRecord> {
  const records = new Map<string, LessonRecord>();
  if (!existsSync(dir)) return records;
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const record = JSON.parse(readFileSync(join(dir, name), "utf8")) as LessonRecord;
    records.set(record.file, record);
  }
  return records;
}

/**
 * Where each recorded figure goes: after its block's ```text output block if it has one,
 * else after the block; keyed by the line of that fence. Throws if the record does not match
 * the lesson (a stale record would put the wrong output on the page).
 */
export function placeFigures(
  lesson: Lesson,
  record: LessonRecord | undefined,
): Map<number, Figure[]> {
  const runnable = lesson.blocks.filter((b) => b.kind !== "no-run");
  if (!record) {
    if (runnable.length)
      throw new LessonError(
        lesson.file,
        1,
        "no recorded run of this lesson: run it with GRADBOOK_RECORD set",
      );
    return new Map();
  }
  const placed = new Map<number, Figure[]>();
  runnable.forEach((block, i) => {
    const run = record.blocks[i];
    if (run?.line !== block.line)
      throw new LessonError(
        lesson.file,
        block.line,
        "the recorded run does not match the lesson's blocks: the record is stale",
      );
    if (run.error)
      throw new LessonError(lesson.file, block.line, `the recorded run failed here: ${run.error}`);
    if (run.output !== (block.output?.text ?? ""))
      throw new LessonError(
        lesson.file,
        block.line,
        "the recorded output differs from the lesson's output block: the record is stale",
      );
    if (run.figures.length) placed.set(block.output?.line ?? block.line, run.figures);
  });
  if (record.blocks.length !== runnable.length)
    throw new LessonError(
      lesson.file,
      1,
      "the recorded run has more blocks than the lesson: the record is stale",
    );
  return placed;
}

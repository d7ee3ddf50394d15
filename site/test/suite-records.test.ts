import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessonFiles, LESSONS, recordPath } from "@gradbook/lessons/kit";
import { afterAll, describe, expect, it } from "vitest";
import { recordsSince } from "./browser/sites.ts";

// The browser tests' course site takes the lessons project's records only when that run left a
// record of every lesson, written during this test run; otherwise the build runs the lessons.

const folder = mkdtempSync(join(tmpdir(), "gradbook-suite-records-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const files = lessonFiles(LESSONS).map((f) => recordPath(folder, `lessons/${f}`));

describe("recordsSince", () => {
  it("takes a folder with a record of every lesson written since the run started", () => {
    const started = Date.now() - 1000;
    for (const f of files) writeFileSync(f, "{}");
    expect(recordsSince(folder, started)).toBe(folder);
  });

  it("refuses it when one lesson's record is older than the run (a run before this one)", () => {
    const started = Date.now() - 1000;
    for (const f of files) writeFileSync(f, "{}");
    const old = (started - 60_000) / 1000;
    utimesSync(files[3]!, old, old);
    expect(recordsSince(folder, started)).toBeUndefined();
  });

  it("refuses it when a lesson has no record (this run did not run every lesson)", () => {
    const started = Date.now() - 1000;
    for (const f of files) writeFileSync(f, "{}");
    rmSync(files.at(-1)!);
    expect(recordsSince(folder, started)).toBeUndefined();
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
});

import type { Reporter, TestModule } from "vitest/node";

/**
 * Lists skipped tests after a run; under CI (`CI` set) a skip fails the run. A skip hides
 * work that did not happen: a lesson block after a failure, a browser test with no browser.
 */
export class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const result = t.result();
        if (result.state !== "skipped") continue;
        skipped.push(
          `${m.moduleId.replace(process.cwd() + "/", "")} > ${t.fullName}${result.note ? ` (${result.note})` : ""}`,
        );
      }
    }
    if (!skipped.length) return;
    const strict = Boolean(process.env.CI);
    console.log(
      `\n${skipped.length} skipped test${skipped.length > 1 ? "s" : ""}${strict ? " — CI treats a skip as a failure" : ""}:\n  ${skipped.join("\n  ")}`,
    );
    if (strict) process.exitCode = 1;
  }
}

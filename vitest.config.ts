import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { SkipReporter } from "./lessons/kit/skip-reporter.ts";
import { useRunFolder } from "./vitest.tmpdir.ts";

useRunFolder();

// One vitest process runs every project: on 2 cores, parallel vitest processes only slow each
// other. Inside it, at least two test files at a time even on 2 cores (vitest would run one):
// many files wait on a child process (chromium, a site build, a spawned CLI) much of the time.
export default defineConfig({
  test: {
    projects: ["packages/*", "lessons", "lessons/kit", "site", "site/test/browser"],
    reporters: ["default", new SkipReporter()],
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

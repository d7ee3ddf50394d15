import type { TestProjectInlineConfiguration } from "vitest/config";
import { LIMITS } from "./vitest.limits.ts";

/**
 * A step package's test settings (its vitest.config.ts): the files under test/, the suite's time
 * limits, fast-check's fixed seed, and `isolate: false`: the tests hold no state between files,
 * and loading the modules once for all of them saves a third of the CPU.
 */
export const packageTests = (
  name: string,
): NonNullable<TestProjectInlineConfiguration["test"]> => ({
  name,
  include: ["test/**/*.test.ts"],
  setupFiles: ["../../vitest.fast-check.ts"],
  ...LIMITS,
  isolate: false,
});

import { defineProject } from "vitest/config";
import { LIMITS } from "../../vitest.limits.ts";

export default defineProject({
  test: {
    name: "kit",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../vitest.fast-check.ts"],
    ...LIMITS,
  },
});

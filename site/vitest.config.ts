import { defineProject } from "vitest/config";
import { LIMITS } from "../vitest.limits.ts";

// The site's tests without a browser: the renderer's pieces, the build, the server. The built
// site in chromium is the `browser` project (test/browser/vitest.config.ts).
export default defineProject({
  test: {
    name: "site",
    include: ["test/*.test.ts"],
    setupFiles: ["../vitest.fast-check.ts"],
    ...LIMITS,
    // Their modules hold no state between files: loading them once saves a third of the CPU.
    isolate: false,
  },
});

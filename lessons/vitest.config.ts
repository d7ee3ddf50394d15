import { defineProject } from "vitest/config";
import { LIMITS } from "../vitest.limits.ts";
import { lessonPlugin } from "./kit/plugin.ts";

// Every lesson is a test file: one test per runnable block, run in course order.
export default defineProject({
  plugins: [lessonPlugin()],
  test: {
    name: "lessons",
    include: ["[0-9][0-9]-*.md"],
    // Lessons are small: sharing one worker without isolation runs them ~10× faster.
    pool: "threads",
    isolate: false,
    sequence: { concurrent: false },
    // A block may train a network for a few seconds; on a loaded 2-core machine, more.
    ...LIMITS,
  },
});

import { defineProject } from "vitest/config";
import { LESSON_TEST, lessonPlugin, SUITE_RECORDS } from "./kit/plugin.ts";

// Every lesson is a test file: one test per runnable block. The run records what each block
// printed and showed, which the browser tests' site build takes instead of running them again.
// The lessons it runs are type-checked first, and a lesson with a type error fails at its line.
export default defineProject({
  plugins: [lessonPlugin({ record: SUITE_RECORDS })],
  test: {
    name: "lessons",
    include: ["[0-9][0-9]-*.md"],
    globalSetup: ["kit/typecheck-setup.ts"],
    setupFiles: ["kit/typecheck-hook.ts"],
    ...LESSON_TEST,
  },
});

import { defineProject } from "vitest/config";
import { LESSON_TEST, lessonPlugin, SUITE_RECORDS } from "./kit/plugin.ts";

// Every lesson is a test file: one test per runnable block. The run records what each block
// printed and showed, which the browser tests' site build takes instead of running them again.
export default defineProject({
  plugins: [lessonPlugin({ record: SUITE_RECORDS })],
  test: { name: "lessons", include: ["[0-9][0-9]-*.md"], ...LESSON_TEST },
});

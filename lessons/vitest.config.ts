import { defineProject } from "vitest/config";
import { LESSON_TEST, lessonPlugin } from "./kit/plugin.ts";

// Every lesson is a test file: one test per runnable block.
export default defineProject({
  plugins: [lessonPlugin()],
  test: { name: "lessons", include: ["[0-9][0-9]-*.md"], ...LESSON_TEST },
});

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, inject } from "vitest";

// A setup file of the lessons project (see typecheck-setup.ts): after a lesson's blocks have run,
// fail the lesson with the type errors the global setup found in it, at their markdown lines.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

afterAll(() => {
  const file = relative(ROOT, expect.getState().testPath ?? "").replaceAll("\\", "/");
  const errors = inject("lessonTypeErrors")?.[file];
  if (!errors?.length) return;
  const error = new TypeError(`${file} does not type-check:\n${errors.join("\n")}`);
  error.stack = `${error.name}: ${error.message}`; // where: the markdown lines above, not this hook
  throw error;
});

import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { lessonName } from "./course.ts";
import { resolveInclude } from "./include.ts";
import { parseLesson, type Lesson } from "./parse.ts";
import { lessonCode } from "./block.ts";
import type { LessonModule } from "./vitest-host.ts";
import { LIMITS } from "../../vitest.limits.ts";

/** The repository root: lesson paths in messages and include paths are relative to it. */
export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const HOST = fileURLToPath(new URL("./vitest-host.ts", import.meta.url));
/**
 * Where the lessons' run in `pnpm test` records what each block printed and showed: the browser
 * tests' site build takes it from there instead of running the lessons a second time.
 */
export const SUITE_RECORDS = join(ROOT, "node_modules/.cache/gradbook/records");

/** Parses a lesson file and resolves its includes, failing at the lesson's line. */
export function loadLesson(path: string, source: string, root = ROOT): Lesson {
  const lesson = parseLesson(relative(root, path).replaceAll("\\", "/"), source);
  for (const include of lesson.includes) resolveInclude(lesson, include, root);
  return lesson;
}

/**
 * How lessons run, for lessons/vitest.config.ts and for `pnpm learn`'s runner alike. Lessons
 * are small: sharing one worker without isolation runs them ~10× faster, in course order. A
 * block may train a network for seconds, and far longer on a loaded machine: hence LIMITS.
 */
export const LESSON_TEST = {
  pool: "threads",
  isolate: false,
  sequence: { concurrent: false },
  ...LIMITS,
} as const;

/**
 * A Vite plugin that turns `NN-slug.md` lessons into test modules: each hands its blocks to the
 * test run's host of the lesson core (vitest-host.ts), which runs them and declares one test per
 * block. The blocks' imports load through the module, so they resolve from the lesson's folder.
 * With `record`, each lesson records its run there (unless GRADBOOK_RECORD names another folder).
 */
export function lessonPlugin(options: { root?: string; record?: string } = {}): Plugin {
  const root = options.root ?? ROOT;
  return {
    name: "gradbook-lessons",
    enforce: "pre",
    transform(source, id) {
      if (!lessonName(id)) return null;
      const lesson = loadLesson(id, source, root);
      const module: LessonModule = {
        lesson: lessonCode(lesson),
        path: id,
        ...(options.record ? { record: options.record } : {}),
      };
      const code =
        `import { lessonTests } from ${JSON.stringify(HOST)};\n` +
        `lessonTests(${JSON.stringify(module)}, (specifier) => import(/* @vite-ignore */ specifier));\n`;
      // No map: the module holds no line of the lesson (the core names the lesson's lines itself).
      return { code, map: { mappings: "" } };
    },
  };
}

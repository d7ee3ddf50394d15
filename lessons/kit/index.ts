export { lessonCode, type BlockMeta } from "./block.ts";
export { typeModule, type TypeModule } from "./type-module.ts";
export { courseLessons, LESSON_FILE, lessonFiles, lessonName, LESSONS } from "./course.ts";
export { lineDiff } from "./diff.ts";
export { LessonError } from "./errors.ts";
export { parseFence, type Fence, type FenceKind } from "./fence.ts";
export { graph, plot, type Figure } from "./figure.ts";
export { resolveInclude } from "./include.ts";
export { readCourse as readExerciseCourse, type CourseLesson } from "./learn/course.ts";
export { packageExercises, type Exercise } from "./learn/exercises.ts";
export { exercisesInProgress, referenceCopy } from "./learn/reference-copy.ts";
export { createMarkdown, lessonSyntax, splitFrontMatter } from "./markdown.ts";
export { checkBlock, figureDigest, type Expected, type Mismatch } from "./outcome.ts";
export { lineOffsets, parseLesson, type CodeBlock, type Include, type Lesson } from "./parse.ts";
export { lessonPlugin, loadLesson, ROOT, SUITE_RECORDS } from "./plugin.ts";
export {
  lessonLine,
  runBlocks,
  type BlockResult,
  type LessonCode,
  type LessonScope,
  type RunBlock,
  type RunRequest,
} from "./run.ts";
export { type BlockRecord, recordPath } from "./record.ts";
export { extractRegion, findRegions, type Region } from "./regions.ts";
export { checkFigure } from "./show.ts";
export { allowedPackages, checkImport, STEPS } from "./steps.ts";
export { typecheckLessons, type LessonDiagnostic } from "./typecheck.ts";

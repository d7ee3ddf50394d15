// What a lesson file is called, without any node: import, so that code for the browser can use it
// too (course.ts adds finding them in a folder).

/** A lesson's file name: `01-chain-rule.md` is lesson `01`, slug `chain-rule`. */
export const LESSON_FILE = /^(\d\d)-([\w-]+)\.md$/;

/** The number as written (`01`) and the slug of a lesson's file name or path; null if it names no lesson. */
export function lessonName(path: string): { nn: string; slug: string } | null {
  const match = LESSON_FILE.exec(path.split(/[\\/]/).pop()!);
  return match ? { nn: match[1]!, slug: match[2]! } : null;
}

/**
 * An error in a lesson, located at a line of its markdown file.
 * Its message starts with `file:line:` so editors and terminals can jump to it.
 */
export class LessonError extends Error {
  override name = "LessonError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

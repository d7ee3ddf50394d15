import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../src/course/lessons.ts";
import { CONTROLS } from "../src/explore/controls.ts";
import { lessonLinkHref } from "../src/explore/page.ts";

// Each explorer control explains itself and links to the lesson section that teaches it. The page
// drops a link whose heading a course lacks (a test course); in the real course none may be missing.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("the explorer's lesson links", () => {
  it("each resolve to a heading of the course's lesson", () => {
    const course = loadCourse(`${ROOT}lessons`, ROOT);
    const missing = CONTROLS.filter(
      (c) => c.link && lessonLinkHref(course, c.link) === undefined,
    ).map((c) => `${c.flag} → lesson ${c.link!.lesson} "${c.link!.heading}"`);
    expect(missing).toEqual([]);
  });
});

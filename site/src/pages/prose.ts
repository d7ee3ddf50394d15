import type { RenderedLesson } from "../render/lesson.ts";
import { page, type SiteNav } from "./layout.ts";

// A page of prose beside the course, from a markdown file in lessons/ that is not a lesson
// (`assignment.md`: the write-up the course corrects). Rendered like a lesson, with no code to run.

/** The markdown files in lessons/ that become pages of their own, by name (`assignment` → assignment.html). */
export const PROSE_PAGES = ["assignment"] as const;

/** A prose page: its rendered markdown in the site's frame. */
export function prosePage(
  name: string,
  title: string,
  rendered: RenderedLesson,
  nav: SiteNav,
): string {
  return page({
    title: `${title} — gradbook`,
    description: `${title}: a page beside the gradbook course.`,
    path: `${name}.html`,
    root: "",
    main: `<article class="lesson">\n${rendered.html}</article>`,
    nav,
    toc: rendered.toc,
    hasMath: rendered.hasMath,
  });
}

import type { LessonPage } from "../course/lessons.ts";
import { escapeHtml } from "../render/escape.ts";
import type { RenderedLesson } from "../render/lesson.ts";
import { page, type SiteNav } from "./layout.ts";

export interface LessonPageSpec {
  course: LessonPage[];
  index: number;
  rendered: RenderedLesson;
  nav: SiteNav;
  /** The API page of the lesson's package, if the site has one. */
  apiHref?: string;
  /** The compiled lesson for the Run button, if the lesson has code to run. */
  runHref?: string;
  /** The Run button's time limit. */
  timeLimitMs: number;
}

/** A lesson's page: its rendered markdown, the paired package, the Run button, previous/next. */
export function lessonPage(spec: LessonPageSpec): string {
  const { lesson, href, label } = spec.course[spec.index]!;
  const pkg = lesson.package;
  const pairs = pkg
    ? `<p class="lesson-meta">This lesson builds <code>@gradbook/${escapeHtml(pkg)}</code>${spec.apiHref ? ` — <a href="${spec.apiHref}">its API reference</a>` : ""}.</p>`
    : `<p class="lesson-meta">This lesson builds no package; the <a href="api/index.html">API reference</a> covers those that the course builds.</p>`;
  const runner = spec.runHref
    ? `\n<div class="runner" data-lesson="${spec.runHref}" data-worker="assets/js/worker.js" data-time-limit="${spec.timeLimitMs}"></div>`
    : "";
  // The lesson's own # title stays its h1; the eyebrow, meta line and runner sit around it.
  const body = spec.rendered.html.replace(/<\/h1>\n?/, (close) => `${close}${pairs}${runner}\n`);
  const main = `<article class="lesson">
<p class="eyebrow">Lesson ${label}</p>
${body}</article>
${pager(spec.course, spec.index)}`;
  return page({
    title: `${label} ${lesson.title} — gradbook`,
    description: `Lesson ${label} of gradbook: ${lesson.title}.`,
    path: href,
    root: "",
    main,
    nav: spec.nav,
    toc: spec.rendered.toc,
    hasMath: spec.rendered.hasMath,
  });
}

/** Links to the previous and next lessons in course order. */
export function pager(course: LessonPage[], index: number): string {
  const link = (rel: "prev" | "next", target: LessonPage | undefined) =>
    target
      ? `<a class="${rel}" rel="${rel}" href="${target.href}"><span class="pager-label">${rel === "prev" ? "Previous" : "Next"}</span> ${target.label} ${escapeHtml(target.lesson.title)}</a>`
      : "";
  return `<nav class="pager" aria-label="Previous and next lessons">${link("prev", course[index - 1])}${link("next", course[index + 1])}</nav>`;
}

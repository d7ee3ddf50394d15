import type { TocEntry } from "../render/anchors.ts";
import { escapeHtml } from "../render/escape.ts";
import { PAGE_POLICY } from "./csp.ts";

// The frame every page shares: a header with search and the theme toggle (both hidden until
// JavaScript shows them), a sidebar with the course and the API reference, and the content.
// Links are relative, so the site works from any folder (and reads from disk with JS off).

/** The site's navigation: the lessons in course order and the API pages. */
export interface SiteNav {
  lessons: { href: string; label: string; title: string }[];
  packages: { href: string; name: string }[];
}

export interface PageSpec {
  title: string;
  description: string;
  /** The page's path from the site root, e.g. `api/autograd.html`. */
  path: string;
  /** The path back to the site root: "" or "../" — or "/" for the 404 page, served at any depth. */
  root: string;
  main: string;
  nav: SiteNav;
  /** The current lesson's sections, listed under it in the sidebar. */
  toc?: TocEntry[];
  hasMath?: boolean;
}

/**
 * assets/head.js, run before first paint (a classic script in the head: the policy allows no
 * inline one): marks that scripts run (narrow screens then fold the navigation behind the menu
 * button, client/menu.ts) and applies a stored theme (the toggle in client/theme.ts stores it).
 */
export const HEAD_SCRIPT = `document.documentElement.classList.add("js");try{var t=localStorage.getItem("gradbook-theme");if(t)document.documentElement.dataset.theme=t}catch(e){}\n`;

/** A whole HTML page around `spec.main`. */
export function page(spec: PageSpec): string {
  const r = spec.root;
  const math = spec.hasMath
    ? `\n<link rel="stylesheet" href="${r}assets/katex/katex.min.css">`
    : "";
  return `<!doctype html>
<html lang="en" data-root="${r}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)}</title>
<meta name="description" content="${escapeHtml(spec.description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${r}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${r}assets/site.css">${math}
<script src="${r}assets/head.js"></script>
<script type="module" src="${r}assets/js/site.js"></script>
</head>
<body>
<a class="skip-link" href="#content">Skip to the content</a>
<header class="site-header">
<a class="brand" href="${r}index.html">gradbook</a>
<form class="search" role="search" hidden>
<label class="visually-hidden" for="search-input">Search the course</label>
<input id="search-input" type="search" placeholder="Search" autocomplete="off">
<span class="search-status visually-hidden" role="status"></span>
<ul class="search-results" hidden></ul>
</form>
<button id="theme-toggle" type="button" hidden><span aria-hidden="true">◐</span> <span class="theme-label">Dark theme</span></button>
<button class="menu-button" type="button" aria-expanded="false" aria-controls="site-nav">Menu</button>
</header>
<div class="layout">
${sidebar(spec)}
<main id="content">
${spec.main}
</main>
</div>
<footer class="site-footer"><p>gradbook — a neural-network library built from the chain rule up. Every output and figure on these pages comes from the test run that checked it.</p></footer>
</body>
</html>
`;
}

function current(spec: PageSpec, href: string): string {
  return spec.path === href ? ` aria-current="page"` : "";
}

function sidebar(spec: PageSpec): string {
  const r = spec.root;
  const lessons = spec.nav.lessons
    .map((l) => {
      const here = spec.path === l.href;
      const toc =
        here && spec.toc?.length
          ? `\n<ol class="toc">${spec.toc
              .filter((t) => t.level === 2)
              .map((t) => `<li><a href="#${t.id}">${escapeHtml(t.text)}</a></li>`)
              .join("")}</ol>`
          : "";
      return `<li><a href="${r}${l.href}"${current(spec, l.href)}><span class="number">${l.label}</span> ${escapeHtml(l.title)}</a>${toc}</li>`;
    })
    .join("\n");
  const api = spec.nav.packages
    .map(
      (p) =>
        `<li><a href="${r}${p.href}"${current(spec, p.href)}><code>${escapeHtml(p.name)}</code></a></li>`,
    )
    .join("\n");
  return `<nav class="sidebar" id="site-nav" aria-label="Course">
<p class="nav-heading"><a href="${r}index.html"${current(spec, "index.html")}>Lessons</a></p>
<ol class="lessons">
${lessons}
</ol>
<p class="nav-heading"><a href="${r}explore.html"${current(spec, "explore.html")}>XOR explorer</a></p>
<p class="nav-heading"><a href="${r}draw.html"${current(spec, "draw.html")}>Draw a digit</a></p>
<p class="nav-heading"><a href="${r}api/index.html"${current(spec, "api/index.html")}>API reference</a></p>
<ul class="packages">
${api}
</ul>
</nav>`;
}

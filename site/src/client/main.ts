// The site's optional JavaScript: every page reads fully without it. It adds the theme toggle,
// search (the index loads on first use), the narrow screens' menu and, on lesson pages, the Run
// and Edit buttons (loaded on demand; the editor itself on the first Edit click).

import { setupMenu } from "./menu.ts";
import { setupThemeToggle } from "./theme.ts";

const toggle = document.querySelector<HTMLButtonElement>("#theme-toggle");
if (toggle) setupThemeToggle(toggle);

const menu = document.querySelector<HTMLButtonElement>(".menu-button");
const nav = document.querySelector<HTMLElement>("#site-nav");
if (menu && nav) setupMenu(menu, nav);

const search = document.querySelector<HTMLFormElement>("form.search");
if (search) {
  search.hidden = false;
  const input = search.querySelector("input")!;
  const load = () => import("./search.ts").then((m) => m.setupSearch(search));
  // Load minisearch and the index only when the reader starts searching.
  input.addEventListener("focus", load, { once: true });
  search.addEventListener("submit", (event) => event.preventDefault());
}

const runner = document.querySelector<HTMLElement>(".runner[data-lesson]");
if (runner) void import("./run.ts").then((m) => m.setupRunner(runner));

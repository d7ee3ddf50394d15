// Search over the lessons (and the API), from an index built with the site: minisearch, loaded
// on the first focus of the search box. Results link to the section that holds the words.

import MiniSearch from "minisearch";

/** The fields the build indexes and stores (site/src/search.ts writes them). */
interface Hit {
  id: string;
  title: string;
  heading: string;
  href: string;
}

const root = document.documentElement.dataset.root ?? "";

/** Wires the search box to the site's index. */
export async function setupSearch(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector("input")!;
  const list = form.querySelector<HTMLElement>(".search-results")!;
  const status = form.querySelector<HTMLElement>(".search-status")!;
  const response = await fetch(`${root}search-index.json`);
  const index = MiniSearch.loadJSON<Hit>(await response.text(), {
    fields: ["title", "heading", "text"],
    storeFields: ["title", "heading", "href"],
  });
  const show = () => {
    const query = input.value.trim();
    list.replaceChildren();
    if (!query) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    const hits = index
      .search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, heading: 2 } })
      .slice(0, 8) as unknown as Hit[];
    for (const hit of hits) {
      const link = document.createElement("a");
      link.href = root + hit.href;
      link.innerHTML = `<strong></strong><span></span>`;
      link.firstElementChild!.textContent = hit.heading;
      link.lastElementChild!.textContent = hit.title;
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    }
    list.hidden = hits.length === 0;
    status.textContent = hits.length
      ? `${hits.length} result${hits.length > 1 ? "s" : ""}`
      : "No results";
  };
  input.addEventListener("input", show);
  input.addEventListener("focus", show);
  // Close the results when focus leaves the search (not when it moves into the results).
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) list.hidden = true;
  });
  form.addEventListener("submit", () => list.querySelector("a")?.click());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") (input.value = ""), show();
  });
  show();
}

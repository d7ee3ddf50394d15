import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import {
  lessonDocuments,
  searchIndex,
  SEARCH_FIELDS,
  STORED_FIELDS,
  type SearchDocument,
} from "../src/search.ts";
import { fixtureLesson, render } from "./helpers/render.ts";

// The build-time search index, loaded the way the page loads it (MiniSearch.loadJSON).

describe("the search index", () => {
  it("finds a lesson's section by a word in it, and links to that section", async () => {
    const documents = lessonDocuments(
      "02-running.html",
      "02 Running in the browser",
      (await render(fixtureLesson("02-running.md"))).sections,
    );
    const index = MiniSearch.loadJSON<SearchDocument>(searchIndex(documents), {
      fields: SEARCH_FIELDS,
      storeFields: STORED_FIELDS,
    });
    const [hit] = index.search("quaternion", { prefix: true });
    expect(hit).toMatchObject({
      href: "02-running.html#searchable-words",
      heading: "Searchable words",
      title: "02 Running in the browser",
    });
    expect(index.search("RangeError")[0]).toMatchObject({ href: "02-running.html#errors" });
  });

  it("keeps one document per id", () => {
    const doc = { id: "a.html", title: "A", heading: "A", text: "alpha", href: "a.html" };
    const index = MiniSearch.loadJSON(searchIndex([doc, { ...doc, text: "beta" }]), {
      fields: SEARCH_FIELDS,
    });
    expect(index.documentCount).toBe(1);
  });
});

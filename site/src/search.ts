import MiniSearch from "minisearch";
import { declarations } from "./api/links.ts";
import { commentText } from "./api/comments.ts";
import type { ApiPackage } from "./api/typedoc.ts";
import type { Section } from "./render/sections.ts";

// The search index, built with the site: one document per section of each lesson (so a hit
// links to the section that holds the words) and one per API declaration. The client loads it
// with MiniSearch.loadJSON using the same fields (site/src/client/search.ts).

/** A searchable piece of the site. */
export interface SearchDocument {
  id: string;
  /** The page: the lesson's title, or the package's name. */
  title: string;
  /** The section or declaration. */
  heading: string;
  text: string;
  /** From the site root. */
  href: string;
}

export const SEARCH_FIELDS = ["title", "heading", "text"];
export const STORED_FIELDS = ["title", "heading", "href"];

/** A lesson's sections as documents. */
export function lessonDocuments(href: string, title: string, parts: Section[]): SearchDocument[] {
  return parts.map((part) => {
    const url = part.id ? `${href}#${part.id}` : href;
    return { id: url, title, heading: part.heading, text: part.text, href: url };
  });
}

/** The API's declarations as documents. */
export function apiDocuments(
  packages: ApiPackage[],
  href: (id: number) => string | undefined,
): SearchDocument[] {
  return packages.flatMap((pkg) =>
    [...declarations(pkg)].map((decl) => {
      const url = href(decl.id) ?? pkg.href;
      return {
        id: url,
        title: pkg.fullName,
        heading: decl.name,
        text: commentText(decl.comment ?? decl.signatures?.[0]?.comment),
        href: url,
      };
    }),
  );
}

/** The serialized index the client loads. */
export function searchIndex(documents: SearchDocument[]): string {
  const search = new MiniSearch<SearchDocument>({
    fields: SEARCH_FIELDS,
    storeFields: STORED_FIELDS,
  });
  const seen = new Set<string>();
  search.addAll(documents.filter((d) => !seen.has(d.id) && seen.add(d.id)));
  return JSON.stringify(search);
}

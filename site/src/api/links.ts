import { type JSONOutput, ReflectionKind } from "typedoc";
import type { ApiPackage } from "./typedoc.ts";

// Every documented declaration gets an anchor on its package's page (`Value`, `Value.backward`),
// and every typedoc id an address, so types and {@link} tags can link across packages.

/** Anchors and addresses (from the site root) of the API's declarations, by typedoc id. */
export interface ApiLinks {
  anchor(id: number): string;
  /** `api/autograd.html#Value`, or undefined for an id the reference does not show. */
  href(id: number): string | undefined;
}

/** Assigns each export and member an anchor: its name, or name-kind when two exports share one. */
export function apiLinks(packages: ApiPackage[]): ApiLinks {
  const anchors = new Map<number, string>();
  const hrefs = new Map<number, string>();
  const add = (pkg: ApiPackage, id: number, anchor: string) => {
    anchors.set(id, anchor);
    hrefs.set(id, `${pkg.href}#${anchor}`);
  };
  for (const pkg of packages) {
    const used = new Set<string>();
    for (const decl of pkg.exports) {
      const anchor = used.has(decl.name) ? `${decl.name}-${decl.kind}` : decl.name;
      used.add(anchor);
      add(pkg, decl.id, anchor);
      // A namespace's members (`ops.mul`, Plot's whole API) have no section of their own.
      if (decl.kind !== ReflectionKind.Namespace)
        for (const member of decl.children ?? []) add(pkg, member.id, `${anchor}.${member.name}`);
      for (const signature of decl.signatures ?? []) add(pkg, signature.id, anchor);
    }
  }
  return {
    anchor: (id) => anchors.get(id) ?? String(id),
    href: (id) => hrefs.get(id),
  };
}

/** Every declaration a package page shows, with its members: for search. */
export function* declarations(pkg: ApiPackage): Generator<JSONOutput.DeclarationReflection> {
  for (const decl of pkg.exports) {
    yield decl;
    yield* (decl.children ?? []) as JSONOutput.DeclarationReflection[];
  }
}

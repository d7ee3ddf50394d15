import { STEPS } from "@gradbook/lessons/kit";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Application, type JSONOutput, type NormalizedPath } from "typedoc";

// The API reference's data: typedoc's JSON over every step package that exists so far
// (packages/NAME/src/index.ts). Packages still being written are skipped, not fatal.

/** One package's exports, as typedoc reads them. */
export interface ApiPackage {
  /** `autograd` */
  name: string;
  /** `@gradbook/autograd` */
  fullName: string;
  /** The package's page from the site root: `api/autograd.html`. */
  href: string;
  /** The package's exported declarations. */
  exports: JSONOutput.DeclarationReflection[];
  /** The module comment of its index.ts, if any. */
  comment?: JSONOutput.Comment;
}

/** The packages with an entry point, in course order (the steps first, then any others). */
export function findPackages(root: string): string[] {
  const dir = join(root, "packages");
  if (!existsSync(dir)) return [];
  const rank = (name: string) =>
    STEPS.includes(name as never) ? STEPS.indexOf(name as never) : STEPS.length;
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "src/index.ts")))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Runs typedoc over the packages (one TypeScript program for all) and returns their exports. */
export async function loadApi(root: string, names: string[], cache: string): Promise<ApiPackage[]> {
  if (names.length === 0) return [];
  // Only the packages' sources: the repository's tsconfig also holds tests and tooling.
  mkdirSync(cache, { recursive: true });
  const tsconfig = join(cache, "tsconfig.typedoc.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, "tsconfig.base.json"),
      include: names.map((n) => join(root, "packages", n, "src")),
    }),
  );
  const app = await Application.bootstrap({
    entryPoints: names.map((n) => join(root, "packages", n, "src/index.ts")),
    tsconfig,
    logLevel: "Error",
    skipErrorChecking: true, // type errors are the type check's to report; the reference shows what exists
    disableGit: true,
    sourceLinkTemplate: "{path}",
    excludePrivate: true,
    excludeInternal: true,
  });
  const project = await app.convert();
  if (!project) throw new Error("typedoc could not read the packages' sources");
  const json = app.serializer.projectToObject(
    project,
    root.replaceAll("\\", "/") as NormalizedPath,
  );
  // One entry point makes the project the module; several make one module child each, named by
  // its folder relative to the entry points' common folder (`autograd/src`).
  return names.flatMap((name) => {
    const module =
      names.length === 1 ? json : json.children?.find((m) => m.name.split("/").at(-2) === name);
    if (!module) return [];
    const pkg: ApiPackage = {
      name,
      fullName: `@gradbook/${name}`,
      href: `api/${name}.html`,
      exports: (module.children ?? []) as JSONOutput.DeclarationReflection[],
    };
    if (module.comment) pkg.comment = module.comment;
    return [pkg];
  });
}

// The table of modules a lesson may import in the browser, generated when the site is bundled
// (site/src/runner/bundle.ts): `@gradbook/*` packages, the kit's figures, and `vitest`'s expect.
declare module "virtual:gradbook-modules" {
  export const modules: Record<string, () => Promise<unknown>>;
}

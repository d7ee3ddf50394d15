import type { KnipConfig } from "knip";

// `pnpm lint`'s dead-code check: files nothing reaches, exports nothing imports, dependencies
// nothing uses. Entries are what runs on its own: the tests (every vitest project), the command
// lines, the lessons and the browser code vite bundles.

/** A lesson as knip reads it: the import statements of its ```ts blocks (one line or several), what the lesson depends on. */
const lessonImports = (text: string): string =>
  [...text.matchAll(/^```ts[^\n]*\n([\s\S]*?)^```/gm)]
    .flatMap(([, code = ""]) => code.match(/^import\s[^;]*?(?:from\s*)?["'][^"']+["'];?/gm) ?? [])
    .join("\n");

const config: KnipConfig = {
  compilers: { md: lessonImports },
  // Fixture courses and sites are tests' inputs, not the project's code; the READMEs are prose.
  ignore: ["**/test/fixtures/**", "**/README.md", "CONTRIBUTING.md"],
  // vitest resolves a nested project's setup files from that project's folder, knip from the
  // workspace's: it misses these two, which exist (the projects run them).
  ignoreUnresolved: ["../../vitest.fast-check.ts", "./global-setup.ts"],
  workspaces: {
    ".": {
      entry: ["vitest.*.ts"],
    },
    "packages/*": {
      entry: ["src/index.ts", "src/main.ts", "test/**/*.test.ts", "bench/*.ts"],
    },
    "packages/classify": {
      // The generators, run by hand with tsx: runs.ts records lesson 09's long runs, torch-input.ts
      // writes what torch_run.py reads.
      entry: ["test/**/*.test.ts", "bench/*.ts", "bench/torch/torch-input.ts"],
      // mnist: its JSON files are read by path (require.resolve), not imported.
      ignoreDependencies: ["mnist"],
    },
    lessons: {
      entry: ["*.md", "kit/test/**/*.test.ts", "kit/test/break/*.ts"],
      project: ["**/*.{ts,md}"],
    },
    site: {
      entry: [
        "src/client/main.ts",
        "src/client/worker.ts",
        "src/client/type-check-worker.ts",
        "src/explore/client/main.ts",
        "src/explore/client/worker.ts",
        "src/draw/client/main.ts",
        "test/**/*.test.ts",
        "test/browser/global-setup.ts",
      ],
      // Injected into pages as source text (require.resolve), not imported.
      ignoreDependencies: ["axe-core"],
    },
  },
};

export default config;

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The browser code (site/src/client) needs the DOM's types, so the root type check leaves it
// out: it is checked here, against its own tsconfig.

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the browser code", () => {
  it("type-checks against the DOM", () => {
    const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "site/src/client/tsconfig.json", "--noEmit"], { cwd: root, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

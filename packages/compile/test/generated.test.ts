import { readFileSync } from "node:fs";
import { ops } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { generateReplay, OPS_FILE, readRows, REPLAY_FILE } from "../scripts/generate-replay.ts";
import { OPS } from "../src/index.ts";

// replay.ts is generated from ops.ts's rows: this is what keeps the two from drifting.

const source = readFileSync(OPS_FILE, "utf8");
const generated = generateReplay(source);

describe("replay.ts, generated from ops.ts", () => {
  it("is what the generator writes from ops.ts as it is now", () => {
    // A changed row (a new op, or a derivative's operands in another order, which changes its
    // rounding) changes the replay: the message names the rows whose cases are not in the file.
    const current = readFileSync(REPLAY_FILE, "utf8");
    const changed = readRows(source).filter(
      (row) => ![row.forward, ...row.backward].every((l) => current.includes(l)),
    );
    const message =
      `packages/compile/src/replay.ts is stale: ops.ts (lesson 01) changed since it was generated, ` +
      `in the rows ${changed.map((r) => r.name).join(", ") || "(none: elsewhere)"}. A tape gives the ` +
      `engine's bits only when it computes each derivative as the row does, its operands in the ` +
      `same order; run pnpm --filter @gradbook/compile generate`;
    expect(current === generated, message).toBe(true);
  });

  it("has a case for every row of ops.ts but leaf and unary", () => {
    const rows = Object.values(ops).filter((x) => typeof x === "object" && "forward" in x);
    expect(new Set(OPS)).toEqual(new Set(rows.filter((op) => op !== ops.leaf && op !== ops.unary)));
  });

  it.each([
    ["mul", "g[ai]! += v[bi]! * gy;"],
    ["pow", "const k = v[bi]!;"],
    ["softplus", "g[ai]! += gy / (1 + exp(-v[ai]!));"],
  ])("translates %s's backward: v[…] for .data, g[…] for .grad, gy for g", (_row, line) => {
    expect(generated).toContain(line);
  });

  it("refuses a row whose backward reads its operand other than by .data and .grad", () => {
    const row = `export const bad: UnaryOp = {
      arity: 1, symbol: "b", forward: (a) => a, backward(g, y, a) { use(a); },
    };`;
    expect(() => generateReplay(row)).toThrow(
      "row bad: backward uses the operand a other than by .data and .grad",
    );
  });
});

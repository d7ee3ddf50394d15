import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadState, saveState, type State } from "../../learn/state.ts";

const temp = () => mkdtempSync(join(tmpdir(), "gradbook-learn-"));

describe("the state file", () => {
  it("is empty before the first start", () => {
    expect(loadState(temp())).toEqual({
      version: 1,
      lessons: {},
      references: {},
      hints: {},
      passedAlone: {},
    });
  });

  it("round-trips through .gradbook/state.json", () => {
    const root = temp();
    const state: State = {
      version: 1,
      lessons: {
        "01": {
          started: "2026-01-01T00:00:00.000Z",
          passing: ["square"],
          done: false,
          checked: "2026-01-01T00:01:00.000Z",
        },
      },
      references: {
        "autograd:square": { file: "packages/autograd/src/powers.ts", body: "  return x * x;" },
      },
      hints: { "autograd:square": 2 },
      passedAlone: { "autograd:square": "0123456789abcdef" },
    };
    saveState(root, state);
    expect(loadState(root)).toEqual(state);
  });

  it.each([
    [
      "not JSON",
      "{",
      /^\.gradbook\/state\.json is not valid JSON .*; fix it or delete it to start over$/,
    ],
    [
      "another version",
      '{"version": 2}',
      /^\.gradbook\/state\.json has version 2, expected 1; delete it to start over$/,
    ],
  ])("refuses a state file that is %s, saying what to do", (_what, text, message) => {
    const root = temp();
    mkdirSync(join(root, ".gradbook"));
    writeFileSync(join(root, ".gradbook/state.json"), text);
    expect(() => loadState(root)).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { allowedPackages, checkImport } from "../steps.ts";

describe("the step rule", () => {
  it.each([
    [null, []],
    ["autograd", ["@gradbook/autograd"]],
    ["loss", ["@gradbook/autograd", "@gradbook/neuron", "@gradbook/loss"]],
  ])("a lesson pairing with %s may import %j", (pkg, allowed) => {
    expect(allowedPackages(pkg)).toEqual(allowed);
  });

  it("lets any lesson import the kit's helpers and outside modules", () => {
    expect(() => checkImport("l.md", 3, null, "@gradbook/lessons/figure")).not.toThrow();
    expect(() => checkImport("l.md", 3, null, "node:util")).not.toThrow();
  });

  it.each([
    [
      "autograd",
      "@gradbook/optim",
      "l.md:4: imports @gradbook/optim (step 5); this lesson pairs with step 1 (@gradbook/autograd) and may import only @gradbook/autograd",
    ],
    [
      null,
      "@gradbook/autograd",
      "l.md:4: imports @gradbook/autograd (step 1); this lesson pairs with no step package and may import no @gradbook step package",
    ],
    [
      "train",
      "@gradbook/site",
      "l.md:4: imports @gradbook/site, which is not a step package; this lesson pairs with step 6 (@gradbook/train)",
    ],
    [
      "optimizer",
      "x",
      'l.md:1: front matter names unknown package "optimizer": expected one of autograd, neuron, loss, init, optim, train, compile, tensor, classify or none',
    ],
  ])("lesson of %s importing %s fails", (pkg, specifier, message) => {
    expect(() => checkImport("l.md", 4, pkg, specifier)).toThrow(message);
  });
});

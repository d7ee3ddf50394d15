import { Value } from "@gradbook/autograd";
import { bceWithLogitsLoss, l1Loss } from "@gradbook/loss";
import { MLP } from "@gradbook/neuron";
import { xor } from "@gradbook/train";
import { describe, expect, it } from "vitest";
import { CompiledStep } from "../src/index.ts";

/** The assignment's net with a twist in its forward pass. */
function twisted(forward: (model: MLP, x: readonly number[]) => Value[]) {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  return { forward: (x: number[]) => forward(model, x), parameters: () => model.parameters() };
}

describe("CompiledStep.compile refuses what a tape cannot replay", () => {
  it("a graph that branches on the data: the inputs pick the activation", () => {
    const model = twisted((m, x) => [
      x[0]! > 0.5 ? m.forward(x)[0]!.relu() : m.forward(x)[0]!.tanh(),
    ]);
    expect(() => CompiledStep.compile(model, l1Loss, xor(), 1)).toThrow(
      /^compile: the step's graph depends on the data: traced at .*, operation #\d+ is (relu|tanh), in the first trace (tanh|relu)/,
    );
  });

  it("a graph that has one more operation for some points", () => {
    const model = twisted((m, x) => {
      const [y] = m.forward(x);
      return [x[0]! === x[1]! ? y!.mul(2) : y!];
    });
    expect(() => CompiledStep.compile(model, l1Loss, xor(), 1)).toThrow(
      /depends on the data: traced at .*, it has 81 operations, the first trace 80/,
    );
  });

  it("a number computed from the data outside the graph", () => {
    const model = twisted((m, x) => m.forward(x.map((v) => v * 2)));
    expect(() => CompiledStep.compile(model, l1Loss, xor(), 1)).toThrow(
      /number operand of operation #\d+ \(mulK\) changes with the data but is none of its inputs and targets/,
    );
  });

  it("a number computed from a parameter's .data, which training would move but the tape would not", () => {
    const scaled = twisted((m, x) => [m.forward(x)[0]!.mul(m.parameters()[0]!.data)]);
    expect(() => CompiledStep.compile(scaled, l1Loss, xor(), 1)).toThrow(
      /^compile: the number operand of operation #\d+ \(mulK\) changes when the parameters move \(.+, then .+\): the step computes it from a parameter's \.data/,
    );
    const copied = twisted((m, x) => [m.forward(x)[0]!.add(new Value(m.parameters()[3]!.data))]);
    expect(() => CompiledStep.compile(copied, l1Loss, xor(), 1)).toThrow(
      /^compile: a leaf Value \(data .+\) changes when the parameters move/,
    );
  });

  it("a loss made of unary ops, whose function the graph does not hold", () => {
    const model = twisted((m, x) => m.forward(x));
    expect(() => CompiledStep.compile(model, bceWithLogitsLoss, xor(), 1)).toThrow(
      /operation #\d+ is unary.*a tape cannot compute it again/,
    );
  });

  it("but cannot see a branch that every traced point takes the same way, such as one on a parameter", () => {
    // The limit of tracing: training may move the weight across 100 later, and the tape would
    // go on replaying the branch it saw. compile traces the data it has; it cannot trace the future.
    const model = twisted((m, x) => [
      m.parameters()[0]!.data > 100 ? m.forward(x)[0]!.relu() : m.forward(x)[0]!,
    ]);
    expect(() => CompiledStep.compile(model, l1Loss, xor(), 1)).not.toThrow();
  });

  it("nor does it refuse relu or abs, whose branch is inside the op: the tape takes it at replay", () => {
    const model = twisted((m, x) => [m.forward(x)[0]!.relu().abs()]);
    expect(() => CompiledStep.compile(model, l1Loss, xor(), 1)).not.toThrow();
  });
});

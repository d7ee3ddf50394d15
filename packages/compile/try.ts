import { mseLoss } from "@gradbook/loss";
import { MLP, Rng } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { fit, shuffledBatches, circles } from "@gradbook/train";
import { compiledFit } from "./src/index.ts";
for (const [n, bs, act, out, sgd] of [[8, 4, "relu", "sigmoid", { lr: 0.1 }], [8, 4, "tanh", "linear", { lr: 0.1 }], [10, 4, "tanh", "linear", { lr: 0.1 }], [8, 4, "tanh", "linear", { lr: 0.1, momentum: 0.8, dampening: 0.1, weightDecay: 0.01 }], [8, 1, "tanh", "linear", { lr: 0.1 }]] as const) {
  const data = circles({ n, seed: 3 });
  const make = () => new MLP(2, [3, 1], { activation: act, outputActivation: out, seed: 5 });
  const [a, b] = [make(), make()];
  const e = fit(a, data, { loss: mseLoss, epochs: 3, sampler: shuffledBatches(new Rng(1), bs), optimizer: new SGD(a.parameters(), sgd) });
  const c = compiledFit(b, data, { loss: mseLoss, epochs: 3, sampler: shuffledBatches(new Rng(1), bs), optimizer: sgd });
  console.log(n, bs, act, JSON.stringify(sgd), e.step.slice(0, 4), c.step.slice(0, 4));
}

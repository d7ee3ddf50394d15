export { bceLoss, bceWithLogitsLoss } from "./bce.ts";
export { crossEntropyLoss } from "./cross-entropy.ts";
export { hingeLoss } from "./hinge.ts";
export { type HuberOptions, huberLoss } from "./huber.ts";
export { type LossOptions, type Reduction, reduce } from "./reduction.ts";
export { type Loss, type LossName, lossByName, losses } from "./registry.ts";
export { l1Loss, mseLoss } from "./regression.ts";

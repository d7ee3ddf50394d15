export { Adam, type AdamOptions } from "./adam.ts";
export { type Optimizer } from "./optimizer.ts";
export { SGD, type SGDOptions } from "./sgd.ts";

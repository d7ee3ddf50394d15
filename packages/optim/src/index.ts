export { Adam, type AdamOptions, type AdamSettings, adamUpdate, checkAdamOptions } from "./adam.ts";
export type { Optimizer } from "./optimizer.ts";
export { RMSprop, type RMSpropOptions } from "./rmsprop.ts";
export { checkSGDOptions, SGD, type SGDOptions } from "./sgd.ts";
export { plainMomentum, type SGDSettings, sgdUpdate } from "./sgd-update.ts";

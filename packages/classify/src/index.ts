export { CLASSES, classCounts, type Digits, digits, inputs, pick, PIXELS, SIDE } from "./digits.ts";
export { type Batch, Loader } from "./loader.ts";
export { accuracy, confusionMatrix, type Interval, wilson } from "./metrics.ts";
export { constantRate, warmupCosine, type WarmupCosineOptions } from "./schedule.ts";
export { MNIST_SPLIT, type Split, type SplitSizes, split, splitIndices } from "./split.ts";

export { confusionChart, epochCurves } from "./charts.ts";
export { CLASSES, classCounts, type Digits, digits, inputs, pick, PIXELS, SIDE } from "./digits.ts";
export { EarlyStopping } from "./early-stopping.ts";
export { type Batch, Loader } from "./loader.ts";
export { accuracy, confusionMatrix, type Interval, wilson } from "./metrics.ts";
export { type Picture, pictures, type PicturesOptions } from "./pictures.ts";
export { accuracyLine, confusionTable, percent, worstDigits } from "./report.ts";
export { constantRate, warmupCosine, type WarmupCosineOptions } from "./schedule.ts";
export { MNIST_SPLIT, type Split, type SplitSizes, split, splitIndices } from "./split.ts";

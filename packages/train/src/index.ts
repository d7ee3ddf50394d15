export { type BoundaryOptions, decisionBoundary, type Predictor } from "./boundary.ts";
export { type CurveOptions, lossCurve } from "./curve.ts";
export { type DatasetName, datasetByName, DEFAULT_NOISE } from "./by-name.ts";
export {
  circles,
  type Dataset,
  extentOf,
  type PointsOptions,
  spiral,
  splitData,
  twoMoons,
  xor,
} from "./datasets.ts";
export { gaussians, multiGauss, plane, quadrants, REGRESSION_DATA } from "./playground.ts";
export { type Feature, FEATURE_NAMES, FEATURES, featuresOf, withFeatures } from "./features.ts";
export { type FitOptions, fit, type Model } from "./fit.ts";
export { endEpoch, type History, history as emptyHistory } from "./history.ts";
export { PlainMLP } from "./plain.ts";
export { type PlainFitOptions, plainFit } from "./plain-fit.ts";
export { classifies, logLine, predictionTable, regressionTable } from "./report.ts";
export { onProgress, type ProgressListener } from "./progress-listener.ts";
export { lcgOrder, randomPoints, type Sampler, shuffledBatches } from "./sampler.ts";
export { cosineDecay, type Schedule, type StepDecayOptions, stepDecay } from "./schedule.ts";
export { assignmentRun } from "./assignment-run.ts";
export { meanInterval, wilson } from "./interval.ts";
export { type Recipe, type SweepOptions, type SweepResult, sweep } from "./sweep.ts";

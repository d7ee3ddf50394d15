export { type CompiledFitOptions, compiledFit } from "./fit.ts";
export { backward, forward, OPS } from "./replay.ts";
export { SlotSGD } from "./sgd.ts";
export { type CompilableModel, CompiledStep } from "./step.ts";
export type { Tape } from "./tape.ts";
export type { Recording, StepFunction, Traced } from "./trace.ts";

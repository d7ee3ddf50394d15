export { backward, topologicalOrder, zeroGrad } from "./backward.ts";
export { type DotOptions, quoteDot, toDot } from "./dot.ts";
export { show } from "./errors.ts";
export { fixed } from "./fixed.ts";
export {
  type GradcheckOptions,
  type GradcheckReport,
  type GradcheckRow,
  gradcheck,
  relativeError,
} from "./gradcheck.ts";
export * as math from "@gradbook/libm";
export * as ops from "./ops.ts";
export type { BinaryOp, Op, UnaryOp } from "./ops.ts";
export { Value } from "./value.ts";

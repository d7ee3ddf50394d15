export { topologicalOrder, zeroGrad } from "./backward.ts";
export { type DotOptions, toDot } from "./dot.ts";
export { type GradcheckOptions, GradcheckReport, type GradcheckRow, gradcheck, relativeError } from "./gradcheck.ts";
export { Op } from "./op.ts";
export { Value } from "./value.ts";

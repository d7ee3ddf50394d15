export { constant, normal, smallRandom, uniform, zeros } from "./basic.ts";
export { uniformBound } from "./bound.ts";
export { calculateGain, type Nonlinearity, nonlinearities } from "./gain.ts";
export { heNormal, heUniform, type KaimingOptions } from "./kaiming.ts";
export { lecunNormal } from "./lecun.ts";
export { TRUNCATED_STD, truncatedLecunNormal } from "./truncated.ts";
export { pytorchDefault, assignmentInit } from "./presets.ts";
export { xavierNormal, xavierUniform } from "./xavier.ts";

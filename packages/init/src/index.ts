export { constant, normal, smallRandom, uniform, zeros } from "./basic.ts";
export { calculateGain, type Nonlinearity } from "./gain.ts";
export { heNormal, heUniform, type KaimingOptions } from "./kaiming.ts";
export { lecunNormal } from "./lecun.ts";
export { TRUNCATED_STD, truncatedLecunNormal } from "./truncated.ts";
export { pytorchDefault, assignmentInit } from "./presets.ts";
export { xavierNormal, xavierUniform } from "./xavier.ts";

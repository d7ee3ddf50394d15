// What the browser shares with the command line: the flags of `gradbook xor` and the run they
// make (the XOR explorer reads its URL with them), and the run `gradbook digits` makes (the draw
// page trains its own net with it). The command itself is main.ts (Node only).
export {
  changedFlags,
  flagText,
  isRegression,
  quoted,
  readXorArgs,
  UsageError,
  XOR_ACTIVATIONS,
  XOR_DATA,
  XOR_FLAG_NAMES,
  XOR_LOSSES,
  XOR_OUTPUTS,
  type XorArgs,
  xorCommand,
  type XorFlag,
  type XorLimits,
} from "./flags.ts";
export { type XorRun, xorRun } from "./setup.ts";
export { DIGITS_DEFAULTS, type DigitsRun, digitsRun, type DigitsSettings } from "./digits-run.ts";

// The elementary functions the library computes with. Every op, initializer and optimizer calls
// these, never Math.* directly, so that one file decides what the numbers are.
//
// Why not Math.*: ECMAScript leaves Math.exp, Math.log, Math.sin, … "implementation-approximated",
// and engines differ in the last bit (Chromium 156 and Node 20 disagree on Math.exp for about one
// input in ten). These are fdlibm's algorithms (FreeBSD msun), each written with operations
// IEEE 754 rounds exactly — +, −, ×, ÷, √, comparisons, bit access — so every conforming engine
// returns the same bits, within 1 ulp of the true value (tanh 2 ulp). See the files beside this one.

export { exp, expm1 } from "./exp.ts";
export { log, log1p } from "./log.ts";
export { pow } from "./pow.ts";
export { tanh } from "./tanh.ts";
export { cos, sin } from "./trig.ts";

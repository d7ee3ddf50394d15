export { type Draw, type Init, defaultInit } from "./init.ts";
export { Rng } from "./rng.ts";

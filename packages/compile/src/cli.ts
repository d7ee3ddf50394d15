#!/usr/bin/env tsx
// `pnpm xor`: the gradbook command line of @gradbook/train, with the compiled step on offer as
// `--engine compiled` (train cannot offer it itself: compile is the step after it).
import { fit } from "@gradbook/train";
import { runAsScript } from "@gradbook/train/cli";
import { compiledFit } from "./fit.ts";

/** The trainers `pnpm xor --engine NAME` offers. */
export const trainers = { engine: fit, compiled: compiledFit };

runAsScript(import.meta.url, trainers);

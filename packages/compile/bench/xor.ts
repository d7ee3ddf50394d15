// pnpm bench's JS rows up to this step: the engine, the compiled step and the twin (see run.ts).
// `pnpm bench` itself runs @gradbook/tensor's bench, which adds the tensor row.
import { runBench } from "./run.ts";

runBench(process.argv.slice(2));

// Writes what torch_run.py needs to repeat the run of run.ts: the digits' positions, the first
// weights, the settings and every epoch's batches. Run from the repository's root:
//
//   pnpm tsx packages/classify/test/torch/torch-input.ts | /usr/bin/python3 packages/classify/test/torch/torch_run.py > packages/classify/test/torch/torch_run.json
import { loadMnist } from "@gradbook/classify/mnist";
import { TORCH_RUN, torchRun } from "./run.ts";

const { indices, loader, initial } = torchRun(loadMnist());
const batches = Array.from({ length: TORCH_RUN.epochs }, () => loader.order());
process.stdout.write(JSON.stringify({ settings: TORCH_RUN, train: indices.train, validation: indices.validation, initial, batches }));

// Writes what torch_run.py needs to repeat TORCH_RUN (src/recorded.ts): the digits' positions,
// the first weights, the settings and every epoch's batches. Run from the repository's root:
//
//   pnpm tsx packages/classify/bench/torch/torch-input.ts | /usr/bin/python3 packages/classify/bench/torch/torch_run.py > packages/classify/bench/torch/torch_run.json
import { loadMnist } from "@gradbook/classify/mnist";
import { TORCH_RUN, torchRun } from "@gradbook/classify/recorded";

const { indices, loader, initial } = torchRun(loadMnist());
const batches = Array.from({ length: TORCH_RUN.epochs }, () => loader.order());
process.stdout.write(
  JSON.stringify({
    settings: TORCH_RUN,
    train: indices.train,
    validation: indices.validation,
    initial,
    batches,
  }),
);

export { backward, topologicalOrder, zeroGrad } from "./backward.ts";
export {
  linearBackward,
  linearForward,
  linearForwardRows,
  matmulBackward,
  matmulForward,
  matmulForwardDots,
} from "./kernels.ts";
export { crossEntropy, l1Loss, mseLoss, nllLoss } from "./loss.ts";
export { linear, matmul } from "./matmul.ts";
export { Linear, loadParameters, MLP, Module, parameterData } from "./nn.ts";
export { Adam, SGD, type TensorOptimizer } from "./optim.ts";
export { type ParameterPart, ParameterStore } from "./store.ts";
export { broadcastShapes } from "./shape.ts";
export { type Backward, type Nested, Tensor, type TensorOptions, tensor, zeros } from "./tensor.ts";
export { tensorFit } from "./fit.ts";
export { gradcheck, type TensorGradcheckReport } from "./gradcheck.ts";

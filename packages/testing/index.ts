export { expectClose } from "./close.ts";
export {
  type LossReference,
  type NetReference,
  type NetReferenceRow,
  netGradients,
  type ReferenceLoss,
} from "./net-gradients.ts";

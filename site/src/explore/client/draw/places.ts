// Where each parameter of an MLP sits in its diagram and its table, in PyTorch's order.

/** A parameter's place in the network: a weight from neuron i of layer l to neuron j of layer l + 1, or neuron j's bias. */
export interface ParamPlace {
  name: string;
  layer: number;
  to: number;
  from?: number;
}

/** The parameters of an MLP of these layer sizes (inputs first) in PyTorch's order: each layer's W row by row, then b. */
export function paramPlaces(sizes: number[]): ParamPlace[] {
  const places: ParamPlace[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let j = 0; j < sizes[l + 1]!; j++)
      for (let i = 0; i < sizes[l]!; i++)
        places.push({ name: `W${l + 1}[${j},${i}]`, layer: l, to: j, from: i });
    for (let j = 0; j < sizes[l + 1]!; j++)
      places.push({ name: `b${l + 1}[${j}]`, layer: l, to: j });
  }
  return places;
}

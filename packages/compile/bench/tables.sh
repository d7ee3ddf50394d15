#!/bin/sh
# Lesson 07's two tables, measured in one session on one machine: `pnpm bench` for the JS rows
# (engine, compiled step, hand-derived twin) at each width, then torch_xor.py for the Python rows.
#
#   sh packages/compile/bench/tables.sh > tables.txt    (from the repository's root; a few minutes)
set -e
date -u
node --version
pnpm -s bench
pnpm -s bench --hidden 4,4
pnpm -s bench --hidden 16,16
pnpm -s bench --hidden 64,64 --epochs 100
pnpm -s bench --hidden 128,128 --epochs 25 --repeats 5
/usr/bin/python3 packages/compile/bench/torch_xor.py

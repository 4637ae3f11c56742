#!/usr/bin/env python3
"""NeuronSim's checkpoints seen from PyTorch: the tensors load into nn.Sequential with
load_state_dict(strict=True), and PyTorch's own training gives the same losses.

  torch_sequential.py train CHECKPOINT [--points CSV] [--epochs 1000] [--lr 1]
      builds nn.Sequential(Linear, Sigmoid, ...) in float64 from the checkpoint's shapes, loads
      its state_dict strictly, trains with torch.optim.SGD and nn.MSELoss on the full batch and
      prints the loss of every epoch, one a line.
  torch_sequential.py save OUT [--hidden 4,4] [--seed 0]
      writes the state_dict of a freshly initialised float32 nn.Sequential (PyTorch's defaults)
      as safetensors, as safetensors.torch.save_file would (F32, metadata {"format": "pt"}).

The safetensors package is not needed: the file is read and written by xor_numpy.py's functions.
"""
import argparse
import sys

import numpy as np
import torch
from torch import nn

from xor_numpy import read_points, read_safetensors, write_safetensors, xor_points


def sequential(sizes, bias=True):
    modules = []
    for k in range(1, len(sizes)):
        modules += [nn.Linear(sizes[k - 1], sizes[k], bias=bias), nn.Sigmoid()]
    return nn.Sequential(*modules)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("train")
    t.add_argument("checkpoint")
    t.add_argument("--points")
    t.add_argument("--epochs", type=int, default=1000)
    t.add_argument("--lr", type=float, default=1.0)
    s = commands.add_parser("save")
    s.add_argument("out")
    s.add_argument("--hidden", default="4,4")
    s.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    if args.command == "save":
        torch.manual_seed(args.seed)
        sizes = [2] + [int(h) for h in args.hidden.split(",") if h] + [1]
        state = sequential(sizes).state_dict()
        write_safetensors(args.out, [(name, t.numpy()) for name, t in state.items()], {"format": "pt"}, dtype="F32")
        return 0

    tensors, _ = read_safetensors(args.checkpoint)
    weights = sorted((k for k in tensors if k.endswith(".weight")), key=lambda k: int(k.split(".")[0]))
    sizes = [tensors[weights[0]].shape[1]] + [tensors[k].shape[0] for k in weights]
    model = sequential(sizes, bias=any(k.endswith(".bias") for k in tensors)).double()
    model.load_state_dict({k: torch.from_numpy(v) for k, v in tensors.items()}, strict=True)
    x, y = read_points(args.points) if args.points else xor_points()
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    loss_fn = nn.MSELoss()
    for _ in range(args.epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        print(repr(loss.item()))
        loss.backward()
        optimizer.step()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""An independent implementation of NeuronSim's training, in plain numpy, to check it against.

  xor_numpy.py train CHECKPOINT [--points CSV] [--epochs 1000] [--lr 1] [--optimizer sgd]
      reads the network from a safetensors checkpoint (the state_dict of an nn.Sequential of
      Linear and Sigmoid modules: 0.weight [h1, 2], 0.bias [h1], 2.weight [h2, h1], ...), trains
      it full-batch (sigmoid on every layer, MSE = mean over points of (y_hat - y)^2) on the lab's
      xor points (or the x0,x1,label rows of CSV) and prints the loss of every epoch, one a line,
      computed before that epoch's update (as NeuronSim's loss history is).
  xor_numpy.py init OUT [--hidden 4,4] [--seed 0] [--no-bias]
      writes N(0, 1) initial weights in the same layout, as PyTorch's safetensors.torch.save_file
      would (metadata {"format": "pt"}, no NeuronSim metadata).

The safetensors format is read and written by hand (struct + json): an 8-byte little-endian
header length N, N bytes of JSON, then the raw little-endian tensors. Needs numpy only.
"""
import argparse
import json
import re
import struct
import sys

import numpy as np

DTYPES = {"F64": "<f8", "F32": "<f4"}


def read_safetensors(path):
    """Returns ({name: float64 array}, metadata dict)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    buffer = data[8 + n:]
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        values = np.frombuffer(buffer[begin:end], dtype=DTYPES[info["dtype"]]).astype(np.float64)
        tensors[name] = values.reshape(info["shape"])
    return tensors, metadata


def write_safetensors(path, tensors, metadata, dtype="F64"):
    """tensors: list of (name, array), written as dtype (F64 or F32) in that order."""
    header, chunks, offset = {"__metadata__": metadata}, [], 0
    for name, array in tensors:
        raw = np.ascontiguousarray(array, dtype=DTYPES[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def linear_layers(tensors):
    """[(W [out, in], b [out] or None)] in module order."""
    modules = sorted({int(m.group(1)) for m in (re.match(r"^(\d+)\.weight$", k) for k in tensors) if m})
    return [(tensors[f"{k}.weight"].copy(), tensors[f"{k}.bias"].copy() if f"{k}.bias" in tensors else None) for k in modules]


def xor_points():
    """The lab's 21 points: (0.1i, 0.1i) label 0 and, unless i == 5, (0.1i, 1 - 0.1i) label 1."""
    rows = []
    for i in range(11):
        rows.append((0.1 * i, 0.1 * i, 0.0))
        if i != 5:
            rows.append((0.1 * i, 1 - 0.1 * i, 1.0))
    data = np.array(rows)
    return data[:, :2], data[:, 2:]


def read_points(path):
    data = np.loadtxt(path, delimiter=",", ndmin=2)
    return data[:, :2], data[:, 2:]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Sgd:
    """p <- p - lr * dL/dp."""

    def __init__(self, lr):
        self.lr = lr

    def step(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g


class Adam:
    """Adam with bias correction (Kingma and Ba), betas (0.9, 0.999), eps 1e-8, written from the paper:
    m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2; p <- p - lr * m_hat / (sqrt(v_hat) + eps)."""

    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.m = None
        self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m[...] = self.beta1 * m + (1 - self.beta1) * g
            v[...] = self.beta2 * v + (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


# The optimizers `train --optimizer` knows.
OPTIMIZERS = {"sgd": Sgd, "adam": Adam}


def train(layers, x, y, epochs, optimizer):
    """Full-batch gradient descent; returns the loss of every epoch, before its update."""
    n = len(y)
    params = [p for w, b in layers for p in (w, b) if p is not None]
    losses = []
    for _ in range(epochs):
        outs = [x]
        for w, b in layers:
            z = outs[-1] @ w.T
            outs.append(sigmoid(z + b if b is not None else z))
        y_hat = outs[-1]
        losses.append(float(np.mean((y_hat - y) ** 2)))
        delta = 2.0 * (y_hat - y) / n * y_hat * (1 - y_hat)
        grads = []
        for k in range(len(layers) - 1, -1, -1):
            w, b = layers[k]
            layer_grads = [delta.T @ outs[k]] + ([delta.sum(axis=0)] if b is not None else [])
            grads = layer_grads + grads
            if k > 0:
                delta = (delta @ w) * outs[k] * (1 - outs[k])
        optimizer.step(params, grads)
    return losses


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("train")
    t.add_argument("checkpoint")
    t.add_argument("--points")
    t.add_argument("--epochs", type=int, default=1000)
    t.add_argument("--lr", type=float, default=1.0)
    t.add_argument("--optimizer", choices=sorted(OPTIMIZERS), default="sgd")
    i = commands.add_parser("init")
    i.add_argument("out")
    i.add_argument("--hidden", default="4,4")
    i.add_argument("--seed", type=int, default=0)
    i.add_argument("--no-bias", action="store_true")
    args = parser.parse_args()

    if args.command == "init":
        sizes = [2] + [int(h) for h in args.hidden.split(",") if h] + [1]
        rng = np.random.default_rng(args.seed)
        tensors = []
        for k in range(1, len(sizes)):
            tensors.append((f"{2 * (k - 1)}.weight", rng.standard_normal((sizes[k], sizes[k - 1]))))
            if not args.no_bias:
                tensors.append((f"{2 * (k - 1)}.bias", rng.standard_normal(sizes[k])))
        write_safetensors(args.out, tensors, {"format": "pt"})
        return 0

    tensors, metadata = read_safetensors(args.checkpoint)
    activations = metadata.get("activations", "sigmoid").split(",")
    if set(activations) != {"sigmoid"}:
        print(f"{args.checkpoint}: this script trains sigmoid networks, not {metadata['activations']}", file=sys.stderr)
        return 2
    x, y = read_points(args.points) if args.points else xor_points()
    layers = linear_layers(tensors)
    for loss in train(layers, x, y, args.epochs, OPTIMIZERS[args.optimizer](args.lr)):
        print(repr(loss))
    return 0


if __name__ == "__main__":
    sys.exit(main())

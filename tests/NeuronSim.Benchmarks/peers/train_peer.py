#!/usr/bin/env python3
"""NeuronSim's network trained by a peer framework, for `neuronsim bench --peers`.

Each CASE directory (written by NeuronSim) holds case.json (layer sizes, learning rate,
activation), x.npy (2 x n, one row per input feature), y.npy (n labels) and w1.npy, b1.npy, ...
(the initial weights, row-major w[j, i] from neuron i to neuron j). The script trains the same
network the same way (full-batch gradient descent, MSE, z = W a + b, one column per sample) and
prints one JSON line per case: microseconds per epoch (the best of 1 thread and all cores, and
each of them) and the first losses, so NeuronSim can check that both trained the same thing. The first line
describes the framework and, through threadpoolctl, its BLAS and the kernel BLAS chose.

usage: train_peer.py numpy|torch SECONDS CASE...
"""
import json
import os
import sys
import time


def report(**fields):
    print(json.dumps(fields), flush=True)


def blas_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return [{"note": "threadpoolctl not installed"}]
    keys = ("internal_api", "version", "architecture", "num_threads", "threading_layer", "filepath")
    return [{k: pool.get(k) for k in keys if pool.get(k) is not None} for pool in threadpool_info()]


def thread_limits(count):
    try:
        from threadpoolctl import threadpool_limits
        return threadpool_limits(limits=count)
    except ImportError:
        import contextlib
        return contextlib.nullcontext()


def load_case(path, xp):
    import numpy as np
    with open(os.path.join(path, "case.json")) as f:
        case = json.load(f)
    layers = len(case["sizes"]) - 1
    w = [xp(np.load(os.path.join(path, f"w{l}.npy"))) for l in range(1, layers + 1)]
    b = [xp(np.load(os.path.join(path, f"b{l}.npy"))).reshape(-1, 1) for l in range(1, layers + 1)]
    return case, xp(np.load(os.path.join(path, "x.npy"))), xp(np.load(os.path.join(path, "y.npy"))).reshape(1, -1), w, b


def make_epoch(case, x, y, w, b, ops):
    """One epoch of NeuronSim's training; returns the loss before the update."""
    lr, n, bias = case["lr"], y.shape[1], case["bias"]
    activate, derivative = ops[case["activation"]]

    def epoch():
        a = [x]
        for wl, bl in zip(w, b):
            z = wl @ a[-1]
            if bias:
                z += bl
            a.append(activate(z))
        error = a[-1] - y
        loss = float((error * error).sum()) / n
        d = (2.0 / n) * error * derivative(a[-1])
        for l in range(len(w) - 1, -1, -1):
            gw = d @ a[l].T
            gb = d.sum(axis=1, keepdims=True)
            if l > 0:
                d = (w[l].T @ d) * derivative(a[l])
            w[l] -= lr * gw
            if bias:
                b[l] -= lr * gb
        return loss

    return epoch


def time_epochs(epoch, seconds):
    """Microseconds per epoch: the fastest of many windows of about 5 ms, as NeuronSim's bench measures."""
    for _ in range(3):
        epoch()
    best, batch, start = float("inf"), 1, time.perf_counter()
    while time.perf_counter() - start < seconds:
        begin = time.perf_counter()
        for _ in range(batch):
            epoch()
        window = time.perf_counter() - begin
        best = min(best, window / batch)
        if window < 0.005:
            batch = min(batch * 2, 1 << 20)
    return best * 1e6


def numpy_framework():
    import numpy as np
    sigmoid = lambda z: 1.0 / (1.0 + np.exp(-z))
    ops = {
        "sigmoid": (sigmoid, lambda a: a * (1.0 - a)),
        "tanh": (np.tanh, lambda a: 1.0 - a * a),
        "relu": (lambda z: np.maximum(z, 0.0), lambda a: (a > 0).astype(np.float64)),
        "identity": (lambda z: z, lambda a: np.ones_like(a)),
    }
    return f"numpy {np.__version__}", lambda array: np.ascontiguousarray(array, dtype=np.float64), ops, thread_limits


def torch_framework():
    import numpy as np
    import torch
    ops = {
        "sigmoid": (torch.sigmoid, lambda a: a * (1.0 - a)),
        "tanh": (torch.tanh, lambda a: 1.0 - a * a),
        "relu": (torch.relu, lambda a: (a > 0).to(torch.float64)),
        "identity": (lambda z: z, torch.ones_like),
    }

    def limits(count):
        import contextlib
        torch.set_num_threads(count)
        return contextlib.nullcontext()

    torch.set_grad_enabled(False)
    return (f"torch {torch.__version__} ({torch.get_num_threads()} threads by default)",
            lambda array: torch.from_numpy(np.array(array, dtype=np.float64)), ops, limits)


def main(argv):
    if len(argv) < 3 or argv[0] not in ("numpy", "torch"):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    name, seconds, cases = argv[0], float(argv[1]), argv[2:]
    try:
        version, xp, ops, limits = numpy_framework() if name == "numpy" else torch_framework()
    except ImportError as error:
        report(framework=name, missing=str(error))
        return 0
    report(framework=name, version=version, blas=blas_info(),
           environment={v: os.environ.get(v) for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}, cores=os.cpu_count())
    for path in cases:
        best, by_threads = None, {}
        for threads in sorted({1, os.cpu_count() or 1}):
            case, x, y, w, b = load_case(path, xp)
            epoch = make_epoch(case, x, y, w, b, ops)
            with limits(threads):
                losses = [epoch() for _ in range(3)]
                us = time_epochs(epoch, seconds)
            by_threads[str(threads)] = us
            if best is None or us < best[0]:
                best = (us, threads, losses)
        report(case=path, us_per_epoch=best[0], threads=best[1], us_by_threads=by_threads, losses=best[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

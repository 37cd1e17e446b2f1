#!/usr/bin/python3
"""Cross-checks Layerwise's forward and backward passes against PyTorch on the same weights and inputs.

Usage: /usr/bin/python3 crosscheck_torch.py DIR
DIR holds what the Java test (layerwise.TorchCrossCheckTest) wrote: manifest.json, which lists the
cases, and one raw little-endian float32 file per array.  Each case is a chain of layers in Keras
layout (channels_last images, Dense kernels (in, out), Conv2D kernels (kh, kw, c_in, filters)) with
its input x, its target, a loss, and Layerwise's own results: the output, the loss and the gradients
of the loss with respect to x and to every weight.  PyTorch recomputes them (its leaves stay in
Keras layout and are permuted inside the graph, so its gradients come out in Keras layout too),
this script prints the largest differences, writes them to DIR/results.json and exits 1 if one
exceeds the tolerance (1e-4, relative to max(1, largest magnitude)).
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

TOLERANCE = 1e-4


def load(d, name, shape):
    a = np.fromfile(os.path.join(d, name + ".f32"), dtype="<f4")
    return torch.from_numpy(a.reshape(shape).copy())


def activate(z, name):
    if name == "linear":
        return z
    if name == "relu":
        return F.relu(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "softmax":
        return F.softmax(z, dim=-1)
    raise ValueError("activation " + name)


def layer(x, op, w):
    """One Keras layer on a channels_last tensor; returns (output, logits before the activation)."""
    kind = op["op"]
    if kind == "dense":
        z = x @ w[op["kernel"]]
        if "bias" in op:
            z = z + w[op["bias"]]
        return activate(z, op["activation"]), z
    if kind == "conv2d":
        kernel = w[op["kernel"]].permute(3, 2, 0, 1)  # (kh, kw, c_in, F) -> (F, c_in, kh, kw)
        bias = w[op["bias"]] if "bias" in op else None
        z = F.conv2d(x.permute(0, 3, 1, 2), kernel, bias, stride=tuple(op["strides"]),
                     padding=op["padding"], dilation=tuple(op["dilation"])).permute(0, 2, 3, 1)
        return activate(z, op["activation"]), z
    if kind == "maxpool2d":
        y = F.max_pool2d(x.permute(0, 3, 1, 2), tuple(op["pool"]), stride=tuple(op["strides"])).permute(0, 2, 3, 1)
        return y, y
    if kind == "flatten":
        y = x.reshape(x.shape[0], -1)  # x is channels_last already: Keras's order
        return y, y
    raise ValueError("layer " + kind)


def run_case(d, case):
    arrays = {name: load(d, case["name"] + "." + name, shape) for name, shape in case["arrays"].items()}
    x = arrays["x"].clone().requires_grad_(True)
    weights = {name: arrays[name].clone().requires_grad_(True) for name in case["weights"]}
    y, z = x, x
    for op in case["layers"]:
        y, z = layer(y, op, weights)
    t = arrays["target"]
    if case["loss"] == "categorical_crossentropy":
        loss = -(t * F.log_softmax(z, dim=-1)).sum(-1).mean()  # fused with the last softmax, as Layerwise does
    elif case["loss"] == "mse":
        loss = F.mse_loss(y, t)
    else:
        raise ValueError("loss " + case["loss"])
    loss.backward()
    torch_results = {"y": y.detach(), "loss": loss.detach().reshape(1), "dx": x.grad}
    for name, wt in weights.items():
        torch_results["d" + name] = wt.grad
    diffs = {}
    for key, ours_shape in case["results"].items():
        ours = load(d, case["name"] + ".java." + key, ours_shape)
        theirs = torch_results[key].reshape(ours.shape)
        abs_diff = float((ours - theirs).abs().max())
        scale = max(1.0, float(theirs.abs().max()))
        diffs[key] = {"max_abs_diff": abs_diff, "scale": scale, "relative": abs_diff / scale}
    return diffs


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "manifest.json")) as f:
        manifest = json.load(f)
    torch.set_num_threads(int(os.environ.get("CROSSCHECK_THREADS", "2")))
    results, worst = {}, 0.0
    print(f"PyTorch {torch.__version__}: largest |Layerwise - PyTorch| per quantity (relative to max(1, |PyTorch|max))")
    for case in manifest["cases"]:
        diffs = run_case(d, case)
        results[case["name"]] = diffs
        line = "  ".join(f"{k} {v['max_abs_diff']:.2e}" for k, v in diffs.items())
        print(f"{case['name']:<22} {line}")
        worst = max([worst] + [v["relative"] for v in diffs.values()])
    verdict = "OK" if worst <= TOLERANCE else "MISMATCH"
    print(f"worst relative difference {worst:.2e} (tolerance {TOLERANCE:.0e}): {verdict}")
    with open(os.path.join(d, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    sys.exit(0 if worst <= TOLERANCE else 1)


if __name__ == "__main__":
    main()

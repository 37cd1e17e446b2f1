"""PyTorch reference for Layerwise's layers: reads cases as JSON lines on stdin, prints each one's
outputs and gradients as a JSON line. Weights arrive in Keras's layouts and are converted here, so every conversion
between the two libraries is written down in one place. Runs in float64.

Loss: L = sum(R * y) for the given R, so dL/dy = R, the same scalar GradCheck uses.
"""
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def t(values, shape):
    return torch.tensor(values, dtype=torch.float64).reshape(shape)


def flat(x):
    return x.detach().reshape(-1).tolist()


def to_torch(w, units, order):
    """Reorders the gate blocks of the last axis; the orders used here are their own inverses."""
    blocks = [w[..., g * units:(g + 1) * units] for g in range(w.shape[-1] // units)]
    return torch.cat([blocks[g] for g in order], dim=-1)


def recurrent(case):
    n, steps, d = case["shape"]
    u = case["units"]
    x = t(case["x"], (n, steps, d)).requires_grad_()
    gates = 4 if case["kind"] == "lstm" else 3
    # Keras LSTM gates i, f, g, o = torch's order; Keras GRU z, r, h → torch r, z, n (its own inverse)
    order = list(range(4)) if gates == 4 else [1, 0, 2]
    kernel = t(case["kernel"], (d, gates * u))
    recurrent_kernel = t(case["recurrent"], (u, gates * u))
    bias = t(case["bias"], (2, gates * u) if gates == 3 else (gates * u,))
    # Keras's LSTM has one bias; torch adds b_ih + b_hh, so b_hh stays 0. GRU reset_after: rows 0 and 1
    b_ih, b_hh = (bias[0], bias[1]) if gates == 3 else (bias, torch.zeros(gates * u))
    rnn = torch.nn.LSTM(d, u, batch_first=True) if gates == 4 else torch.nn.GRU(d, u, batch_first=True)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(to_torch(kernel, u, order).T)
        rnn.weight_hh_l0.copy_(to_torch(recurrent_kernel, u, order).T)
        rnn.bias_ih_l0.copy_(to_torch(b_ih, u, order))
        rnn.bias_hh_l0.copy_(to_torch(b_hh, u, order))
    out, _ = rnn(x)
    y = out if case["return_sequences"] else out[:, -1, :]
    (y * t(case["r"], y.shape)).sum().backward()
    dbias = to_torch(rnn.bias_ih_l0.grad, u, order)
    if gates == 3:
        dbias = torch.stack([dbias, to_torch(rnn.bias_hh_l0.grad, u, order)])
    return {"y": flat(y), "dx": flat(x.grad), "dkernel": flat(to_torch(rnn.weight_ih_l0.grad.T, u, order)),
            "drecurrent": flat(to_torch(rnn.weight_hh_l0.grad.T, u, order)), "dbias": flat(dbias)}


def batchnorm(case):
    shape = case["shape"]
    c = shape[-1]
    x = t(case["x"], shape).requires_grad_()
    gamma = t(case["gamma"], (c,)).requires_grad_()
    beta = t(case["beta"], (c,)).requires_grad_()
    # Keras normalizes the last axis; torch's batch_norm wants the features on axis 1
    moved = x.movedim(-1, 1)
    y = torch.nn.functional.batch_norm(moved, None, None, gamma, beta, training=True, eps=case["epsilon"]).movedim(1, -1)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dgamma": flat(gamma.grad), "dbeta": flat(beta.grad)}


def conv2d_transpose(case):
    n, h, w, c_in = case["shape"]
    k, s, f = case["kernel_size"], case["stride"], case["filters"]
    x = t(case["x"], (n, h, w, c_in)).requires_grad_()
    kernel = t(case["kernel"], (k, k, f, c_in)).requires_grad_()
    bias = t(case["bias"], (f,)).requires_grad_()
    # torch wants (N, C, H, W) and a weight (C_in, F, K, K); Keras has (N, H, W, C) and (K, K, F, C_in)
    full = torch.nn.functional.conv_transpose2d(x.permute(0, 3, 1, 2), kernel.permute(3, 2, 0, 1), stride=s)
    # tf.keras: 'valid' is W·S + max(K − S, 0); 'same' is W·S, cropping the overhang like a 'same' conv's padding
    size = h * s + max(k - s, 0) if case["padding"] == "valid" else h * s
    excess = full.shape[2] - size
    top = excess // 2 if excess > 0 else 0
    full = torch.nn.functional.pad(full, (0, max(-excess, 0), 0, max(-excess, 0)))
    y = (full[:, :, top:top + size, top:top + size] + bias.reshape(1, f, 1, 1)).permute(0, 2, 3, 1)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dkernel": flat(kernel.grad), "dbias": flat(bias.grad)}


def conv3d(case):
    n, d, h, w, c_in = case["shape"]
    k, s, f = case["kernel_size"], case["stride"], case["filters"]
    x = t(case["x"], (n, d, h, w, c_in)).requires_grad_()
    kernel = t(case["kernel"], (k, k, k, c_in, f)).requires_grad_()
    bias = t(case["bias"], (f,)).requires_grad_()
    # Keras (K_d, K_h, K_w, C_in, F) → torch (F, C_in, K_d, K_h, K_w); 'valid' padding
    y = torch.nn.functional.conv3d(x.permute(0, 4, 1, 2, 3), kernel.permute(4, 3, 0, 1, 2), bias, stride=s).permute(0, 2, 3, 4, 1)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dkernel": flat(kernel.grad), "dbias": flat(bias.grad)}


def depthwise(case):
    n, h, w, c = case["shape"]
    k, m = case["kernel_size"], case["depth_multiplier"]
    x = t(case["x"], (n, h, w, c)).requires_grad_()
    kernel = t(case["kernel"], (k, k, c, m)).requires_grad_()
    bias = t(case["bias"], (c * m,)).requires_grad_()
    # Keras (K, K, C, M), output channel c·M + m → torch groups=C, weight (C·M, 1, K, K) in the same channel order
    weight = kernel.permute(2, 3, 0, 1).reshape(c * m, 1, k, k)
    y = torch.nn.functional.conv2d(x.permute(0, 3, 1, 2), weight, bias, groups=c).permute(0, 2, 3, 1)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dkernel": flat(kernel.grad), "dbias": flat(bias.grad)}


def attention(case):
    n, tq, tk, d, h = case["n"], case["tq"], case["tk"], case["d"], case["heads"]
    q = t(case["q"], (n, tq, d)).requires_grad_()
    k = t(case["k"], (n, tk, d)).requires_grad_()
    v = t(case["v"], (n, tk, d)).requires_grad_()
    att = torch.nn.MultiheadAttention(d, h, batch_first=True)
    # Keras kernels (d, heads, key_dim) flatten to (d, heads·key_dim) in torch's head order; torch stores Wᵀ
    w = {name: t(case[name], (d, d)) for name in ("wq", "wk", "wv", "wo")}
    b = {name: t(case[name], (d,)) for name in ("bq", "bk", "bv", "bo")}
    with torch.no_grad():
        att.in_proj_weight.copy_(torch.cat([w["wq"].T, w["wk"].T, w["wv"].T]))
        att.in_proj_bias.copy_(torch.cat([b["bq"], b["bk"], b["bv"]]))
        att.out_proj.weight.copy_(w["wo"].T)
        att.out_proj.bias.copy_(b["bo"])
    # torch's mask is True where attending is forbidden: above the diagonal for a causal mask
    mask = torch.triu(torch.ones(tq, tk, dtype=torch.bool), 1) if case["causal"] else None
    y, _ = att(q, k, v, attn_mask=mask, need_weights=False)
    (y * t(case["r"], y.shape)).sum().backward()
    gw, gb = att.in_proj_weight.grad, att.in_proj_bias.grad
    return {"y": flat(y), "dq": flat(q.grad), "dk": flat(k.grad), "dv": flat(v.grad),
            "dwq": flat(gw[:d].T), "dwk": flat(gw[d:2 * d].T), "dwv": flat(gw[2 * d:].T),
            "dbq": flat(gb[:d]), "dbk": flat(gb[d:2 * d]), "dbv": flat(gb[2 * d:]),
            "dwo": flat(att.out_proj.weight.grad.T), "dbo": flat(att.out_proj.bias.grad)}


def layernorm(case):
    shape = case["shape"]
    x = t(case["x"], shape).requires_grad_()
    ln = torch.nn.LayerNorm(shape[-1], eps=case["epsilon"])
    with torch.no_grad():
        ln.weight.copy_(t(case["gamma"], (shape[-1],)))
        ln.bias.copy_(t(case["beta"], (shape[-1],)))
    y = ln(x)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "dx": flat(x.grad), "dgamma": flat(ln.weight.grad), "dbeta": flat(ln.bias.grad)}


def pointwise(case):
    """Activation layers and the pooling/repeat layers, each one torch function on a channels-last x."""
    x = t(case["x"], case["shape"]).requires_grad_()
    f, name, extra = torch.nn.functional, case["name"], {}
    if name == "prelu":
        # one alpha per channel (Keras shared_axes over every axis but the channels) = torch's per-channel PReLU
        alpha = t(case["alpha"], (case["shape"][-1],)).requires_grad_()
        y = f.prelu(x.movedim(-1, 1), alpha).movedim(1, -1)
        extra["alpha"] = alpha
    elif name == "crop":
        y = x[(slice(None),) + tuple(slice(a, x.shape[i + 1] - b) for i, (a, b) in enumerate(case["crop"])) + (slice(None),)]
    elif name == "dense_per_step":
        # TimeDistributed(Dense(u)) = torch's Linear, which acts on the last axis of every step already
        kernel = t(case["kernel"], (case["shape"][-1], case["units"])).requires_grad_()
        bias = t(case["bias"], (case["units"],)).requires_grad_()
        y = x @ kernel + bias
        extra.update(kernel=kernel, bias=bias)
    elif name == "repeat":
        y = x.unsqueeze(1).repeat(1, case["n"], 1)
    else:
        y = {"leaky_relu": lambda: f.leaky_relu(x, case["slope"]), "elu": lambda: f.elu(x, case["alpha"]),
             "relu6": lambda: f.relu6(x), "softmax": lambda: f.softmax(x, dim=-1),
             "global_mean_3d": lambda: x.mean(dim=(1, 2, 3)), "global_max_3d": lambda: x.amax(dim=(1, 2, 3))}[name]()
    (y * t(case["r"], y.shape)).sum().backward()
    out = {"y": flat(y), "dx": flat(x.grad)}
    out.update({"d" + k: flat(v.grad) for k, v in extra.items()})
    return out


def merge(case):
    a = t(case["a"], case["shape"]).requires_grad_()
    b = t(case["b"], case["shape"]).requires_grad_()
    y = {"multiply": torch.mul, "subtract": torch.sub, "maximum": torch.maximum, "minimum": torch.minimum,
         "average": lambda p, q: (p + q) / 2}[case["name"]](a, b)
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "da": flat(a.grad), "db": flat(b.grad)}


def dot(case):
    """Keras Dot(axes=(2, 2)) on (n, t1, d) and (n, t2, d): every pair of steps, optionally as cosine similarity."""
    a = t(case["a"], case["shape_a"]).requires_grad_()
    b = t(case["b"], case["shape_b"]).requires_grad_()
    na, nb = (torch.nn.functional.normalize(a, dim=2), torch.nn.functional.normalize(b, dim=2)) if case["normalize"] else (a, b)
    y = torch.bmm(na, nb.transpose(1, 2))
    (y * t(case["r"], y.shape)).sum().backward()
    return {"y": flat(y), "da": flat(a.grad), "db": flat(b.grad)}


def answer(case):
    kind = case["kind"]
    if kind == "dot":
        return dot(case)
    if kind == "pointwise":
        return pointwise(case)
    if kind == "merge":
        return merge(case)
    if kind == "attention":
        return attention(case)
    if kind == "layernorm":
        return layernorm(case)
    if kind in ("lstm", "gru"):
        return recurrent(case)
    if kind == "conv2d_transpose":
        return conv2d_transpose(case)
    if kind == "conv3d":
        return conv3d(case)
    if kind == "depthwise":
        return depthwise(case)
    return batchnorm(case)


# One case per line, one answer per line: the tests keep this process for all their cases, so torch loads once.
for line in sys.stdin:
    print(json.dumps(answer(json.loads(line))), flush=True)

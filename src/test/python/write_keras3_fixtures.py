"""Writes .keras files exactly as Keras 3's model.save does, without Keras: h5py and NumPy only.

A .keras file is a zip of metadata.json, config.json (serialize_keras_object(model)) and
model.weights.h5, whose groups follow keras/src/saving/saving_lib.py: the model's own "vars", then
"layers/<snake_case class name>[_n]/vars/<i>", a recurrent layer's weights under ".../cell/vars",
and the optimizer's state under "optimizer/vars" (which a reader of the layers must skip).
Each model gets known random weights, and a NumPy forward pass gives the predictions Keras makes.

usage: write_keras3_fixtures.py OUT_DIR   (writes cnn.keras, cnn.json, lstm.keras, lstm.json,
                                           lstm_legacy.weights.h5, attention.keras, attention.json)
"""
import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np

rng = np.random.default_rng(20261205)
POLICY = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def init(cls, **config):
    return {"module": "keras.initializers", "class_name": cls, "config": config, "registered_name": None}


def layer(cls, config, input_shape):
    base = {"name": config.pop("name"), "trainable": True, "dtype": POLICY}
    return {"module": "keras.layers", "class_name": cls, "config": {**base, **config},
            "registered_name": None, "build_config": {"input_shape": input_shape}}


def conv2d(name, filters, padding, input_shape):
    return layer("Conv2D", {"name": name, "filters": filters, "kernel_size": [3, 3], "strides": [1, 1],
                            "padding": padding, "data_format": "channels_last", "dilation_rate": [1, 1],
                            "groups": 1, "activation": "relu", "use_bias": True,
                            "kernel_initializer": init("GlorotUniform", seed=None), "bias_initializer": init("Zeros"),
                            "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
                            "kernel_constraint": None, "bias_constraint": None}, input_shape)


def dense(name, units, activation, input_shape):
    return layer("Dense", {"name": name, "units": units, "activation": activation, "use_bias": True,
                           "kernel_initializer": init("GlorotUniform", seed=None), "bias_initializer": init("Zeros"),
                           "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
                           "bias_constraint": None}, input_shape)


def weights(*shape):
    return rng.normal(0, 0.5, size=shape).astype(np.float32)


def write_keras(path, config, fill_h5):
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        fill_h5(h5)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("metadata.json", json.dumps({"keras_version": "3.10.0", "date_saved": "2026-12-05@07:00:00"}))
        zf.writestr("config.json", json.dumps(config))
        zf.writestr("model.weights.h5", buffer.getvalue())


def put_vars(h5, path, arrays):
    group = h5.create_group(path + "/vars") if path else h5.create_group("vars")
    for i, a in enumerate(arrays):
        group[str(i)] = a


def put_adam(h5, trainable):
    """Keras 3 Adam's variables: iterations, learning_rate, then a momentum and a velocity per weight."""
    group = h5.create_group("optimizer/vars")
    group["0"] = np.array(12, dtype=np.int64)
    group["1"] = np.array(0.001, dtype=np.float32)
    for i, w in enumerate(trainable):
        group[str(2 + 2 * i)] = np.zeros_like(w)
        group[str(3 + 2 * i)] = np.zeros_like(w)


# ---------------------------------------------------------------- NumPy forward passes

def conv(x, k, b, padding):
    if padding == "same":
        x = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    n, h, w, _ = x.shape
    kh, kw, _, f = k.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, f), dtype=np.float64)
    for a in range(kh):
        for c in range(kw):
            out += np.einsum("nhwc,cf->nhwf", x[:, a:a + out.shape[1], c:c + out.shape[2], :], k[a, c])
    return out + b


def relu(x):
    return np.maximum(x, 0)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cnn(out):
    """Input (8, 8, 1) -> Conv2D(4, 3) -> BatchNormalization -> MaxPooling2D(2) -> Conv2D(6, 3, same)
    -> Flatten -> Dense(16, relu) -> Dense(3, softmax): names conv2d, conv2d_1, dense, dense_1."""
    k1, b1 = weights(3, 3, 1, 4), weights(4)
    gamma, beta = 1 + weights(4), weights(4)
    mean, var = weights(4), (0.5 + rng.random(4)).astype(np.float32)
    k2, b2 = weights(3, 3, 4, 6), weights(6)
    w1, c1 = weights(54, 16), weights(16)
    w2, c2 = weights(16, 3), weights(3)
    shape = [None, 8, 8, 1]
    layers = [
        {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
         "config": {"batch_shape": shape, "dtype": "float32", "sparse": False, "name": "input_layer"}},
        conv2d("conv2d", 4, "valid", shape),
        layer("BatchNormalization", {"name": "batch_normalization", "axis": -1, "momentum": 0.99, "epsilon": 0.001,
                                     "center": True, "scale": True, "beta_initializer": init("Zeros"),
                                     "gamma_initializer": init("Ones"), "moving_mean_initializer": init("Zeros"),
                                     "moving_variance_initializer": init("Ones"), "beta_regularizer": None,
                                     "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None,
                                     "synchronized": False}, [None, 6, 6, 4]),
        layer("MaxPooling2D", {"name": "max_pooling2d", "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                               "data_format": "channels_last"}, [None, 6, 6, 4]),
        conv2d("conv2d_1", 6, "same", [None, 3, 3, 4]),
        layer("Flatten", {"name": "flatten", "data_format": "channels_last"}, [None, 3, 3, 6]),
        dense("dense", 16, "relu", [None, 54]),
        dense("dense_1", 3, "softmax", [None, 16]),
    ]
    config = {"module": "keras", "class_name": "Sequential", "registered_name": None,
              "config": {"name": "sequential", "trainable": True, "dtype": POLICY, "layers": layers,
                         "build_input_shape": shape},
              "build_config": {"input_shape": shape},
              "compile_config": {"optimizer": {"module": "keras.optimizers", "class_name": "Adam",
                                               "config": {"name": "adam", "learning_rate": 0.001}, "registered_name": None},
                                 "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
                                 "loss_weights": None, "weighted_metrics": None, "run_eagerly": False,
                                 "steps_per_execution": 1, "jit_compile": False}}

    def fill(h5):
        put_vars(h5, "", [])
        put_vars(h5, "layers/conv2d", [k1, b1])
        put_vars(h5, "layers/batch_normalization", [gamma, beta, mean, var])
        put_vars(h5, "layers/max_pooling2d", [])
        put_vars(h5, "layers/conv2d_1", [k2, b2])
        put_vars(h5, "layers/flatten", [])
        put_vars(h5, "layers/dense", [w1, c1])
        put_vars(h5, "layers/dense_1", [w2, c2])
        put_adam(h5, [k1, b1, gamma, beta, k2, b2, w1, c1, w2, c2])

    write_keras(os.path.join(out, "cnn.keras"), config, fill)
    x = rng.normal(size=(5, 8, 8, 1)).astype(np.float32)
    h = relu(conv(x.astype(np.float64), k1, b1, "valid"))
    h = gamma * (h - mean) / np.sqrt(var + 0.001) + beta
    h = h.reshape(5, 3, 2, 3, 2, 4).max(axis=(2, 4))
    h = relu(conv(h, k2, b2, "same")).reshape(5, -1)
    y = softmax(relu(h @ w1 + c1) @ w2 + c2)
    save_case(out, "cnn", x, y)


def lstm(out):
    """Functional: Input (6, 3) -> LSTM(4) -> Dense(2, sigmoid); the LSTM's weights lie in its cell."""
    kernel, recurrent, bias = weights(3, 16), weights(4, 16), weights(16)
    w, c = weights(4, 2), weights(2)

    def tensor(shape, source):
        return {"class_name": "__keras_tensor__", "config": {"shape": shape, "dtype": "float32", "keras_history": [source, 0, 0]}}

    lstm_layer = layer("LSTM", {"name": "lstm", "return_sequences": False, "return_state": False, "go_backwards": False,
                                "stateful": False, "unroll": False, "zero_output_for_mask": False, "units": 4,
                                "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
                                "kernel_initializer": init("GlorotUniform", seed=None),
                                "recurrent_initializer": init("Orthogonal", gain=1.0, seed=None),
                                "bias_initializer": init("Zeros"), "unit_forget_bias": True, "kernel_regularizer": None,
                                "recurrent_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
                                "kernel_constraint": None, "recurrent_constraint": None, "bias_constraint": None,
                                "dropout": 0.0, "recurrent_dropout": 0.0, "seed": None}, [None, 6, 3])
    lstm_layer.update({"name": "lstm", "inbound_nodes": [{"args": [tensor([None, 6, 3], "input_layer")],
                                                          "kwargs": {"training": False, "mask": None}}]})
    out_layer = dense("dense", 2, "sigmoid", [None, 4])
    out_layer.update({"name": "dense", "inbound_nodes": [{"args": [tensor([None, 4], "lstm")], "kwargs": {}}]})
    layers = [{"module": "keras.layers", "class_name": "InputLayer", "registered_name": None, "name": "input_layer",
               "config": {"batch_shape": [None, 6, 3], "dtype": "float32", "sparse": False, "name": "input_layer"},
               "inbound_nodes": []}, lstm_layer, out_layer]
    config = {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
              "config": {"name": "functional", "trainable": True, "layers": layers,
                         "input_layers": [["input_layer", 0, 0]], "output_layers": [["dense", 0, 0]]},
              "build_config": {"input_shape": None}, "compile_config": None}

    def fill(h5, layers_group="layers"):
        put_vars(h5, "", [])
        put_vars(h5, layers_group + "/input_layer", [])
        put_vars(h5, layers_group + "/lstm", [])
        put_vars(h5, layers_group + "/lstm/cell", [kernel, recurrent, bias])
        put_vars(h5, layers_group + "/dense", [w, c])

    write_keras(os.path.join(out, "lstm.keras"), config, fill)
    # Keras 2.13 to 2.15 wrote the same with another name for the layers' group.
    with h5py.File(os.path.join(out, "lstm_legacy.weights.h5"), "w") as h5:
        fill(h5, "_layer_checkpoint_dependencies")
    x = rng.normal(size=(3, 6, 3)).astype(np.float32)
    h = np.zeros((3, 4))
    cell = np.zeros((3, 4))
    for t in range(6):
        z = x[:, t, :] @ kernel + h @ recurrent + bias
        i, f, g, o = sigmoid(z[:, :4]), sigmoid(z[:, 4:8]), np.tanh(z[:, 8:12]), sigmoid(z[:, 12:])
        cell = f * cell + i * g
        h = o * np.tanh(cell)
    save_case(out, "lstm", x, sigmoid(h @ w + c))


def attention(out):
    """Functional: Input (4, 6) -> MultiHeadAttention(2 heads, key_dim 3)(x, x, use_causal_mask=True).
    Its four EinsumDense projections are stored under their private names (_query_dense, ...), as
    Keras 3 releases before the public query_dense property wrote them."""
    wq, bq, wk, bk = weights(6, 2, 3), weights(2, 3), weights(6, 2, 3), weights(2, 3)
    wv, bv, wo, bo = weights(6, 2, 3), weights(2, 3), weights(2, 3, 6), weights(6)

    def tensor():
        return {"class_name": "__keras_tensor__", "config": {"shape": [None, 4, 6], "dtype": "float32", "keras_history": ["input_layer", 0, 0]}}

    mha = layer("MultiHeadAttention", {"name": "multi_head_attention", "num_heads": 2, "key_dim": 3, "value_dim": 3,
                                       "dropout": 0.0, "use_bias": True, "output_shape": None, "attention_axes": None,
                                       "kernel_initializer": init("GlorotUniform", seed=None), "bias_initializer": init("Zeros"),
                                       "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
                                       "kernel_constraint": None, "bias_constraint": None, "seed": None}, None)
    mha["build_config"] = {"shapes_dict": {"query_shape": [None, 4, 6], "value_shape": [None, 4, 6]}}
    mha.update({"name": "multi_head_attention", "inbound_nodes": [{"args": [tensor(), tensor()], "kwargs": {"use_causal_mask": True}}]})
    layers = [{"module": "keras.layers", "class_name": "InputLayer", "registered_name": None, "name": "input_layer",
               "config": {"batch_shape": [None, 4, 6], "dtype": "float32", "sparse": False, "name": "input_layer"},
               "inbound_nodes": []}, mha]
    config = {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
              "config": {"name": "functional", "trainable": True, "layers": layers,
                         "input_layers": [["input_layer", 0, 0]], "output_layers": [["multi_head_attention", 0, 0]]},
              "build_config": {"input_shape": None}, "compile_config": None}

    def fill(h5):
        put_vars(h5, "", [])
        put_vars(h5, "layers/input_layer", [])
        put_vars(h5, "layers/multi_head_attention", [])
        for name, arrays in [("_query_dense", [wq, bq]), ("_key_dense", [wk, bk]), ("_value_dense", [wv, bv]),
                             ("_output_dense", [wo, bo]), ("_softmax", []), ("_dropout_layer", [])]:
            put_vars(h5, "layers/multi_head_attention/" + name, arrays)

    write_keras(os.path.join(out, "attention.keras"), config, fill)
    x = rng.normal(size=(2, 4, 6)).astype(np.float32)
    q = np.einsum("ntd,dhk->nthk", x, wq) + bq
    k = np.einsum("ntd,dhk->nthk", x, wk) + bk
    v = np.einsum("ntd,dhk->nthk", x, wv) + bv
    scores = np.einsum("nshk,nthk->nhts", k, q / np.sqrt(3.0))
    allowed = np.tril(np.ones((4, 4), dtype=bool))
    scores = np.where(allowed, scores, -np.inf)
    p = softmax(scores)
    y = np.einsum("nthv,hvd->ntd", np.einsum("nhts,nshv->nthv", p, v), wo) + bo
    save_case(out, "attention", x, y)


def save_case(out, name, x, y):
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"x_shape": list(x.shape), "x": x.ravel().tolist(), "y_shape": list(y.shape), "y": y.ravel().tolist()}, f)


if __name__ == "__main__":
    cnn(sys.argv[1])
    lstm(sys.argv[1])
    attention(sys.argv[1])

package layerwise.train;

import java.util.List;

import layerwise.layers.Param;

/** Changes the weights a little against their gradients, once per batch. */
public interface Optimizer {
    void step(List<Param> params);

    /** The learning rate it was created with. */
    double learningRate();
}

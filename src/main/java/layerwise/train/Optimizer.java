package layerwise.train;

import java.util.List;

import layerwise.layers.Param;

/** Changes the weights a little against their gradients, once per batch. */
public interface Optimizer {
    void step(List<Param> params);

    /** The learning rate it was created with. */
    double learningRate();

    /**
     * How the next step will change weight {@code i} of {@code p} (flat index), with the numbers filled in;
     * called before the step, it changes nothing. Optimizers that do not write out their formula say so.
     */
    default WorkedUpdate explainUpdate(Param p, int i) { return WorkedUpdate.unexplained(); }
}

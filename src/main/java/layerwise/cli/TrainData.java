package layerwise.cli;

import layerwise.data.Dataset;
import layerwise.data.Datasets;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.model.Model;
import layerwise.ndarray.NDArray;

/** The data named by {@code --data}, and its targets in the form the loss and the model's output want. */
final class TrainData {
    private TrainData() {}

    /** digits, iris, or random:100x100x100x3:10 (100 samples of 100×100×3, 10 classes). */
    static Dataset load(String spec, long seed) {
        if (spec.equals("digits")) return Datasets.digits();
        if (spec.equals("iris")) return Datasets.iris();
        String[] parts = spec.split(":");
        if (parts.length == 3 && parts[0].equals("random")) {
            try {
                String[] dims = parts[1].split("x");
                int[] sample = new int[dims.length - 1];
                for (int i = 1; i < dims.length; i++) sample[i - 1] = Integer.parseInt(dims[i]);
                return Datasets.random(Integer.parseInt(dims[0]), sample, Integer.parseInt(parts[2]), seed);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // fall through to the usage error below
            }
        }
        throw new UsageException("train: --data must be digits, iris or random:SAMPLESxD1x…:CLASSES (e.g. random:100x100x100x3:10), got '" + spec + "'\n" + Main.USAGE);
    }

    /** Class numbers for a sparse loss; one number per sample for a single sigmoid output; one-hot rows otherwise. */
    static NDArray targets(NDArray labels, int classes, String loss, Model model) {
        if (loss.startsWith("sparse")) return labels;
        long width = model.outputShape().rank() == 0 ? 1 : model.outputShape().last();
        if (width == 1 && classes == 2) return labels.reshape(labels.dim(0), 1);
        if (width == 1) {
            throw new ShapeException(Problem.at(model.outputLayer().label())
                    .headline("The data have " + classes + " classes but the model has a single output")
                    .expected("one output per class (" + classes + "), or 2 classes for a single sigmoid output")
                    .got("output shape " + model.outputShape().withBatch())
                    .fix("end the model with Dense(" + classes + ", activation=\"softmax\")"));
        }
        return NDArray.toCategorical(labels, classes);
    }
}

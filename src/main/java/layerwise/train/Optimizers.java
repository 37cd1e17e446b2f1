package layerwise.train;

import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Options;

/** The optimizers by their Keras names, each with Keras's default learning rate: "sgd" is SGD(0.01), "adam" Adam(0.001), "adamw" AdamW(0.001). */
public final class Optimizers {
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad");

    private Optimizers() {}

    public static Optimizer get(String name) {
        return switch (Options.oneOf("compile", "optimizer", name, NAMES)) {
            case "sgd" -> new SGD();
            case "adam" -> new Adam();
            case "adamw" -> new AdamW();
            case "rmsprop" -> new RMSprop();
            default -> new Adagrad();
        };
    }

    /** A learning rate must be a positive number: at 0 nothing learns, below 0 every step climbs the loss. */
    static double checkLearningRate(String optimizer, double lr) {
        if (lr > 0 && Double.isFinite(lr)) return lr;
        throw new ConfigException(Problem.at(optimizer)
                .headline("Invalid learning_rate: " + lr + ". The learning rate must be a positive number.")
                .expected("a learning rate > 0, such as " + optimizer + (optimizer.equals("SGD") ? "(0.01)" : "(0.001)"))
                .got("learning_rate = " + lr)
                .why(Double.isNaN(lr) || Double.isInfinite(lr) ? "a step of NaN or infinity makes every weight NaN after the first batch"
                        : lr == 0 ? "a step of size 0 never changes the weights" : "a negative step moves the weights uphill, so the loss grows")
                .fix("use a small positive value; Keras's defaults are 0.01 for SGD and 0.001 for Adam, RMSprop and Adagrad"));
    }
}

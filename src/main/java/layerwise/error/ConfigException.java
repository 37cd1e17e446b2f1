package layerwise.error;

/** A setting that cannot work: an unknown activation or padding, a non-positive size, a bad model file. */
public class ConfigException extends NnException {
    public ConfigException(Problem problem) { super(problem); }
    public ConfigException(Problem problem, Throwable cause) { super(problem, cause); }
}

package layerwise.cli;

/** A command line that cannot be understood: a missing argument or an unknown flag. Exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

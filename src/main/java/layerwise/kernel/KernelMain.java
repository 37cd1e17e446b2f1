package layerwise.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel for Jupyter: {@code java -cp layerwise.jar layerwise.kernel.KernelMain CONNECTION_FILE},
 * as written in {@code kernel-spec/layerwise/kernel.json}.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -cp layerwise.jar layerwise.kernel.KernelMain CONNECTION_FILE");
            System.exit(2);
        }
        var properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        var connection = new QuickConnection(properties);
        var kernel = new LayerwiseKernel(System.getProperty("java.class.path", ""));
        kernel.becomeHandlerForConnection(connection);
        try {
            connection.connect();
        } catch (RuntimeException e) {
            // A port Jupyter chose was taken meanwhile: exit at once so Jupyter sees a dead kernel and retries,
            // instead of waiting for one that will never answer.
            System.err.println("Layerwise kernel: cannot open the Jupyter connection: " + e.getMessage());
            System.exit(1);
        }
        kernel.onStartup();
        connection.waitUntilClose();
        System.exit(0);
    }
}

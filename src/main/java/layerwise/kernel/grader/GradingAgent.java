package layerwise.kernel.grader;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

import layerwise.exercise.Attempts;

/**
 * The main class of a graded notebook's JVM: connects back to the grader once, gives System.out,
 * System.err and System.in to the connection as JShell's own agent does, and hands the "answers"
 * stream to {@link Attempts} before the grader sends the first line of the notebook.
 */
public final class GradingAgent {
    /** The argument that makes this JVM load what a notebook loads, then exit (for {@link ClassArchive}). */
    static final String WARM_UP = "--warm-up";

    private GradingAgent() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals(WARM_UP)) {
            new RemoteExecutionControl();
            layerwise.exercise.Exercises.sheet("seeds").check("003-conv-shape", "(None, 148, 148, 16)");
            return;
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)),
                "err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)),
                ChildJvm.ANSWERS, Attempts::handInTo);
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), socket.getInputStream(), socket.getOutputStream(),
                outputs, inputs);
    }
}

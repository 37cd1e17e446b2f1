package layerwise.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.function.Consumer;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

import layerwise.error.NnException;

/**
 * The JVM side of {@code ./layerwise jshell}: JShell's own remote agent, except that a Layerwise error
 * reaches the prompt as its explanation alone, without a stack trace, as in the notebook. Started by
 * JShell with {@code --execution jdi:remoteAgent(layerwise.kernel.JShellAgent)}.
 */
public final class JShellAgent extends RemoteExecutionControl {

    /** As {@link RemoteExecutionControl#main}: connects to JShell on the port given and serves it. */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket((String) null, Integer.parseInt(args[0]));
        Charset charset = Charset.defaultCharset();
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", st -> System.setOut(new PrintStream(st, true, charset)),
                "err", st -> System.setErr(new PrintStream(st, true, charset)));
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(new JShellAgent(), socket.getInputStream(), socket.getOutputStream(), outputs, inputs);
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (cause instanceof NnException) {
            throw new UserException(cause.getMessage(), cause.getClass().getName(), new StackTraceElement[0]);
        }
        return super.throwConvertedInvocationException(cause);
    }
}

package layerwise.kernel;

import java.util.Map;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import layerwise.error.NnException;

/**
 * How {@code ./layerwise jshell} runs snippets ({@code jshell --execution layerwise}, found through
 * {@code META-INF/services}): in JShell's own JVM, as JShell's {@code --execution local} does, except
 * that a Layerwise error reaches the prompt as its explanation alone, without a stack trace, as in the
 * notebook. JShell's remote engine cannot be changed so on JDK 22 and later (it refuses another agent).
 */
public final class JShellEngine implements ExecutionControlProvider {
    @Override public String name() { return "layerwise"; }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new Local();
    }

    private static final class Local extends LocalExecutionControl {
        @Override
        protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
            if (cause instanceof NnException) {
                throw new UserException(cause.getMessage(), cause.getClass().getName(), new StackTraceElement[0]);
            }
            return super.throwConvertedInvocationException(cause);
        }
    }
}

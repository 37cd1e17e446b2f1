package layerwise.kernel.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Where a graded notebook's code runs: a fresh JVM started by the grader in the notebook's own
 * temporary folder (inside the {@link Sandbox} when the system allows one), talking to the grader's
 * JShell over one loopback connection. Besides the usual out, err and in, that connection carries a
 * stream named "answers", handed to the exercise library before any notebook code runs: it is not a
 * file, a property or a port the notebook could name. No debugger (JDI) is involved: a notebook that
 * overruns its time is ended by killing its process.
 */
final class ChildJvm implements ExecutionControlProvider {
    static final String ANSWERS = "answers";
    private static final int CONNECT_TIMEOUT_MS = 60_000;

    private final Path folder;
    private final List<String> jvmOptions;
    private final OutputStream answers;
    private volatile Process process;

    ChildJvm(Path folder, List<String> jvmOptions, OutputStream answers) {
        this.folder = folder;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.answers = answers;
    }

    @Override public String name() { return "layerwise-child"; }

    /** Kills the notebook's JVM (time limit); JShell then reports the engine as ended. */
    void kill() {
        Process p = process;
        if (p != null) p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (p != null) p.destroyForcibly();
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(CONNECT_TIMEOUT_MS);
            List<String> command = new ArrayList<>(Sandbox.prefix(folder));
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String classPath = String.join(java.io.File.pathSeparator,
                    RemoteVm.classPath().stream().map(e -> Path.of(e).toAbsolutePath().toString()).toList());
            command.addAll(jvmOptions);
            command.addAll(ClassArchive.options(jvmOptions, classPath));
            command.addAll(env.extraRemoteVMOptions());
            command.addAll(List.of("-cp", classPath, GradingAgent.class.getName(), Integer.toString(listener.getLocalPort())));
            Process p = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process = p;
            // Only this first connection is taken; the listener is closed before any notebook code runs.
            Socket socket = listener.accept();
            p.onExit().thenRun(env::closeDown);
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr(), ANSWERS, answers);
            Map<String, InputStream> inputs = Map.of("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(), outputs, inputs,
                    (in, out) -> new Control(out, in, this));
        }
    }

    /** JShell's streaming control, whose stop and close end the process (no debugger to interrupt a thread). */
    private static final class Control extends StreamingExecutionControl {
        private final ChildJvm jvm;

        Control(ObjectOutput out, ObjectInput in, ChildJvm jvm) {
            super(out, in);
            this.jvm = jvm;
        }

        @Override public void stop() { jvm.kill(); }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                jvm.kill();
            }
        }
    }
}

package layerwise.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * JJava's Jupyter connection with shell and control channels that answer at once. JJava's channels check
 * for a request and then sleep 50 ms, so a cell waited 25 ms on average before the kernel even saw it, and
 * an interrupt as long; checking more often costs CPU while idle. These wait in ZeroMQ's poll instead and
 * wake when a request arrives. The heartbeat, stdin and iopub channels are JJava's own.
 */
final class QuickConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Channel quickShell;
    private final Channel quickControl;

    QuickConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        quickShell = new Channel(context, hmac, false, this);
        quickControl = new Channel(context, hmac, true, this);
    }

    /** As JJava's connect, with the quick channels bound in place of its own shell and control. */
    @Override
    public void connect() {
        heartbeat.bind(properties);
        quickShell.bind(properties);
        quickControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        quickShell.close();
        quickControl.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        quickShell.waitUntilClose();
        quickControl.waitUntilClose();
        super.waitUntilClose();
        context.close();
    }

    /** A shell or control channel whose thread blocks in poll until a request comes (or a close is asked). */
    private static final class Channel extends ShellChannel {
        /** How often a waiting channel looks whether it should close. */
        private static final long CLOSE_CHECK_MS = 200;

        private final boolean isControl;
        private final JupyterConnection connection;
        private volatile boolean closing;
        private Thread loop;

        Channel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
            super(context, hmac, isControl, connection);
            this.isControl = isControl;
            this.connection = connection;
        }

        @Override
        public void bind(KernelConnectionProperties p) {
            bind(formatAddress(p.getTransport(), p.getIp(), isControl ? p.getControlPort() : p.getShellPort()));
            ZMQ.Poller poller = ctx.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            loop = new Thread(() -> serve(poller), isControl ? "jupyter control" : "jupyter shell");
            loop.start();
        }

        private void serve(ZMQ.Poller poller) {
            try {
                while (!closing) {
                    if (poller.poll(CLOSE_CHECK_MS) > 0) handle(readMessage());
                }
            } finally {
                poller.close();
                super.close();
            }
        }

        /** As JJava's channel: the handler for the message's type answers through a reply environment. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private void handle(Message message) {
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) return;
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (RuntimeException e) {
                // JJava's channel logs and carries on: one bad request must not end the kernel.
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) connection.close();
        }

        /** Asks the channel's thread to end; it closes the socket it owns when it does. */
        @Override
        public void close() {
            closing = true;
            if (loop == null) super.close();
        }

        @Override
        public void waitUntilClose() {
            if (loop == null || loop == Thread.currentThread()) return;
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

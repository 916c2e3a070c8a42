package org.jpatch.bridge;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import py4j.Gateway;
import py4j.GatewayConnection;
import py4j.GatewayServerListener;
import py4j.commands.AuthCommand;
import py4j.commands.Command;

/**
 * One Py4J connection of {@link GuardedGatewayServer}: it can be closed when its token
 * did not come in time, it gives its slot back when it ends, and, without reflection,
 * it serves only authentication and calls of the entry point's own methods
 * ({@link EntryPointCallCommand}) — no gateway.jvm, constructors, fields, arrays or
 * calls on other objects.
 */
final class GuardedConnection extends GatewayConnection {
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    GuardedConnection(Gateway gateway, Socket socket, String token, List<GatewayServerListener> listeners,
            boolean reflection, Runnable onEnd) throws IOException {
        super(gateway, socket, token, null, listeners);
        this.onEnd = onEnd;
        if (!reflection) {
            commands.keySet().retainAll(Set.of(AuthCommand.COMMAND_NAME));
            Command call = new EntryPointCallCommand();
            call.init(gateway, this);
            commands.put(call.getCommandName(), call);
        }
    }

    /** Ends a connection whose peer has not authenticated: its thread leaves its blocking read. */
    void closeUnlessAuthenticated() {
        if (!authCommand.isAuthenticated()) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void shutdown(boolean reset) {
        super.shutdown(reset);
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}

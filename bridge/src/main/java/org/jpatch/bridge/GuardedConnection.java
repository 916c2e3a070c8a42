package org.jpatch.bridge;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import py4j.Gateway;
import py4j.GatewayConnection;
import py4j.GatewayServerListener;
import py4j.commands.Command;

/**
 * One authenticated Py4J connection of {@link GuardedGatewayServer} (the token was checked
 * before it was made: {@link TokenCheck}). Without reflection it serves only calls of the
 * entry point's own methods ({@link EntryPointCallCommand}): no gateway.jvm, constructors,
 * fields, arrays, or calls on other objects.
 */
final class GuardedConnection extends GatewayConnection {
    GuardedConnection(Gateway gateway, Socket socket, List<GatewayServerListener> listeners, boolean reflection)
            throws IOException {
        super(gateway, socket, null, null, listeners);
        if (!reflection) {
            commands.clear();
            Command call = new EntryPointCallCommand();
            call.init(gateway, this);
            commands.put(call.getCommandName(), call);
        }
    }
}

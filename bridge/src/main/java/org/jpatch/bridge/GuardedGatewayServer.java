package org.jpatch.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import py4j.CallbackClient;
import py4j.Gateway;
import py4j.GatewayServer;
import py4j.Py4JServerConnection;

/**
 * Py4J's server with the limits a loopback port open to every local user needs
 * (bridge/README.md, "Connections"): at most {@link #MAX_CONNECTIONS} connections at a
 * time (more are closed as they are accepted, before any thread is made for them), each
 * closed unless it authenticates within {@link #AUTH_TIMEOUT_MS}, and, unless reflection
 * is enabled, only the entry point's own methods callable ({@link GuardedConnection}).
 * Plain Py4J gives every connection a thread for as long as the peer keeps it open,
 * authenticated or not (3,000 idle connections: 3,000 threads and +530 MiB).
 */
final class GuardedGatewayServer extends GatewayServer {
    /** Connections open at once; Python uses one per thread calling at the same time, plus one for control. */
    static final int MAX_CONNECTIONS = 32;
    /** A connection that has not sent the token by then is closed [ms]. */
    static final long AUTH_TIMEOUT_MS = 1000;

    private final String token;
    private final boolean reflection;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final ScheduledExecutorService authDeadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jpatch-auth-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param reflection whether Py4J's reflection (gateway.jvm, constructors, fields, any
     *     method of any object) is served: for development only, as it lets the token's
     *     holder run arbitrary code in this JVM.
     */
    GuardedGatewayServer(Object entryPoint, String token, boolean reflection, ServerSocketFactory sockets) {
        super(new Gateway(entryPoint, new CallbackClient(DEFAULT_PYTHON_PORT)), 0, InetAddress.getLoopbackAddress(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, null, sockets);
        this.token = token;
        this.reflection = reflection;
    }

    @Override
    protected void processSocket(Socket socket) {
        if (!slots.tryAcquire()) {
            closeQuietly(socket);
            return;
        }
        super.processSocket(socket);
    }

    @Override
    protected Py4JServerConnection createConnection(Gateway gateway, Socket socket) throws IOException {
        GuardedConnection connection;
        try {
            connection = new GuardedConnection(gateway, socket, token, getListeners(), reflection, slots::release);
            connection.startConnection();
        } catch (IOException | RuntimeException | Error e) {
            slots.release();
            closeQuietly(socket);
            throw e;
        }
        authDeadlines.schedule(connection::closeUnlessAuthenticated, AUTH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return connection;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the peer is gone either way
        }
    }
}

package org.jpatch.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ServerSocketFactory;
import py4j.CallbackClient;
import py4j.Gateway;
import py4j.GatewayServer;

/**
 * Py4J's server with the limits a loopback port open to every local user needs
 * (bridge/README.md, "Connections"): at most {@link #MAX_CONNECTIONS} connections at a
 * time (more are closed as they are accepted), each closed unless it authenticates within
 * {@link #AUTH_TIMEOUT_MS}, authenticated before Py4J's connection (and its buffers) is
 * made for it ({@link TokenCheck}), and, unless reflection is enabled, only the entry
 * point's own methods callable ({@link GuardedConnection}). Plain Py4J gives every
 * connection a thread and ~50 KB of buffers for as long as the peer keeps it open,
 * authenticated or not (3,000 idle connections: 3,000 threads and +530 MiB).
 */
final class GuardedGatewayServer extends GatewayServer {
    /** Connections open at once; Python uses one per thread calling at the same time, plus one for control. */
    static final int MAX_CONNECTIONS = 32;
    /** A connection that has not sent the token by then is closed [ms]. */
    static final long AUTH_TIMEOUT_MS = 1000;

    private final TokenCheck tokenCheck;
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
        this.tokenCheck = new TokenCheck(token);
        this.reflection = reflection;
    }

    /** On the accepting thread: take a slot or close at once; the rest on the connection's own thread. */
    @Override
    protected void processSocket(Socket socket) {
        if (!slots.tryAcquire()) {
            closeQuietly(socket);
            return;
        }
        AtomicBoolean authenticated = new AtomicBoolean();
        try {
            Thread thread = new Thread(() -> serve(socket, authenticated), "jpatch-connection");
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            slots.release();
            closeQuietly(socket);
            return;
        }
        authDeadlines.schedule(() -> {
            if (!authenticated.get()) {
                closeQuietly(socket);
            }
        }, AUTH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void serve(Socket socket, AtomicBoolean authenticated) {
        try {
            if (!tokenCheck.passes(socket)) {
                return;
            }
            authenticated.set(true);
            new GuardedConnection(getGateway(), socket, getListeners(), reflection).run();
        } catch (IOException | RuntimeException e) {
            // a peer that hung up or was cut off: nothing to report
        } finally {
            closeQuietly(socket);
            slots.release();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the peer is gone either way
        }
    }
}

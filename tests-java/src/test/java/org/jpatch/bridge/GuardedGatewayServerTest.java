package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's limits, spoken to in Py4J's text protocol as any local process could. */
class GuardedGatewayServerTest {
    private static final String TOKEN = "ab".repeat(32);

    @TempDir
    Path shmDir;

    private GuardedGatewayServer server;

    @BeforeEach
    void start() {
        server = new GuardedGatewayServer(new GatewayEntryPoint(new CommandDispatcher(new SharedMemoryDir(shmDir))),
                TOKEN, false, new NoDelayServerSocketFactory());
        server.start(true);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getListeningPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static String send(Socket socket, String command) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(command.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static boolean closedByPeer(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void anAuthenticatedClientCallsTheEntryPoint() throws IOException {
        try (Socket socket = connect()) {
            assertEquals("!yv", send(socket, "A\n" + TOKEN + "\n"));
            assertEquals("!yspong", send(socket, "c\nt\nping\ne\n"));
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheConnectionClosed() throws IOException {
        try (Socket socket = connect()) {
            String answer = send(socket, "A\n" + "cd".repeat(32) + "\n");
            assertTrue(answer.startsWith("!x"), answer);
            assertTrue(closedByPeer(socket));
        }
        try (Socket socket = connect()) {
            String answer = send(socket, "c\nt\nping\ne\n");
            assertTrue(answer.startsWith("!x"), "a call before authentication: " + answer);
        }
    }

    @Test
    void aConnectionThatDoesNotAuthenticateIsClosedWithinASecond() throws IOException {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            assertTrue(closedByPeer(socket));
            double waitedS = (System.nanoTime() - started) / 1e9;
            assertTrue(waitedS < 1.5, "closed after " + waitedS + " s");
        }
    }

    @Test
    void anAuthenticatedIdleConnectionStaysOpen() throws Exception {
        try (Socket socket = connect()) {
            assertEquals("!yv", send(socket, "A\n" + TOKEN + "\n"));
            Thread.sleep(1500);
            assertEquals("!yspong", send(socket, "c\nt\nping\ne\n"));
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < GuardedGatewayServer.MAX_CONNECTIONS; i++) {
                Socket socket = connect();
                held.add(socket);
                assertEquals("!yv", send(socket, "A\n" + TOKEN + "\n"));
            }
            try (Socket extra = connect()) {
                long started = System.nanoTime();
                assertTrue(closedByPeer(extra));
                assertTrue((System.nanoTime() - started) / 1e9 < 0.5);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        // Slots come back as connections end.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try (Socket socket = connect()) {
                if ("!yv".equals(send(socket, "A\n" + TOKEN + "\n"))) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            assertTrue(System.nanoTime() < deadline, "no slot came back");
        }
    }

    @Test
    void reflectionAndCallsOnOtherObjectsOrMethodsAreRefusedEvenWithTheToken() throws IOException {
        try (Socket socket = connect()) {
            assertEquals("!yv", send(socket, "A\n" + TOKEN + "\n"));
            String getClass = send(socket, "c\nt\ngetClass\ne\n");
            assertTrue(getClass.startsWith("!x"), getClass);
            assertTrue(send(socket, "c\nt\nping\ne\n").startsWith("!ys"), "a refused call leaves the connection usable");
        }
        try (Socket socket = connect()) {
            assertEquals("!yv", send(socket, "A\n" + TOKEN + "\n"));
            // gateway.jvm.java.lang.System: Py4J's reflection command is not served.
            String reflection = send(socket, "r\nu\njava\nrj\ne\n");
            assertTrue(reflection == null || !reflection.startsWith("!y"), String.valueOf(reflection));
        }
    }
}

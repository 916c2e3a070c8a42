package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelayServerSocketFactoryTest {
    @Test
    void acceptedConnectionsHaveNagleOff() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new NoDelayServerSocketFactory().createServerSocket(0, -1, loopback);
             Socket client = new Socket(loopback, server.getLocalPort());
             Socket accepted = server.accept()) {
            assertTrue(accepted.getTcpNoDelay());
            assertTrue(server.getInetAddress().isLoopbackAddress());
        }
    }
}

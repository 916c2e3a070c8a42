package org.jpatch.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import py4j.Protocol;

/**
 * Py4J's authentication exchange ({@code A\n<token>\n}, answered {@code !yv\n} or an
 * error), read unbuffered and bounded before any Py4J object exists for the connection:
 * a peer without the token costs a few hundred bytes, not Py4J's buffers.
 */
final class TokenCheck {
    private static final byte[] ACCEPTED = Protocol.getOutputVoidCommand().getBytes(StandardCharsets.UTF_8);
    private static final byte[] REFUSED = Protocol.getOutputErrorCommand("jpatch gateway: authentication refused")
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] token;

    TokenCheck(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the exchange from the socket and answers it; true when the token matched. */
    boolean passes(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] command = readLine(in, 1);
        byte[] offered = command == null || command.length != 1 || command[0] != 'A' ? null : readLine(in, token.length);
        boolean passed = offered != null && MessageDigest.isEqual(offered, token);
        OutputStream out = socket.getOutputStream();
        out.write(passed ? ACCEPTED : REFUSED);
        out.flush();
        return passed;
    }

    /** The bytes before the next newline, or null when there are more than {@code most} or the stream ends. */
    private static byte[] readLine(InputStream in, int most) throws IOException {
        byte[] line = new byte[most];
        for (int length = 0; ; length++) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                return java.util.Arrays.copyOf(line, length);
            }
            if (length == most) {
                return null;
            }
            line[length] = (byte) b;
        }
    }
}

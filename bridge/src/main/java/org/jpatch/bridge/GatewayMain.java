package org.jpatch.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import py4j.GatewayServer;

/**
 * The JVM's main: serves one Python process over Py4J on loopback and lives exactly as
 * long as that process (see "Start-up and lifetime" in bridge/README.md).
 *
 * <p>Environment: {@code JPATCH_TOKEN} (the auth token, at least 64 hex digits),
 * {@code JPATCH_SHM_DIR} (the session's shared-memory directory, created by Python) and,
 * for development only, {@code JPATCH_PY4J_REFLECTION=1} (serve Py4J's reflection).
 */
public final class GatewayMain {
    /** 256 bits in hex; a shorter token would make the port guessable into arbitrary code execution. */
    private static final int MIN_TOKEN_LENGTH = 64;

    private GatewayMain() {}

    public static void main(String[] args) throws IOException {
        // Arrow logs through SLF4J, for which the jar bundles no provider: without this,
        // the first transfer prints a three-line warning on the user's terminal.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String token = System.getenv("JPATCH_TOKEN");
        if (token == null || token.length() < MIN_TOKEN_LENGTH) {
            System.err.println("jpatch gateway: JPATCH_TOKEN must hold a random token of at least "
                    + MIN_TOKEN_LENGTH + " hex digits; refusing to serve without one");
            System.exit(2);
        }
        String shmPath = System.getenv("JPATCH_SHM_DIR");
        if (shmPath == null || !Files.isDirectory(Path.of(shmPath))) {
            System.err.println("jpatch gateway: JPATCH_SHM_DIR must name an existing directory, got " + shmPath);
            System.exit(2);
        }
        SharedMemoryDir shm = new SharedMemoryDir(Path.of(shmPath));
        Runtime.getRuntime().addShutdownHook(new Thread(shm::removeAll, "jpatch-shm-cleanup"));

        GatewayServer.turnLoggingOff();
        GatewayEntryPoint entryPoint = new GatewayEntryPoint(new CommandDispatcher(shm));
        boolean reflection = "1".equals(System.getenv("JPATCH_PY4J_REFLECTION"));
        GatewayServer server = new GuardedGatewayServer(entryPoint, token, reflection, new NoDelayServerSocketFactory());
        server.start(true);
        System.out.println("JPATCH_PORT " + server.getListeningPort() + " " + shm.dir());
        System.out.flush();
        // While Python connects, load and link what the first batch needs (JSON, the
        // dispatcher, the reply path); a read-only command, so nothing changes.
        entryPoint.execute("[[\"gget\", \"dt\"]]");
        warmUpArrowInBackground(shm);

        waitForEndOfInput(System.in);
        if (writingClassArchive()) {
            loadTypicalClasses(shm);
        }
        // System.exit runs the shutdown hook (shared memory) and, when Python asked for
        // it, writes the class-data-sharing archive that makes the next start-up fast.
        System.exit(0);
    }

    /**
     * Loads Arrow's classes (~0.3 s) in a low-priority thread while the user builds a model,
     * so the first recording Python reads does not pay for them; it also puts them in the
     * class-data-sharing archive. A failure here is not an error: export reports its own.
     * (Running a synthetic model-building batch here to warm up the JIT was tried and
     * dropped: on 2 loaded cores it did not measurably shorten the user's first batch.)
     */
    private static void warmUpArrowInBackground(SharedMemoryDir shm) {
        Thread warmUp = new Thread(() -> {
            Path file = shm.newExportFile();
            try {
                ArrowFiles.writeDoubles(file, new double[] {0.0}, 1);
                ArrowFiles.readDoubles(file);
            } catch (IOException | RuntimeException e) {
                // the first real export will load (and report) the same
            } finally {
                file.toFile().delete();
            }
        }, "jpatch-arrow-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /** True when this JVM writes a class-data-sharing archive at exit (the first session of a jar). */
    private static boolean writingClassArchive() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"));
    }

    /**
     * The archive holds the classes loaded by exit; the first session may have been a
     * trivial one. Building and running a small model on a private simulation loads what
     * a typical session needs, so later start-ups map those classes instead of loading them.
     */
    private static void loadTypicalClasses(SharedMemoryDir shm) {
        String batch = "[[\"new\",1,\"Section\",\"soma\"],[\"new\",2,\"Section\",\"dend\"],"
                + "[\"call\",2,\"connect\",[{\"h\":1},1,0]],[\"set\",2,\"nseg\",3],"
                + "[\"call\",1,\"insert\",[\"hh\"]],[\"call\",2,\"insert\",[\"pas\"]],"
                + "[\"sset\",2,0.5,\"g_pas\",0.0002],[\"new\",3,\"PointProcess\",\"IClamp\",{\"h\":1},0.5],"
                + "[\"set\",3,\"amp\",0.3],[\"new\",4,\"PointProcess\",\"ExpSyn\",{\"h\":2},0.5],"
                + "[\"new\",5,\"PointProcess\",\"NetStim\"],[\"new\",6,\"NetCon\",{\"h\":5},{\"h\":4}],"
                + "[\"new\",7,\"Vector\"],[\"call\",7,\"record\",[{\"ref\":\"seg\",\"sec\":{\"h\":1},\"x\":0.5,\"var\":\"v\"}]],"
                + "[\"sim\",\"finitialize\",[-65]],[\"sim\",\"continuerun\",[1]],[\"call\",7,\"export\",[]],"
                + "[\"sim\",\"topology\",[]],[\"call\",1,\"children\",[]]]";
        new GatewayEntryPoint(new CommandDispatcher(shm)).execute(batch);
    }

    /** Python holds the write end of our stdin: EOF means Python is gone, however it ended. */
    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Python never writes; anything it does is ignored.
            }
        } catch (IOException e) {
            // a broken pipe is an end of input too
        }
    }
}

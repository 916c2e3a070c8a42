package org.jpatch.core.nmodl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jpatch.core.mech.MechanismKernel;

/**
 * Compiled kernel classes on disk, so a .mod file is compiled once per version
 * of the file and of jpatch. The key is the SHA-256 of the generated Java source (a
 * function of the .mod text, its INCLUDEs, the units database and the translator) plus a
 * fingerprint of the engine build (its class files: the translator and the API the
 * kernels link against) and the JVM version (the runtime that loads them). Entries
 * are written to a temporary file and renamed into place, so concurrent processes only
 * ever see whole entries; an entry that cannot be read is compiled again.
 */
public final class KernelCache {
    private static final byte[] MAGIC = "jpatch-nmodl-kernel-1\n".getBytes(StandardCharsets.US_ASCII);
    private static volatile String engineFingerprint;

    private final Path directory;

    /** A cache in {@code directory} (created when first written). */
    public KernelCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/jpatch/nmodl}, else {@code ~/.cache/jpatch/nmodl}. */
    public static KernelCache inUserCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return new KernelCache(base.resolve("jpatch").resolve("nmodl"));
    }

    public Path directory() {
        return directory;
    }

    /** The class files stored for this generated source, or null when there are none (or they are unreadable). */
    Map<String, byte[]> lookup(String source) {
        byte[] entry;
        try {
            entry = Files.readAllBytes(entryFile(source));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;  // unreadable entry: compiling again gives the same classes
        }
        return decode(entry);
    }

    /**
     * Stores the class files for this source. A cache that cannot be written (read-only
     * home, full disk) only costs the next process a compilation, so it does not fail the load.
     */
    void store(String source, Map<String, byte[]> classes) {
        Path target = entryFile(source);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            Files.write(temporary, encode(classes));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
        }
    }

    /** The file holding the entry of this source. */
    Path entryFile(String source) {
        MessageDigest sha = sha256();
        sha.update(engineFingerprint().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(source.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(sha.digest()) + ".classes");
    }

    private static byte[] encode(Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(classes.size());
        for (var e : classes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> decode(byte[] entry) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return null;
            }
            int count = in.readInt();
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                byte[] b = in.readNBytes(length);
                if (b.length != length) {
                    return null;
                }
                classes.put(name, b);
            }
            return in.available() == 0 && count > 0 ? classes : null;
        } catch (IOException e) {
            return null;  // truncated or foreign file
        }
    }

    /** SHA-256 of java-core's class files (a jar, or a directory of classes) and the JVM version; computed once. */
    private static String engineFingerprint() {
        String fingerprint = engineFingerprint;
        if (fingerprint == null) {
            MessageDigest sha = sha256();
            sha.update(System.getProperty("java.vm.version", "").getBytes(StandardCharsets.UTF_8));
            try {
                Path engine = Path.of(MechanismKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                List<Path> files;
                if (Files.isDirectory(engine)) {
                    try (Stream<Path> walk = Files.walk(engine)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = List.of(engine);
                }
                for (Path file : files) {
                    sha.update(engine.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the engine's classes to key the kernel cache", e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            fingerprint = HexFormat.of().formatHex(sha.digest());
            engineFingerprint = fingerprint;
        }
        return fingerprint;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray .tmp file is harmless: entries are only ever read under their final name
            }
        }
    }
}

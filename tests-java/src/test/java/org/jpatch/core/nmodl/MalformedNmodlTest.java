package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in resources/nmodl/malformed/ starts with {@code : error LINE:COLUMN message}:
 * parsing it must fail there, naming the file, with a message that contains that text.
 */
class MalformedNmodlTest {
    private static final Pattern EXPECTATION = Pattern.compile("^: error (\\d+):(\\d+) (.*)$");

    static List<Path> malformedFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(MalformedNmodlTest.class.getResource("/nmodl/malformed").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".mod")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void failsAtTheDeclaredLineAndColumnWithTheDeclaredMessage(Path file) throws IOException {
        String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        Matcher expected = EXPECTATION.matcher(header);
        assertTrue(expected.matches(), "first line of " + file + " must be ': error LINE:COLUMN message'");
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> new NmodlParser().parseFile(file));
        SourcePosition where = new SourcePosition(file.toString(), Integer.parseInt(expected.group(1)),
                Integer.parseInt(expected.group(2)));
        assertEquals(where, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith(where + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.group(3)), e.getMessage());
    }
}

package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch parser builds exactly the nodes Jackson's tree model builds from the same text. */
class BatchParserTest {
    private static void sameAsJackson(String text) throws Exception {
        JsonNode ours = BatchParser.parse(text);
        JsonNode jackson = Json.MAPPER.readTree(text);
        assertEquals(jackson, ours, text);
        assertEquals(jackson.toString(), ours.toString(), text);
    }

    @Test
    void commandsAsPythonWritesThemParseAsJacksonParsesThem() throws Exception {
        sameAsJackson("[[\"new\",1,\"Section\",\"soma\"],[\"sset\",1,0.5,\"g_pas\",0.0001],[\"set\",{\"h\":1},\"nseg\",5]]");
        sameAsJackson("[[\"gset\",\"dt\",NaN],[\"x\",Infinity,-Infinity,-0.0,1e-07,2.5E+300,-12]]");
        sameAsJackson("[2147483647, 2147483648, -2147483649, 9223372036854775807, 123456789012345678901234567890]");
        sameAsJackson("[4547744991781892172, -4547744991781892172, -9223372036854775808, 9223372036854775808, -9223372036854775809]");
        sameAsJackson(" [ true , false , null , [ ] , { } , {\"a\" : [1, {\"b\": \"c\"}]} ] ");
        sameAsJackson("[\"tab\\there \\\"quoted\\\" back\\\\slash \\u00e9\\ud83d\\ude00 \\/ \\b\\f\\n\\r\"]");
    }

    @Test
    void decimalsParseToTheDoubleParseDoubleGives() throws Exception {
        // Short decimals take an exact fast path; these straddle its limits (15 digits, exponents, signs).
        sameAsJackson("[1.0, 0.0, -0.0, 0.5, 0.01, -0.001, 200.0, 0.1, 0.3, 0.7, 0.9, 0.0001, 123456789.012345]");
        sameAsJackson("[0.123456789012345, 0.1234567890123456, 0.00011000000000000002, 1.7976931348623157, 9007199254740993.0]");
        sameAsJackson("[1.5e3, -2.5E-3, 100000000000000000000.0, 0.000000000000000000000000001, 3.141592653589793]");
        sameAsJackson("[999999999999999.9, 99999999999999.99, 0.000000000000001, -65.0, -54.3, 6.3]");
    }

    @Test
    void randomShortDecimalsParseBitForBitAsParseDouble() {
        Random random = new Random(20261124);
        for (int i = 0; i < 100_000; i++) {
            int digits = 1 + random.nextInt(15);
            int fraction = 1 + random.nextInt(digits);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int d = 0; d < digits; d++) {
                if (d == digits - fraction) {
                    text.append(d == 0 ? "0." : ".");
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            String decimal = text.toString();
            double parsed = BatchParser.parse(decimal).doubleValue();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(decimal)), Double.doubleToRawLongBits(parsed), decimal);
        }
    }

    @Test
    void integersParseToTheNodesJacksonMakes() throws Exception {
        sameAsJackson("[0, -0, 7, -7, 999999999999999999, -999999999999999999, 1000000000000000000]");
    }

    @Test
    void anythingButOneJsonValueIsATypeError() {
        for (String bad : new String[] {"[[\"new\", 1,", "[1] 2", "[1 2]", "{1: 2}", "[-]", "[1.]", "[1e]", "[\"open", "[nul]", "[\"\\x\"]", ""}) {
            CommandException refused = assertThrows(CommandException.class, () -> BatchParser.parse(bad), bad);
            assertEquals("TypeError", refused.pythonType());
            assertTrue(refused.getMessage().startsWith("batch is not valid JSON"), refused.getMessage());
        }
    }
}

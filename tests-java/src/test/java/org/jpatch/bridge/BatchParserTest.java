package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
    void anythingButOneJsonValueIsATypeError() {
        for (String bad : new String[] {"[[\"new\", 1,", "[1] 2", "[1 2]", "{1: 2}", "[-]", "[1.]", "[1e]", "[\"open", "[nul]", "[\"\\x\"]", ""}) {
            CommandException refused = assertThrows(CommandException.class, () -> BatchParser.parse(bad), bad);
            assertEquals("TypeError", refused.pythonType());
            assertTrue(refused.getMessage().startsWith("batch is not valid JSON"), refused.getMessage());
        }
    }
}

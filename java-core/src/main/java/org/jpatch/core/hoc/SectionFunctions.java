package org.jpatch.core.hoc;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/**
 * hoc's questions about a section (NEURON's nrnoc/cabcode.cpp): ismembrane, issection,
 * section_exists, parent_connection, section_orientation. Each acts on "the" section
 * ({@link HocSections}).
 */
final class SectionFunctions {
    private SectionFunctions() {}

    static void register(HocRegistry registry, Simulation sim) {
        registry.add(new HocFunction("ismembrane",
                "ismembrane(\"name\", sec=): True (1) when the mechanism is in the section's first segment: "
                        + "inserted density mechanisms and ions, morphology and capacitance, point processes there.",
                args -> ismembrane(args.expect(1, 1).string(0), HocSections.section(args, sim)) ? 1.0 : 0.0));
        registry.add(new HocFunction("issection",
                "issection(\"regex\", sec=): 1 when the regular expression matches the whole section name "
                        + "(< and > stand for [ and ]; [ and ] are literal), else 0.",
                args -> issection(args.expect(1, 1).string(0), HocSections.section(args, sim)) ? 1.0 : 0.0));
        registry.add(new HocFunction("section_exists",
                "section_exists(\"name\", [index], [object]): 1 when hoc code declared that section (create); "
                        + "jpatch runs no hoc code, so its sections are all Python's and this is 0 for each, "
                        + "as NEURON answers for Python-made sections.",
                SectionFunctions::sectionExists));
        registry.add(new HocFunction("parent_connection",
                "parent_connection(sec=): where on its parent the section is connected (0 for a root).",
                args -> HocSections.section(args.expect(0, 0), sim).parentX()));
        registry.add(new HocFunction("section_orientation",
                "section_orientation(sec=): the end (0 or 1) of the section that connects to its parent.",
                args -> HocSections.section(args.expect(0, 0), sim).childX()));
        registry.notProvided("this_section", "returns the C address of a Section, which jpatch's engine has not");
        registry.notProvided("parent_section", "returns the C address of the parent Section, which jpatch's engine has not");
        registry.notProvided("this_node", "returns the C address of a Node, which jpatch's engine has not");
    }

    /** cabcode.cpp's has_membrane: the mechanisms on the section's first node (pnode[0]). */
    private static boolean ismembrane(String name, Section sec) {
        if (name.equals("morphology") || name.equals("capacitance") || sec.has(name)) {
            return true;
        }
        for (PointProcess pp : sec.pointProcesses()) {
            if (pp.type().name().equals(name) && sec.nodeOf("v", pp.x()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean issection(String regex, Section sec) {
        StringBuilder pattern = new StringBuilder();
        for (char c : regex.toCharArray()) {
            switch (c) {
                case '<' -> pattern.append('[');
                case '>' -> pattern.append(']');
                case '[', ']' -> pattern.append('\\').append(c);
                default -> pattern.append(c);
            }
        }
        try {
            return Pattern.matches(pattern.toString(), sec.name());
        } catch (PatternSyntaxException e) {
            throw new HocExecError("issection: '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static Object sectionExists(HocArgs args) {
        args.expect(1, 3).string(0);
        int next = 1;
        if (args.has(next) && !(args.value(next) instanceof String)) {
            double index = args.number(next++);
            if (!(index >= 0 && index <= 1e9)) {
                throw new HocExecError("section_exists: index " + index + " is out of range [0, 1e9]");
            }
        }
        if (args.has(next) && args.value(next) instanceof String s) {
            throw new HocArgumentException("section_exists argument " + (next + 1) + " must be an object, got '" + s + "'");
        }
        return 0.0;
    }
}

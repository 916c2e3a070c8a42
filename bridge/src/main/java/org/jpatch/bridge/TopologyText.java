package org.jpatch.bridge;

import java.util.List;
import org.jpatch.core.model.Section;

/**
 * The text of NEURON's {@code topology()} (src/nrnoc/solve.cpp, nrnhoc_topology and
 * dashes): one line per section, indented to the node of its parent it hangs from, one
 * dash per interior node, then its name and orientation.
 */
final class TopologyText {
    private TopologyText() {}

    static String of(List<Section> sections) {
        StringBuilder text = new StringBuilder("\n");
        for (Section section : sections) {
            if (section.parent() == null) {
                text.append('|');
                dashes(text, section, 0, '-');
            }
        }
        return text.append('\n').toString();
    }

    private static void dashes(StringBuilder text, Section section, int offset, char first) {
        int orientation = (int) section.childX();
        text.append(" ".repeat(offset)).append(first);
        // NEURON has nseg + 1 nodes and prints nnode - 2 dashes.
        text.append("-".repeat(Math.max(section.nseg() - 1, 0)));
        text.append("|       ").append(section.name())
                .append('(').append(orientation).append('-').append(1 - orientation).append(")\n");
        // NEURON pushes the sibling list on a stack and pops it: the last sibling comes first.
        List<Section> children = section.children();
        for (int k = children.size() - 1; k >= 0; k--) {
            Section child = children.get(k);
            int node = nodeIndexExact(section, child.parentX());
            text.append(' ');
            dashes(text, child, node + offset + 1, '`');
        }
    }

    /** NEURON's node_index_exact: -1 at the end that connects to the parent, nseg at the other end. */
    private static int nodeIndexExact(Section section, double x) {
        boolean arc0at0 = section.childX() == 0.0;
        int nseg = section.nseg();
        if (x == 0.0) {
            return arc0at0 ? -1 : nseg;
        }
        if (x == 1.0) {
            return arc0at0 ? nseg : -1;
        }
        int i = (int) (nseg * x);
        if (i == nseg) {
            i = nseg - 1;
        }
        return arc0at0 ? i : nseg - i - 1;
    }
}

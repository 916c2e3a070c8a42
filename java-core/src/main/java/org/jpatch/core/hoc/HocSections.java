package org.jpatch.core.hoc;

import java.util.List;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/**
 * The section a call acts on when none is positional: {@code sec=} if given, else the currently
 * accessed section, which the caller passes as the {@code cas} keyword (NEURON's section stack), else
 * NEURON's default: the first section.
 */
final class HocSections {
    private HocSections() {}

    static Section section(HocArgs args, Simulation sim) {
        Object sec = args.keyword("sec");
        if (sec == null) {
            sec = args.keyword("cas");
        }
        if (sec == null) {
            List<Section> sections = sim.sections();
            if (sections.isEmpty()) {
                throw new HocExecError(args.call() + ": Section access unspecified");
            }
            return sections.get(0);
        }
        if (!(sec instanceof Section s)) {
            throw new HocArgumentException(args.call() + ": sec must be a Section, got " + HocArgs.describe(sec));
        }
        s.checkAlive();
        return s;
    }
}

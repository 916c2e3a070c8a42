package org.jpatch.core.hoc;

import org.jpatch.core.model.Section;
import org.jpatch.core.model.SectionList;
import org.jpatch.core.sim.Simulation;

/** {@code h.SectionList}: NEURON's seclist.cpp methods over {@link SectionList}. */
final class SectionListClass {
    private SectionListClass() {}

    static void register(HocRegistry registry, Simulation sim) {
        HocOutput output = registry.output();
        registry.add(HocClass.of("SectionList", SectionList.class,
                        "SectionList() or SectionList(sections): an ordered list of sections.")
                .constructor(args -> {
                    args.expect(0, 1);
                    SectionList list = new SectionList();
                    if (args.has(0)) {
                        for (Object item : args.object(0, java.util.List.class)) {
                            if (!(item instanceof Section s)) {
                                throw new HocArgumentException("SectionList(sections) takes sections, got "
                                        + HocArgs.describe(item));
                            }
                            list.append(s);
                        }
                    }
                    return list;
                })
                .method("append", "append(sec) or append(sec=sec): adds the section at the end.",
                        (list, args) -> {
                            list.append(section(args.expect(0, 1), sim));
                            return 1.0;
                        })
                .method("remove", "remove(sec=sec) removes the section; remove(seclist) every section of seclist. "
                        + "Returns how many went.", (list, args) -> {
                            args.expect(0, 1);
                            if (args.value(0) instanceof SectionList other) {
                                return (double) list.removeAll(other);
                            }
                            Section s = section(args, sim);
                            if (list.remove(s)) {
                                return 1.0;
                            }
                            output.warn("NEURON: " + s.name() + " not in this section list");
                            return 0.0;
                        })
                .method("unique", "unique(): removes repeated sections, keeping the first; returns how many went.",
                        (list, args) -> list.unique())
                .method("contains", "contains(sec): True when the section is in the list.",
                        (list, args) -> list.contains(section(args.expect(0, 1), sim)))
                .method("size", "size(): the number of sections.", (list, args) -> list.sections().size())
                .method("printnames", "printnames(): prints the name of each section, one per line.",
                        (list, args) -> {
                            for (Section s : list.sections()) {
                                output.print(s.name() + "\n");
                            }
                            return 1.0;
                        })
                .method("wholetree", "wholetree(sec=sec): appends every section of sec's tree, breadth first from its root.",
                        (list, args) -> {
                            list.appendSubtree(section(args.expect(0, 1), sim).root());
                            return 1.0;
                        })
                .method("subtree", "subtree(sec=sec): appends sec and the sections below it, breadth first.",
                        (list, args) -> {
                            list.appendSubtree(section(args.expect(0, 1), sim));
                            return 1.0;
                        })
                .method("children", "children(sec=sec): appends sec's children.", (list, args) -> {
                    list.appendChildren(section(args.expect(0, 1), sim));
                    return 1.0;
                })
                .method("allroots", "allroots(): appends every root section.", (list, args) -> {
                    args.expect(0, 0);
                    for (Section s : sim.sections()) {
                        if (s.parent() == null) {
                            list.append(s);
                        }
                    }
                    return 1.0;
                })
                .method("__iter__", "The live sections, in order.", (list, args) -> list.sections()));
    }

    /** The section argument: positional, or sec=, or the currently accessed section. */
    static Section section(HocArgs args, Simulation sim) {
        if (args.has(0)) {
            return args.object(0, Section.class);
        }
        return HocSections.section(args, sim);
    }
}

package org.jpatch.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * NEURON's SectionList: an ordered list of sections, duplicates allowed until {@link #unique}.
 * Deleted sections stay in the list but are not seen (NEURON skips them when iterating).
 */
public final class SectionList {
    private final List<Section> sections = new ArrayList<>();

    public void append(Section section) {
        section.checkAlive();
        sections.add(section);
    }

    /** The live sections, in list order. */
    public List<Section> sections() {
        List<Section> live = new ArrayList<>(sections.size());
        for (Section s : sections) {
            if (!s.isDeleted()) {
                live.add(s);
            }
        }
        return live;
    }

    public boolean contains(Section section) {
        return !section.isDeleted() && sections.contains(section);
    }

    /** Removes the first occurrence of {@code section}; false when it is not in the list. */
    public boolean remove(Section section) {
        return sections.remove(section);
    }

    /** Removes every section of {@code other}; how many entries went. */
    public int removeAll(SectionList other) {
        int before = sections.size();
        List<Section> gone = other.sections();
        sections.removeIf(gone::contains);
        return before - sections.size();
    }

    /** Keeps the first occurrence of each section; how many entries went. */
    public int unique() {
        int before = sections.size();
        List<Section> kept = new ArrayList<>(before);
        for (Section s : sections) {
            if (!kept.contains(s)) {
                kept.add(s);
            }
        }
        sections.clear();
        sections.addAll(kept);
        return before - kept.size();
    }

    /** Appends {@code root}'s subtree breadth first, children in NEURON's sibling order (seclist.cpp's subtree). */
    public void appendSubtree(Section root) {
        root.checkAlive();
        int current = sections.size();
        sections.add(root);
        while (current < sections.size()) {
            sections.addAll(sections.get(current).children());
            current++;
        }
    }

    public void appendChildren(Section parent) {
        sections.addAll(parent.children());
    }
}

package org.jpatch.core.nmodl.ast;

import java.util.List;

/** A parsed .mod file: its top-level items in source order (INCLUDEd items nested in place). */
public record NmodlFile(String file, List<ModelItem> items) {}

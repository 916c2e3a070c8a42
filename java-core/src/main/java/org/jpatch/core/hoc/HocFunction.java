package org.jpatch.core.hoc;

import java.util.function.Function;

/** A top-level function of {@code h} ("sin", "define_shape"), with its doc. */
public record HocFunction(String name, String doc, Function<HocArgs, Object> body) {
    public Object call(HocArgs args) {
        return body.apply(args);
    }
}

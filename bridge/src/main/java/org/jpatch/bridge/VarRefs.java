package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.ref.VarRef;

/** Decodes the protocol's variable references ("Variable references" in bridge/README.md). */
final class VarRefs {
    private VarRefs() {}

    static boolean isRef(JsonNode value) {
        return value.isObject() && value.has("ref");
    }

    static VarRef decode(JsonNode value, Bridge bridge, String what) {
        if (!isRef(value)) {
            throw CommandException.type(what + " must be a variable reference {\"ref\": …}, got " + Values.describe(value));
        }
        String var = Values.string(value.path("var"), what + " var");
        String scope = Values.string(value.get("ref"), what + " ref");
        switch (scope) {
            case "seg": {
                Section section = Values.object(value.path("sec"), Section.class, bridge.handles, what + " sec");
                return bridge.sim.ref(section, Values.number(value.path("x"), what + " x"), var);
            }
            case "pp": {
                PointProcess pp = Values.object(value.path("pp"), PointProcess.class, bridge.handles, what + " pp");
                // pp._ref_<POINTER> is what the POINTER refers to, as NEURON's data handle
                if (pp.type().pointers().contains(var)) {
                    return PointProcessCommands.pointerTarget(pp, var);
                }
                return bridge.sim.ref(pp, var);
            }
            case "global":
                return bridge.sim.globalRef(var);
            default:
                throw CommandException.type(what + ": unknown reference scope \"" + scope + "\" (seg, pp or global)");
        }
    }
}

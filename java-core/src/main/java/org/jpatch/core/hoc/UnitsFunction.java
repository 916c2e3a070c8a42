package org.jpatch.core.hoc;

import java.util.Map;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.sim.Simulation;

/**
 * {@code h.units("name")}: the units NEURON's symbol table holds for a variable, as the mechanism
 * declares them ("" when it declares none): {@code gnabar_hh}, {@code ena}, {@code cm}, a
 * mechanism global, {@code "ExpSyn.tau"} for a point process's variable, and the simulator's own
 * symbols. Setting units ({@code units("name", "units")}) and toggling their display
 * ({@code units(1)}) are not provided.
 */
final class UnitsFunction {
    private UnitsFunction() {}

    /** Symbols that are not a mechanism's, with the units NEURON 9.0.2 reports for them. */
    private static final Map<String, String> SIMULATOR_SYMBOLS = Map.ofEntries(
            Map.entry("v", "mV"),
            Map.entry("L", "um"),
            Map.entry("diam", "um"),
            Map.entry("Ra", "ohm-cm"),
            Map.entry("area", ""),
            Map.entry("ri", ""),
            Map.entry("t", "ms"),
            Map.entry("dt", "ms"),
            Map.entry("celsius", "degC"),
            Map.entry("secondorder", ""),
            // stdrun.hoc's, which jpatch always provides (NEURON: once stdrun.hoc is loaded)
            Map.entry("tstop", "ms"),
            Map.entry("v_init", "mV"),
            Map.entry("steps_per_ms", ""));

    static void register(HocRegistry registry, Simulation sim) {
        registry.add(new HocFunction("units",
                "units(\"name\"): the units of a variable: \"gnabar_hh\", \"ena\", \"v\", a mechanism global, "
                        + "or \"ExpSyn.tau\" for a point process's.",
                args -> units(sim.catalogue(), args.expect(1, 1).string(0))));
    }

    private static String units(MechanismCatalogue catalogue, String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            String mechanism = name.substring(0, dot);
            if (catalogue.contains(mechanism) && catalogue.get(mechanism).isPointProcess()) {
                MechanismType type = catalogue.get(mechanism);
                int variable = type.indexOf(name.substring(dot + 1));
                if (variable >= 0) {
                    return declared(type.variables().get(variable).units());
                }
            }
            throw notFound(name);
        }
        String simulator = SIMULATOR_SYMBOLS.get(name);
        if (simulator != null) {
            return simulator;
        }
        for (MechanismType type : catalogue.types()) {
            // A point process's variables are reached only as "Type.name" (an unqualified "amp" is no symbol).
            if (!type.isPointProcess() && type.indexOf(name) >= 0) {
                return declared(type.variables().get(type.indexOf(name)).units());
            }
            for (GlobalVariable global : type.globals()) {
                if (global.name().equals(name)) {
                    return declared(global.units());
                }
            }
        }
        throw notFound(name);
    }

    private static String declared(String units) {
        return units == null ? "" : units;
    }

    private static HocExecError notFound(String name) {
        // NEURON's message, with its two spaces
        return new HocExecError("Cannot find the symbol for  " + name);
    }
}

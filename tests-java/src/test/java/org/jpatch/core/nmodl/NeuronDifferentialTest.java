package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jpatch.core.ModelException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.model.Section;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.sim.StepObserver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mechanisms compiled by jpatch against the same .mod files compiled by NEURON's
 * nrnivmodl, on a 20 µm × 20 µm compartment at celsius 32, dt 0.025, from -65 mV. A
 * density mechanism runs alone under two protocols for 10 ms: current injection (IClamp
 * 0.1 nA from 1 to 6 ms; v compared) and voltage steps (SEClamp, rs 0.01 MΩ, -65 mV for
 * 2 ms, -10 mV for 5 ms, -65 mV for 3 ms; its current i compared). A point process sits on
 * a pas compartment for 15 ms, driven by a NetStim (start 1, interval 2, number 4) through
 * a NetCon (weight 0.005, delay 1) when it has NET_RECEIVE; v compared. In every protocol
 * each STATE hoc sees (each element of a STATE array) and each ion concentration the
 * mechanism WRITEs are compared too. Every trace must agree to 1e-9 (relative) at every step.
 *
 * <p>Needs {@code JPATCH_MOD_DIRS} (as {@link RealModFilesTest}) and
 * {@code JPATCH_NEURON_PYTHON}, the python of a NEURON installation whose bin directory
 * also holds nrnivmodl (e.g. .venv-ref/bin/python) and a C compiler; skipped, saying why,
 * otherwise. Files jpatch's translator refuses and built-in names are counted and listed,
 * not compared. Each mechanism is registered as NEURON's _reg does, creating the ions it
 * uses that the engine lacks.
 */
class NeuronDifferentialTest {
    /**
     * argv: library, mechanism, kind ("density", "point", or "events": a point process with
     * NET_RECEIVE), protocol ("iclamp" or "vclamp" for density mechanisms), then the traces:
     * "v", "clamp:i", "seg:name[:j]" (a range variable at the segment, element j of an
     * array) or "pp:name[:j]" (the point process's). Prints one line per step, the traces'
     * values in order.
     */
    private static final String PROTOCOL = """
            import sys
            from neuron import h
            h.nrn_load_dll(sys.argv[1])
            name, kind, protocol, traces = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
            s = h.Section(name="soma")
            s.L = 20; s.diam = 20; s.nseg = 1
            h.celsius = 32; h.dt = 0.025
            pp = clamp = None
            if kind == "density":
                s.insert(name)
                if protocol == "iclamp":
                    stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = 0.1
                else:
                    clamp = h.SEClamp(s(0.5)); clamp.rs = 0.01
                    clamp.dur1 = 2; clamp.amp1 = -65; clamp.dur2 = 5; clamp.amp2 = -10; clamp.dur3 = 3; clamp.amp3 = -65
                tstop = 10
            else:
                s.insert("pas")
                pp = getattr(h, name)(s(0.5))
                if kind == "events":
                    ns = h.NetStim(); ns.start = 1; ns.interval = 2; ns.number = 4; ns.noise = 0
                    nc = h.NetCon(ns, pp); nc.weight[0] = 0.005; nc.delay = 1
                tstop = 15
            def pointer(trace):
                if trace == "v":
                    return s(0.5)._ref_v
                where, _, var = trace.partition(":")
                var, _, element = var.partition(":")
                owner = {"seg": s(0.5), "pp": pp, "clamp": clamp}[where]
                ref = getattr(owner, "_ref_" + var)
                return ref[int(element)] if element else ref
            vectors = [h.Vector().record(pointer(trace)) for trace in traces]
            h.finitialize(-65)
            while h.t < tstop - h.dt / 2:
                h.fadvance()
            for step in range(len(vectors[0])):
                print(" ".join(repr(vector[step]) for vector in vectors))
            """;


    @Test
    void compiledMechanismsGiveNeuronsTracesOfVoltageCurrentStatesAndConcentrations(@TempDir Path work)
            throws Exception {
        String dirs = ExternalRuns.setting("JPATCH_MOD_DIRS");
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (dirs == null || python == null) {
            System.out.println("NeuronDifferentialTest skipped: set JPATCH_MOD_DIRS and JPATCH_NEURON_PYTHON");
        }
        Assumptions.assumeTrue(dirs != null && python != null, "JPATCH_MOD_DIRS or JPATCH_NEURON_PYTHON unset");

        MechanismCatalogue builtins = new Simulation().catalogue();
        Map<String, CompiledMechanism> compiled = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        List<String> notCompared = new ArrayList<>();
        for (Path file : modFiles(dirs)) {
            try {
                CompiledMechanism mechanism = new NmodlCompiler().translate(file);
                String name = mechanism.mechanism().name();
                if (builtins.contains(name)) {
                    notCompared.add(file.getFileName() + ": " + name + " is built into both simulators");
                } else if (!compiled.containsKey(name)) {
                    compiled.put(name, mechanism);
                    sources.put(name, file);
                }
            } catch (NmodlSyntaxException e) {
                notCompared.add(e.getMessage());
            }
        }
        Path mods = Files.createDirectories(work.resolve("mods"));
        for (Path file : sources.values()) {
            Files.copy(file, mods.resolve(file.getFileName()));
        }
        Path nrnivmodl = Path.of(python).getParent().resolve("nrnivmodl");
        ExternalRuns.run(mods, 600, nrnivmodl.toString(), ".");
        Path library;
        try (Stream<Path> built = Files.walk(mods)) {
            library = built.filter(p -> p.getFileName().toString().equals("libnrnmech.so")).findFirst()
                    .orElseThrow(() -> new AssertionError("nrnivmodl built no libnrnmech.so in " + mods));
        }
        Path script = Files.writeString(work.resolve("protocol.py"), PROTOCOL);

        int agree = 0, identical = 0, traces = 0;
        List<String> disagree = new ArrayList<>();
        for (var entry : compiled.entrySet()) {
            CompiledMechanism mechanism = entry.getValue();
            String elsewhere = NmodlEventsDifferentialTest.comparedHereInstead(mechanism.mechanism());
            if (elsewhere != null) {
                notCompared.add(entry.getKey() + ": " + elsewhere);
                continue;
            }
            String kind = !mechanism.mechanism().isPointProcess() ? "density"
                    : mechanism.kernels().get() instanceof org.jpatch.core.mech.NetReceiver ? "events" : "point";
            List<String> differences = new ArrayList<>();
            boolean bitForBit = true;
            try {
                for (String protocol : kind.equals("density") ? List.of("iclamp", "vclamp") : List.of("-")) {
                    List<String> names = traceNames(mechanism.mechanism(), kind, protocol);
                    List<List<Double>> mine = jpatchTraces(mechanism, kind, protocol, names);
                    List<String> command = new ArrayList<>(List.of(python, script.toString(), library.toString(),
                            entry.getKey(), kind, protocol));
                    command.addAll(names);
                    List<List<Double>> neuron = columns(ExternalRuns.run(work, 120, command.toArray(String[]::new)), names.size());
                    for (int t = 0; t < names.size(); t++) {
                        Worst worst = worstRelativeDifference(neuron.get(t), mine.get(t));
                        traces++;
                        bitForBit &= worst.relative() == 0.0;
                        if (worst.relative() > 1e-9) {
                            differences.add(protocol + " " + names.get(t) + ": " + worst);
                        }
                    }
                }
            } catch (ModelException e) {
                notCompared.add(entry.getKey() + ": the engine refuses it: " + e.getMessage());
                continue;
            }
            if (differences.isEmpty()) {
                agree++;
                identical += bitForBit ? 1 : 0;
            } else {
                disagree.add(entry.getKey() + ": " + String.join("; ", differences));
            }
        }
        System.out.println("NeuronDifferentialTest: " + agree + " of " + (agree + disagree.size())
                + " compiled mechanisms agree with NEURON to 1e-9 (" + identical + " bit for bit) in " + traces
                + " traces; " + notCompared.size() + " not compared:");
        notCompared.forEach(n -> System.out.println("  " + n));
        disagree.forEach(d -> System.out.println("  DIFFERS " + d));
        assertTrue(agree > 0, "nothing compared");
        assertEquals(List.of(), disagree);
    }

    /**
     * The traces of one run, in the protocol's notation: the driven quantity (v, or the
     * clamp's current), each concentration the mechanism writes, each STATE hoc sees.
     */
    private static List<String> traceNames(MechanismInterface mechanism, String kind, String protocol) {
        List<String> names = new ArrayList<>();
        names.add(protocol.equals("vclamp") ? "clamp:i" : "v");
        boolean density = kind.equals("density");
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            for (String written : ion.write()) {
                if (written.equals(ion.ion() + "i") || written.equals(ion.ion() + "o")) {
                    names.add("seg:" + written);
                }
            }
        }
        for (MechanismInterface.Variable state : mechanism.states()) {
            String hocName = density ? state.name() + "_" + mechanism.name() : state.name();
            String where = density ? "seg:" : "pp:";
            if (state.arraySize() == 0) {
                names.add(where + hocName);
            }
            for (int j = 0; j < state.arraySize(); j++) {
                names.add(where + hocName + ":" + j);
            }
        }
        return names;
    }

    private static List<List<Double>> jpatchTraces(CompiledMechanism mechanism, String kind, String protocol,
                                                   List<String> names) {
        Simulation sim = new Simulation();
        MechanismType type = mechanism.registerIn(sim.catalogue());
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        double tstop;
        PointProcess pp = null, clamp = null;
        if (kind.equals("density")) {
            soma.insert(type.name());
            if (protocol.equals("iclamp")) {
                PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
                stim.set("del", 1);
                stim.set("dur", 5);
                stim.set("amp", 0.1);
            } else {
                clamp = sim.newPointProcess("SEClamp", soma, 0.5);
                clamp.set("rs", 0.01);
                clamp.set("dur1", 2);
                clamp.set("amp1", -65);
                clamp.set("dur2", 5);
                clamp.set("amp2", -10);
                clamp.set("dur3", 3);
                clamp.set("amp3", -65);
            }
            tstop = 10;
        } else {
            soma.insert("pas");
            pp = sim.newPointProcess(type.name(), soma, 0.5);
            if (kind.equals("events")) {
                EventSystem events = EventSystem.attach(sim);
                PointProcess netStim = sim.newPointProcess("NetStim", null, 0.5);
                netStim.set("start", 1);
                netStim.set("interval", 2);
                netStim.set("number", 4);
                netStim.set("noise", 0);
                NetCon nc = events.newNetCon(netStim, pp);
                nc.setWeight(0, 0.005);
                nc.setDelay(1);
            }
            tstop = 15;
        }
        List<List<Double>> traces = new ArrayList<>();
        names.forEach(n -> traces.add(new ArrayList<>()));
        PointProcess point = pp, electrode = clamp;
        // where NEURON's Vector.record samples: after the states, before the step's last events
        sim.addStepObserver(new StepObserver() {
            @Override
            public void initialized(Simulation s) {
                record(soma, point, electrode, names, traces);
            }

            @Override
            public void afterStep(Simulation s) {
                record(soma, point, electrode, names, traces);
            }
        });
        sim.finitialize(-65);
        while (sim.t() < tstop - sim.dt() / 2) {
            sim.fadvance();
        }
        return traces;
    }

    /** Appends each trace's present value: the engine's name for "seg:x:j" is x[j], as hoc's. */
    private static void record(Section soma, PointProcess pp, PointProcess clamp, List<String> names,
                               List<List<Double>> traces) {
        for (int t = 0; t < names.size(); t++) {
            String[] parts = names.get(t).split(":");
            String variable = parts.length == 3 ? parts[1] + "[" + parts[2] + "]" : parts[parts.length - 1];
            double value = switch (parts[0]) {
                case "v" -> soma.get("v", 0.5);
                case "clamp" -> clamp.get(variable);
                case "pp" -> pp.get(variable);
                default -> soma.get(variable, 0.5);
            };
            traces.get(t).add(value);
        }
    }

    /** The protocol's output, one line per step, as one list per trace. */
    private static List<List<Double>> columns(String output, int count) {
        List<List<Double>> columns = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            columns.add(new ArrayList<>());
        }
        for (String line : output.lines().toList()) {
            String[] values = line.trim().split(" ");
            if (values.length != count || !java.util.Arrays.stream(values).allMatch(NeuronDifferentialTest::isNumber)) {
                continue;
            }
            for (int t = 0; t < count; t++) {
                columns.get(t).add(Double.parseDouble(values[t]));
            }
        }
        return columns;
    }

    private static boolean isNumber(String line) {
        try {
            Double.parseDouble(line);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The worst step of a trace: its relative difference, and where. */
    private record Worst(double relative, int step, double neuron, double jpatch) {
        @Override
        public String toString() {
            return "worst relative difference " + relative + " at step " + step + " (NEURON " + neuron + ", jpatch "
                    + jpatch + ")";
        }
    }

    private static Worst worstRelativeDifference(List<Double> expected, List<Double> actual) {
        if (expected.size() != actual.size()) {
            return new Worst(Double.POSITIVE_INFINITY, Math.min(expected.size(), actual.size()), Double.NaN,
                    Double.NaN);
        }
        Worst worst = new Worst(0, 0, Double.NaN, Double.NaN);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i), a = actual.get(i);
            double difference = e == a ? 0 : Math.abs(e - a) / Math.max(Math.abs(e), 1e-300);
            difference = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference;
            if (difference > worst.relative()) {
                worst = new Worst(difference, i, e, a);
            }
        }
        return worst;
    }

    private static List<Path> modFiles(String dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : dirs.split(File.pathSeparator)) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".mod")).sorted().forEach(files::add);
            }
        }
        return files;
    }

}

package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * USEION in a point process (test files nmodl/ions/ca_point_synapse.mod and ca_shell.mod)
 * against nrnivmodl's builds: the synapse's calcium current [nA] joins the ion's current
 * density at its node (× 100/area, as nocmodl's _nd_area), which a calcium shell there
 * integrates into cai while the other segments keep theirs. A 3-segment section under
 * current clamp at celsius 32; v, cai and ica at the synapse's segment, cai beside it, and
 * the synapse's own currents, every step, to 1e-9 relative. Needs
 * {@code JPATCH_NEURON_PYTHON}; skipped, saying so, without it.
 */
class PointProcessIonsDifferentialTest {
    private static final List<String> RECORDED = List.of("v", "cai", "ica", "cai_beside", "syn_ica", "syn_i");

    private static final String PROTOCOL = """
            import sys
            from neuron import h
            h.nrn_load_dll(sys.argv[1])
            s = h.Section(name="dend")
            s.L = 30; s.diam = 2; s.nseg = 3
            s.insert("pas"); s.insert("cashell")
            syn = h.CaPointSynapse(s(0.5))
            h.celsius = 32; h.dt = 0.025
            stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = 0.05
            rows = []
            def sample():
                seg, beside = s(0.5), s(0.1)
                rows.append(" ".join(repr(x) for x in (seg.v, seg.cai, seg.ica, beside.cai, syn.ica, syn.i)))
            h.finitialize(-65)
            sample()
            while h.t < 10 - h.dt / 2:
                h.fadvance()
                sample()
            print("\\n".join(rows))
            """;

    @Test
    void aPointProcessesIonCurrentEntersItsNodesIonAsInNeuron(@TempDir Path work) throws Exception {
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (python == null) {
            System.out.println("PointProcessIonsDifferentialTest skipped: set JPATCH_NEURON_PYTHON");
        }
        Assumptions.assumeTrue(python != null, "JPATCH_NEURON_PYTHON unset");
        Path synapse = resource("ca_point_synapse.mod");
        Path shell = resource("ca_shell.mod");
        Path library = ExternalRuns.nrnivmodl(work, python, synapse, shell);
        Path script = Files.writeString(work.resolve("protocol.py"), PROTOCOL);
        List<double[]> neuron = ExternalRuns.rows(ExternalRuns.run(work, 120, python, script.toString(),
                library.toString()), RECORDED.size());
        List<double[]> mine = jpatchRows(synapse, shell);
        System.out.println(ExternalRuns.compare("PointProcessIonsDifferentialTest", RECORDED, neuron, mine, 1e-9,
                List.of()));
        double[] last = mine.get(mine.size() - 1);
        assertTrue(last[1] > 1.5 * last[3], "the synapse's calcium shows at its segment only: cai " + last[1]
                + " there, " + last[3] + " beside");
    }

    private Path resource(String name) throws Exception {
        return Path.of(getClass().getResource("/nmodl/ions/" + name).toURI());
    }

    private static List<double[]> jpatchRows(Path synapse, Path shell) {
        Simulation sim = new Simulation();
        NmodlCompiler compiler = new NmodlCompiler();
        compiler.translate(synapse).registerIn(sim.catalogue());
        compiler.translate(shell).registerIn(sim.catalogue());
        Section dend = sim.newSection("dend");
        dend.setL(30);
        dend.setDiam(2);
        dend.setNseg(3);
        dend.insert("pas");
        dend.insert("cashell");
        PointProcess syn = sim.newPointProcess("CaPointSynapse", dend, 0.5);
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        PointProcess stim = sim.newPointProcess("IClamp", dend, 0.5);
        stim.set("del", 1);
        stim.set("dur", 5);
        stim.set("amp", 0.05);
        return ExternalRuns.samples(sim, -65, 10, () -> sample(dend, syn));
    }

    private static double[] sample(Section dend, PointProcess syn) {
        return new double[] {dend.get("v", 0.5), dend.get("cai", 0.5), dend.get("ica", 0.5), dend.get("cai", 0.1),
            syn.get("ica"), syn.get("i")};
    }
}

package org.jpatch.core.event;

import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/** The ball-and-stick cell of NEURON's ringtest (test/ringtest/cell.hoc, template B_BallStick). */
final class BallStickCell {
    final Section soma;
    final Section dend;
    /** synlist.object(0): ExpSyn at dend(0.8), tau 2 ms, e 0 mV. */
    final PointProcess excitatory;

    BallStickCell(Simulation sim) {
        soma = sim.newSection("soma");
        dend = sim.newSection("dend");
        dend.connect(soma, 1, 0);
        soma.pt3dclear();
        soma.pt3dadd(0, 0, 0, 1);
        soma.pt3dadd(15, 0, 0, 1);
        dend.pt3dclear();
        dend.pt3dadd(15, 0, 0, 1);
        dend.pt3dadd(105, 0, 0, 1);
        soma.setL(12.6157);
        soma.setDiam(12.6157);
        dend.setL(200);
        dend.setDiam(1);
        for (Section sec : new Section[] {soma, dend}) {
            sec.setRa(100);
            sec.setCm(1);
        }
        soma.insert("hh");
        soma.setAll("gnabar_hh", 0.12);
        soma.setAll("gkbar_hh", 0.036);
        soma.setAll("gl_hh", 0.0003);
        soma.setAll("el_hh", -54.3);
        dend.insert("pas");
        dend.setAll("g_pas", 0.001);
        dend.setAll("e_pas", -65);
        for (Section sec : new Section[] {soma, dend}) {
            sec.setNseg((int) ((sec.L() / (0.1 * lambdaF(sec, 100)) + 0.9) / 2) * 2 + 1);
        }
        excitatory = sim.newPointProcess("ExpSyn", dend, 0.8);
        excitatory.set("tau", 2);
        PointProcess inhibitory = sim.newPointProcess("ExpSyn", dend, 0.1);
        inhibitory.set("tau", 5);
        inhibitory.set("e", -80);
    }

    /** stdlib.hoc's lambda_f(freq): the AC length constant [µm] from the 3-D points. */
    static double lambdaF(Section sec, double freqHz) {
        double cm = sec.cm(0.5), ra = sec.Ra();
        if (sec.n3d() < 2) {
            return 1e5 * Math.sqrt(sec.diam(0.5) / (4 * Math.PI * freqHz * ra * cm));
        }
        double x1 = sec.arc3d(0), d1 = sec.diam3d(0), lambdas = 0;
        for (int i = 1; i < sec.n3d(); i++) {
            double x2 = sec.arc3d(i), d2 = sec.diam3d(i);
            lambdas += (x2 - x1) / Math.sqrt(d1 + d2);
            x1 = x2;
            d1 = d2;
        }
        lambdas *= Math.sqrt(2) * 1e-5 * Math.sqrt(4 * Math.PI * freqHz * ra * cm);
        return sec.L() / lambdas;
    }
}

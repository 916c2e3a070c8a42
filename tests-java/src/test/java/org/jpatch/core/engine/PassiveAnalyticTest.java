package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The engine against closed-form solutions of passive membranes. */
class PassiveAnalyticTest {
    private static final double G_PAS = 0.001;   // [S/cm²]
    private static final double E_PAS = -70.0;   // [mV]
    private static final double CM = 1.0;        // [µF/cm²]  -> τ = cm/g = 1 ms
    private static final double AMP = 0.1;       // [nA]

    /** A one-segment passive soma (L = diam = 20 µm, area 400π µm²) with a current step from t = 0. */
    private static Simulation charging(double dt, Section[] somaOut, PointProcess[] stimOut) {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.setL(20.0);
        soma.setDiam(20.0);
        soma.insert("pas");
        soma.setAll("g_pas", G_PAS);
        soma.setAll("e_pas", E_PAS);
        soma.setCm(CM);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 0.0);
        stim.set("dur", 1e9);
        stim.set("amp", AMP);
        sim.setGlobal("dt", dt);
        sim.finitialize(E_PAS);
        somaOut[0] = soma;
        stimOut[0] = stim;
        return sim;
    }

    @Test
    void chargingFollowsTheBackwardEulerRecurrenceExactly() {
        Section[] soma = new Section[1];
        PointProcess[] stim = new PointProcess[1];
        double dt = 0.025;
        Simulation sim = charging(dt, soma, stim);
        double area = soma[0].area(0.5);                     // [µm²]
        double iDensity = AMP * 100.0 / area;                // [mA/cm²]
        double c = 0.001 * CM / dt;                          // [S/cm²]
        double vInf = E_PAS + iDensity / G_PAS;              // [mV]
        double v = E_PAS;
        for (int n = 0; n < 400; n++) {
            sim.fadvance();
            v = vInf + (v - vInf) * c / (c + G_PAS);
            // rounding only: the finite-difference conductance and the zero-area end nodes
            assertEquals(v, soma[0].get("v", 0.5), 1e-10, "step " + (n + 1));
        }
    }

    @Test
    void chargingConvergesToTheExponentialAtFirstOrderInDt() {
        double tEnd = 2.0;  // [ms] two time constants
        double[] errors = new double[2];
        double[] dts = {0.05, 0.025};
        for (int k = 0; k < 2; k++) {
            Section[] soma = new Section[1];
            PointProcess[] stim = new PointProcess[1];
            Simulation sim = charging(dts[k], soma, stim);
            double area = soma[0].area(0.5);
            double rIn = 1.0 / (G_PAS * area * 1e-8);        // [Ω] membrane resistance of the compartment
            double tau = CM / G_PAS * 1e-3;                  // [ms]
            double max = 0;
            while (sim.t() < tEnd - dts[k] / 2) {
                sim.fadvance();
                double exact = E_PAS + AMP * 1e-9 * rIn * 1e3 * (1 - Math.exp(-sim.t() / tau));  // [mV]
                max = Math.max(max, Math.abs(soma[0].get("v", 0.5) - exact));
            }
            errors[k] = max;
        }
        double swing = AMP * 100.0 / (Math.PI * 20 * 20) / G_PAS;  // [mV] I·R of the compartment
        // backward Euler's global error is below swing·dt/τ (τ = 1 ms) and halves with dt
        assertTrue(errors[0] < swing * dts[0], "error " + errors[0]);
        assertEquals(2.0, errors[0] / errors[1], 0.1);
    }

    @Test
    void crankNicolsonChargingConvergesAtSecondOrderInDt() {
        double tEnd = 2.0;  // [ms]
        double[] dts = {0.1, 0.05};
        double[] errors = new double[2];
        for (int k = 0; k < 2; k++) {
            Section[] soma = new Section[1];
            PointProcess[] stim = new PointProcess[1];
            Simulation sim = charging(dts[k], soma, stim);
            sim.setGlobal("secondorder", 2);
            sim.finitialize(E_PAS);
            double swing = AMP * 100.0 / soma[0].area(0.5) / G_PAS;  // [mV]
            double tau = CM / G_PAS * 1e-3;                          // [ms]
            double max = 0;
            while (sim.t() < tEnd - dts[k] / 2) {
                sim.fadvance();
                double exact = E_PAS + swing * (1 - Math.exp(-sim.t() / tau));
                max = Math.max(max, Math.abs(soma[0].get("v", 0.5) - exact));
            }
            errors[k] = max;
        }
        // the trapezoidal rule: error ∝ dt², so halving dt divides it by 4
        assertEquals(4.0, errors[0] / errors[1], 0.2);
    }

    @Test
    void sealedCableSteadyStateFollowsTheCoshProfile() {
        Simulation sim = new Simulation();
        Section cable = sim.newSection("cable");
        double diam = 2.0, ra = 100.0;                       // [µm], [Ω·cm]
        double lambda = Math.sqrt((1.0 / G_PAS) * (diam * 1e-4) / (4 * ra)) * 1e4;  // [µm]
        double length = 1.5 * lambda;
        cable.setL(length);
        cable.setDiam(diam);
        cable.setRa(ra);
        cable.setNseg(301);
        cable.insert("pas");
        cable.setAll("g_pas", G_PAS);
        cable.setAll("e_pas", E_PAS);
        PointProcess stim = sim.newPointProcess("IClamp", cable, 0.0);
        stim.set("dur", 1e9);
        stim.set("amp", AMP);
        // backward Euler with a large step reaches the steady state of the discrete cable
        sim.setGlobal("dt", 50.0);
        sim.finitialize(E_PAS);
        for (int n = 0; n < 40; n++) {
            sim.fadvance();
        }
        double v0 = cable.get("v", 0.0) - E_PAS;
        double rInf = 4 * ra * (lambda * 1e-4) / (Math.PI * Math.pow(diam * 1e-4, 2));  // [Ω]
        double expectedV0 = AMP * 1e-9 * rInf / Math.tanh(length / lambda) * 1e3;     // [mV]
        // second-order spatial discretisation: (Δx/λ)² ≈ 2.5e-5
        assertEquals(expectedV0, v0, 1e-3 * expectedV0);
        for (double x : new double[] {0.1, 0.3, 0.5, 0.7, 0.9, 1.0}) {
            double centre = x == 1.0 ? 1.0 : (Math.floor(x * 301) + 0.5) / 301;
            double expected = Math.cosh((length - centre * length) / lambda) / Math.cosh(length / lambda);
            double actual = (cable.get("v", x) - E_PAS) / v0;
            assertEquals(expected, actual, 1e-4, "x = " + x);
        }
    }
}

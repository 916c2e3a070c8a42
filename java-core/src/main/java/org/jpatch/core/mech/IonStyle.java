package org.jpatch.core.mech;

/**
 * eion.cpp's iontype bits of one ion at one node, from what the mechanisms there read and
 * write (nocmodl's ion_promote + nrn_promote), and the Nernst potential it may compute.
 */
public final class IonStyle {
    /** Initialise the concentrations from the ion's globals (conci0, conco0) at finitialize. */
    public static final int INIT_CONCENTRATIONS = 04;
    /** Compute the reversal potential from the concentrations at finitialize. */
    public static final int INIT_REVERSAL = 040;
    /** Compute the reversal potential from the concentrations every step. */
    public static final int ADVANCE_REVERSAL = 0100;

    private static final double ELECTRON_CHARGE = 1.602176634e-19;  // [C], CODATA 2018 exact
    private static final double AVOGADRO = 6.02214076e+23;          // [1/mol], exact
    private static final double BOLTZMANN = 1.380649e-23;           // [J/K], exact
    private static final double FARADAY = ELECTRON_CHARGE * AVOGADRO;  // [C/mol], as nrnunits.h
    private static final double GAS_CONSTANT = BOLTZMANN * AVOGADRO;   // [J/(mol·K)], as nrnunits.h

    private IonStyle() {}

    /** How one USEION uses the concentrations: 0 not at all, 1 read, 3 written. */
    public static int concentrationUse(IonUse use) {
        String in = use.ion() + "i", out = use.ion() + "o";
        if (use.writes().contains(in) || use.writes().contains(out)) {
            return 3;
        }
        return use.reads().contains(in) || use.reads().contains(out) ? 1 : 0;
    }

    /** How one USEION uses the reversal potential: 0 not at all, 1 read, 3 written. */
    public static int reversalUse(IonUse use) {
        String e = "e" + use.ion();
        if (use.writes().contains(e)) {
            return 3;
        }
        return use.reads().contains(e) ? 1 : 0;
    }

    /** nrn_promote's bit map for the strongest concentration and reversal uses at a node. */
    public static int bits(int conc, int rev) {
        if (conc > 0 && rev < 2) {
            rev = 2;
        }
        int it = conc + 010 * rev;
        if (conc == 3) {
            it += INIT_CONCENTRATIONS;
            if (rev == 2) {
                it += ADVANCE_REVERSAL;
            }
        }
        if (conc > 0 && rev == 2) {
            it += INIT_REVERSAL;
        }
        return it;
    }

    /** nrn_nernst: reversal potential [mV] for concentrations [mM] and charge z at celsius [°C]. */
    public static double nernst(double ci, double co, double z, double celsius) {
        if (z == 0) {
            return 0.;
        }
        if (ci <= 0.) {
            return 1e6;
        } else if (co <= 0.) {
            return -1e6;
        }
        return ktf(celsius) / z * Math.log(co / ci);
    }

    /** RT/F [mV] at celsius [°C], with NEURON 9's CODATA 2018 constants (eion.cpp's ktf). */
    public static double ktf(double celsius) {
        return 1000. * GAS_CONSTANT * (celsius + 273.15) / FARADAY;
    }

    /**
     * nrn_ghk (eion.cpp): the Goldman–Hodgkin–Katz current factor for membrane potential
     * v [mV], concentrations [mM] and charge z at celsius [°C], in mA/cm² per cm/s of
     * permeability; efun's series below |x| = 1e-4 avoids 0/0 at v = 0.
     */
    public static double ghk(double v, double ci, double co, double z, double celsius) {
        double temp = z * v / ktf(celsius);
        double eco = co * ghkEfun(temp);
        double eci = ci * ghkEfun(-temp);
        return .001 * z * FARADAY * (eci - eco);
    }

    private static double ghkEfun(double x) {
        if (Math.abs(x) < 1e-4) {
            return 1. - x / 2.;
        }
        return x / (Math.exp(x) - 1);
    }
}

package org.jpatch.core.hoc;

import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/**
 * hoc functions about one section's cable that scripts call with {@code sec=}: {@code lambda_f}
 * (NEURON's stdlib.hoc, which the d_lambda rule for nseg uses). ismembrane is SectionFunctions'.
 */
final class CableFunctions {
    private CableFunctions() {}

    static void register(HocRegistry registry, Simulation sim) {
        registry.add(new HocFunction("lambda_f",
                "lambda_f(freq, sec=sec): the section's AC length constant [µm] at freq [Hz], from its 3-D points "
                        + "when it has two or more (stdlib.hoc).",
                args -> lambdaF(HocSections.section(args, sim), args)));
    }

    /**
     * stdlib.hoc's lambda_f, operation for operation: hoc's {@code diam} and {@code cm} are the
     * values at 0.5; cm == 0 answers 1e10 before the frequency is read (as hoc does).
     */
    private static double lambdaF(Section section, HocArgs args) {
        double cm = section.cm(0.5);  // [µF/cm²]
        if (cm == 0) {
            return 1e10;
        }
        double freq = args.expect(1, 1).number(0);  // [Hz]
        double ra = section.Ra();  // [Ω·cm]
        int n3d = section.n3d();
        if (n3d < 2) {
            return 1e5 * Math.sqrt(section.diam(0.5) / divisor(4 * Math.PI * freq * ra * cm));
        }
        double x1 = section.arc3d(0);
        double d1 = section.diam3d(0);
        double lam = 0;  // the section's length in units of lambda, before the constant factor
        for (int i = 1; i < n3d; i++) {
            if (d1 == 0) {
                throw new HocExecError("lambda_f error: 0 diameter for 3d point " + (i - 1) + " of " + section.name() + ".");
            }
            double x2 = section.arc3d(i);
            double d2 = section.diam3d(i);
            lam += (x2 - x1) / Math.sqrt(d1 + d2);
            x1 = x2;
            d1 = d2;
        }
        lam *= Math.sqrt(2) * 1e-5 * Math.sqrt(4 * Math.PI * freq * ra * cm);
        return section.L() / divisor(lam);
    }

    /** hoc refuses a division by zero (its "division by zero" execerror) where Java gives infinity. */
    private static double divisor(double x) {
        if (x == 0) {
            throw new HocExecError("division by zero");
        }
        return x;
    }
}

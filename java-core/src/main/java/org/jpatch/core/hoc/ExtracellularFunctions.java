package org.jpatch.core.hoc;

import org.jpatch.core.mech.builtin.Extracellular;

/**
 * extcelln.cpp's nlayer_extracellular([n]): how many layers the extracellular mechanism
 * has. The engine has NEURON's default, 2, only; asking for another count is refused.
 */
final class ExtracellularFunctions {
    private ExtracellularFunctions() {}

    static void register(HocRegistry registry) {
        registry.add(new HocFunction("nlayer_extracellular",
                "nlayer_extracellular([n]): the extracellular mechanism's number of layers (2; jpatch has no other).",
                ExtracellularFunctions::nlayer));
    }

    private static Object nlayer(HocArgs args) {
        args.expect(0, 1);
        if (args.size() == 1) {
            double n = args.number(0);
            if (!(n >= 1 && n <= 1000)) { // NEURON's chkarg(1, 1., 1000.)
                throw new HocExecError("nlayer_extracellular(" + n + "): arg out of range [1, 1000]");
            }
            if ((int) n != Extracellular.NLAYER) {
                throw new HocExecError("nlayer_extracellular(" + n + "): jpatch's extracellular has "
                        + Extracellular.NLAYER + " layers only");
            }
        }
        return (double) Extracellular.NLAYER;
    }
}

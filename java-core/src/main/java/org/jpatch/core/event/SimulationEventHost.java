package org.jpatch.core.event;

import java.util.List;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.sim.Simulation;

/** The event system's view of a {@link Simulation}. */
final class SimulationEventHost implements EventHost {
    private final Simulation sim;

    SimulationEventHost(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public GlobalState globals() {
        return sim.globals();
    }

    @Override
    public MechanismKernel kernel(MechanismType type) {
        return sim.kernel(type);
    }

    @Override
    public List<PointProcess> pointProcesses() {
        return sim.model().pointProcesses();
    }

    @Override
    public long structureVersion() {
        return sim.structureVersion();
    }
}

package org.jpatch.core.event;

import java.util.List;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;

/** What the event system needs from the simulation that owns it. */
public interface EventHost {
    /** t and dt; the event system sets t to an event's time while delivering it, as NEURON. */
    GlobalState globals();

    /** The simulation's kernel of {@code type}, created if needed; null for types without one. */
    MechanismKernel kernel(MechanismType type);

    /** Every live point process and artificial cell. */
    List<PointProcess> pointProcesses();

    /** Changes whenever the model was (or must be) re-lowered, so instance rows may have moved. */
    long structureVersion();
}

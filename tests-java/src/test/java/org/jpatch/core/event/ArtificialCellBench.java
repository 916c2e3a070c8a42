package org.jpatch.core.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.PointProcess;

/**
 * Runs the event system with point processes that have no membrane node (artificial cells
 * and test receivers), following NEURON's fixed-step order without a cable: INITIAL blocks,
 * init events; per step: threshold checks and events to t + dt/2, two half-step time
 * advances, state updates, events to t + dt. It stands in for the Simulation so the event
 * system is tested on its own.
 */
final class ArtificialCellBench implements EventHost {
    final GlobalState globals = new GlobalState();
    final EventSystem events = new EventSystem(this);
    private final List<PointProcess> pointProcesses = new ArrayList<>();
    private final Map<MechanismType, MechanismKernel> kernels = new HashMap<>();
    private final NodeData noNodes = new NodeData(0, 0, new int[0]);
    private long version;
    private long loweredVersion = -1;
    private final List<Runnable> beforeStep = new ArrayList<>();

    PointProcess add(MechanismType type) {
        PointProcess pp = new PointProcess(type, type.name() + "[" + count(type) + "]");
        pointProcesses.add(pp);
        version++;
        return pp;
    }

    /** Called at the start of each step, before the threshold checks (tests move watched values here). */
    void onEachStep(Runnable action) {
        beforeStep.add(action);
    }

    private int count(MechanismType type) {
        return (int) pointProcesses.stream().filter(p -> p.type() == type).count();
    }

    void finitialize() {
        lower();
        globals.t = 0.0;
        events.initializing();
        for (MechanismKernel k : kernelsInOrder()) {
            k.initialize();
        }
        events.initialize(null);
    }

    void fadvance() {
        for (Runnable r : beforeStep) {
            r.run();
        }
        events.beforeStep(null);
        globals.t += 0.5 * globals.dt;
        globals.t += 0.5 * globals.dt;
        for (MechanismKernel k : kernelsInOrder()) {
            k.state();
        }
        events.afterStep(null);
    }

    void continuerun(double tstop) {
        while (globals.t < tstop - 0.5 * globals.dt) {
            fadvance();
        }
    }

    private List<MechanismKernel> kernelsInOrder() {
        List<MechanismType> types = new ArrayList<>(kernels.keySet());
        types.sort((a, b) -> Integer.compare(a.order(), b.order()));
        List<MechanismKernel> list = new ArrayList<>();
        for (MechanismType type : types) {
            list.add(kernels.get(type));
        }
        return list;
    }

    private void lower() {
        if (loweredVersion == version) {
            return;
        }
        Map<MechanismType, List<PointProcess>> byType = new LinkedHashMap<>();
        for (PointProcess pp : pointProcesses) {
            byType.computeIfAbsent(pp.type(), t -> new ArrayList<>()).add(pp);
        }
        for (Map.Entry<MechanismType, List<PointProcess>> e : byType.entrySet()) {
            List<PointProcess> list = e.getValue();
            int[] node = new int[list.size()];
            Arrays.fill(node, -1);
            InstanceData data = new InstanceData(e.getKey(), list.size(), node, new InstanceData[0], new int[0][]);
            for (int k = 0; k < list.size(); k++) {
                list.get(k).values().attach(data.vars, k);
            }
            kernel(e.getKey()).bind(data, noNodes, globals, new double[0]);
        }
        loweredVersion = version;
    }

    @Override
    public GlobalState globals() {
        return globals;
    }

    @Override
    public MechanismKernel kernel(MechanismType type) {
        return kernels.computeIfAbsent(type, MechanismType::newKernel);
    }

    @Override
    public List<PointProcess> pointProcesses() {
        return pointProcesses;
    }

    @Override
    public long structureVersion() {
        return version;
    }
}

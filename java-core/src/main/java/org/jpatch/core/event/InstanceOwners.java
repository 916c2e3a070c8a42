package org.jpatch.core.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;

/**
 * Which point process owns row {@code instance} of a type's arrays: kernels name
 * instances by row, the event system needs the object (rows move when the model is
 * re-lowered, so the table is rebuilt when the structure version changes).
 */
final class InstanceOwners {
    private final EventHost host;
    private final Map<MechanismType, PointProcess[]> byRow = new HashMap<>();
    private long version = Long.MIN_VALUE;

    InstanceOwners(EventHost host) {
        this.host = host;
    }

    PointProcess at(MechanismType type, int instance) {
        if (version != host.structureVersion()) {
            rebuild();
        }
        PointProcess[] rows = byRow.get(type);
        if (rows == null || instance >= rows.length || rows[instance] == null) {
            throw new IllegalStateException("no " + type.name() + " instance at row " + instance);
        }
        return rows[instance];
    }

    private void rebuild() {
        byRow.clear();
        for (PointProcess pp : host.pointProcesses()) {
            if (!pp.values().isAttached()) {
                continue;
            }
            int row = pp.values().index(0);
            PointProcess[] rows = byRow.get(pp.type());
            if (rows == null || rows.length <= row) {
                rows = rows == null ? new PointProcess[row + 1] : Arrays.copyOf(rows, row + 1);
                byRow.put(pp.type(), rows);
            }
            rows[row] = pp;
        }
        version = host.structureVersion();
    }
}

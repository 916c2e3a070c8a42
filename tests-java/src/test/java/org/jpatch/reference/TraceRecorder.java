package org.jpatch.reference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.sim.StepObserver;

/**
 * NEURON's per-step {@code Vector.record(&var)}, kept independent of the engine's own
 * Vector: emptied and sampled once at the end of finitialize, then once after every
 * fadvance.
 */
final class TraceRecorder implements StepObserver {
    private final Map<String, VarRef> refs = new LinkedHashMap<>();
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private int samples;

    void add(String label, VarRef ref) {
        if (refs.putIfAbsent(label, ref) != null) {
            throw new IllegalArgumentException("label recorded twice: " + label);
        }
        buffers.put(label, new double[64]);
    }

    @Override
    public void initialized(Simulation sim) {
        samples = 0;
        sample();
    }

    @Override
    public void afterStep(Simulation sim) {
        sample();
    }

    private void sample() {
        for (Map.Entry<String, VarRef> entry : refs.entrySet()) {
            double[] buffer = buffers.get(entry.getKey());
            if (samples == buffer.length) {
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
                buffers.put(entry.getKey(), buffer);
            }
            buffer[samples] = entry.getValue().get();
        }
        samples++;
    }

    /** label → recorded samples, in the order the labels were added. */
    Map<String, double[]> traces() {
        Map<String, double[]> traces = new LinkedHashMap<>();
        buffers.forEach((label, buffer) -> traces.put(label, Arrays.copyOf(buffer, samples)));
        return traces;
    }
}

package org.jpatch.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.random.Random;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;

/**
 * NEURON's Vector ({@code src/ivoc/ivocvect.cpp}): a growable array of doubles with
 * NEURON's methods and argument rules, and the target of record and play.
 *
 * <p>Storage is one contiguous {@code double[]} plus a size; appending grows the array
 * geometrically, so recording allocates only O(log n) times over a run. Methods that
 * NEURON chains return {@code this}.
 */
public final class Vector {
    private static final int MIN_GROWTH = 16;
    /** NEURON's slack in indgen(start, end, step): the count is floor((end-start)/step + 1e-9) + 1. */
    private static final double INDGEN_EPSILON = 1e-9;

    private double[] data;
    private int size;
    /** Record and play items that use this vector (as values or as times); NEURON's playrec_uses. */
    private final List<PlayRecord> users = new ArrayList<>(1);

    public Vector() {
        this(0);
    }

    /** A vector of {@code n} zeros. */
    public Vector(int n) {
        requireSize(n);
        data = new double[Math.max(n, MIN_GROWTH)];
        size = n;
    }

    /** A vector holding a copy of {@code values}. */
    public Vector(double[] values) {
        this(values.length);
        System.arraycopy(values, 0, data, 0, values.length);
    }

    public static Vector of(double... values) {
        return new Vector(values);
    }

    // ---- size and storage ------------------------------------------------------------

    public int size() {
        return size;
    }

    /**
     * The live backing array: elements {@code [0, size())} are the vector's values, the rest
     * is spare capacity. No copy is made (for zero-copy export); the array is replaced when
     * the vector grows beyond its capacity, so fetch it again after any size change (a
     * recorded run appends).
     */
    public double[] data() {
        return data;
    }

    /** A copy of the values. */
    public double[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Replaces the values by a copy of {@code values} (NEURON's from_double). */
    public Vector fromArray(double[] values) {
        setSizeForOverwrite(values.length);
        System.arraycopy(values, 0, data, 0, values.length);
        return this;
    }

    /** Capacity for at least {@code n} elements without reallocation (NEURON's buffer_size(n)). */
    public Vector ensureCapacity(int n) {
        if (n > data.length) {
            data = Arrays.copyOf(data, n);
        }
        return this;
    }

    public int capacity() {
        return data.length;
    }

    /** New elements are 0, as std::vector::resize. */
    public Vector resize(int n) {
        requireSize(n);
        if (n > size) {
            ensureCapacity(n);
            Arrays.fill(data, size, n, 0.0);
        }
        size = n;
        return this;
    }

    /** NEURON's clear(): size 0. */
    public Vector clear() {
        size = 0;
        return this;
    }

    // ---- elements ------------------------------------------------------------------

    /** NEURON's x[i] / get(i). */
    public double get(int i) {
        return data[checkIndex(i)];
    }

    /** NEURON's x[i] = v / set(i, v). */
    public Vector set(int i, double value) {
        data[checkIndex(i)] = value;
        return this;
    }

    /** Appends one value; amortised O(1), the only allocation is occasional growth. */
    public Vector append(double value) {
        if (size == data.length) {
            grow(size + 1);
        }
        data[size++] = value;
        return this;
    }

    public Vector append(double... values) {
        ensureCapacity(size + values.length);
        System.arraycopy(values, 0, data, size, values.length);
        size += values.length;
        return this;
    }

    /** Appends the values of {@code other}; like NEURON, a vector cannot append itself. */
    public Vector append(Vector other) {
        if (other == this) {
            throw new InvalidValueException("Vector.append: argument is the vector itself; it needs to be copied first");
        }
        ensureCapacity(size + other.size);
        System.arraycopy(other.data, 0, data, size, other.size);
        size += other.size;
        return this;
    }

    public Vector fill(double value) {
        Arrays.fill(data, 0, size, value);
        return this;
    }

    /** Fills elements {@code start..end} inclusive, as NEURON's fill(value, start, end). */
    public Vector fill(double value, int start, int end) {
        checkRange(start, end);
        Arrays.fill(data, start, end + 1, value);
        return this;
    }

    /** setrand(r): every element a draw of r's current distribution, in index order. */
    public Vector setrand(Random random) {
        random.fill(data, 0, size - 1);
        return this;
    }

    /** setrand(r, start, end): elements start..end inclusive, as NEURON's chkarg bounds them. */
    public Vector setrand(Random random, int start, int end) {
        checkRange(start, end);
        random.fill(data, start, end);
        return this;
    }

    /** x[i] = i. */
    public Vector indgen() {
        return indgen(0.0, 1.0);
    }

    /** x[i] = i·step. */
    public Vector indgen(double step) {
        return indgen(0.0, step);
    }

    /** x[i] = i·step + start, size unchanged. */
    public Vector indgen(double start, double step) {
        requireFinite("indgen step", step);
        for (int i = 0; i < size; i++) {
            data[i] = i * step + start;
        }
        return this;
    }

    /**
     * Resizes to floor((end-start)/step + 1e-9) + 1 elements start, start+step, …; NEURON
     * requires |step| ≤ |end - start| and a step pointing from start towards end.
     */
    public Vector indgen(double start, double end, double step) {
        double span = Math.abs(end - start);
        if (!(Math.abs(step) <= span) || step == 0.0) {
            throw new InvalidValueException("Vector.indgen: step " + step + " must be nonzero with |step| <= |end - start| = " + span);
        }
        double count = Math.floor((end - start) / step + INDGEN_EPSILON) + 1.0;
        if (count < 0) {
            throw new InvalidValueException("Vector.indgen: step " + step + " leads away from end " + end + " (empty set)");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidValueException("Vector.indgen: " + count + " elements is too large");
        }
        setSizeForOverwrite((int) count);
        return indgen(start, step);
    }

    // ---- arithmetic ----------------------------------------------------------------

    public Vector add(double value) {
        for (int i = 0; i < size; i++) {
            data[i] += value;
        }
        return this;
    }

    public Vector add(Vector other) {
        requireSameSize("add", other);
        for (int i = 0; i < size; i++) {
            data[i] += other.data[i];
        }
        return this;
    }

    public Vector sub(double value) {
        for (int i = 0; i < size; i++) {
            data[i] -= value;
        }
        return this;
    }

    public Vector sub(Vector other) {
        requireSameSize("sub", other);
        for (int i = 0; i < size; i++) {
            data[i] -= other.data[i];
        }
        return this;
    }

    public Vector mul(double value) {
        for (int i = 0; i < size; i++) {
            data[i] *= value;
        }
        return this;
    }

    public Vector mul(Vector other) {
        requireSameSize("mul", other);
        for (int i = 0; i < size; i++) {
            data[i] *= other.data[i];
        }
        return this;
    }

    /** NEURON refuses a scalar 0 divisor (element-wise division by a vector follows IEEE). */
    public Vector div(double value) {
        if (value == 0.0) {
            throw new InvalidValueException("Vector.div: division by zero");
        }
        for (int i = 0; i < size; i++) {
            data[i] /= value;
        }
        return this;
    }

    public Vector div(Vector other) {
        requireSameSize("div", other);
        for (int i = 0; i < size; i++) {
            data[i] /= other.data[i];
        }
        return this;
    }

    // ---- statistics (summation left to right, as std::accumulate) -------------------

    /** 0 for an empty vector. */
    public double sum() {
        return sumOf(0, size);
    }

    /** Sum of elements {@code start..end} inclusive. */
    public double sum(int start, int end) {
        checkRange(start, end);
        return sumOf(start, end + 1);
    }

    public double mean() {
        if (size < 1) {
            throw new InvalidValueException("Vector.mean: size 0, must be > 0");
        }
        return sumOf(0, size) / size;
    }

    /** Sample variance (divisor n-1), NEURON's two-pass form. */
    public double var() {
        if (size < 2) {
            throw new InvalidValueException("Vector.var: size " + size + ", must be > 1");
        }
        double m = sumOf(0, size) / size;
        double accum = 0.0;
        for (int i = 0; i < size; i++) {
            accum += (data[i] - m) * (data[i] - m);
        }
        return accum / (size - 1);
    }

    /** Sample standard deviation, sqrt(var()). */
    public double stdev() {
        if (size < 2) {
            throw new InvalidValueException("Vector.stdev: size " + size + ", must be > 1");
        }
        return Math.sqrt(var());
    }

    /** 0 for an empty vector, as NEURON. */
    public double min() {
        return size == 0 ? 0.0 : data[minIndex()];
    }

    public double min(int start, int end) {
        checkRange(start, end);
        return data[minIndex(start, end)];
    }

    /** Index of the first minimum; -1 for an empty vector, as NEURON. */
    public int minIndex() {
        return size == 0 ? -1 : minIndex(0, size - 1);
    }

    public int minIndex(int start, int end) {
        checkRange(start, end);
        int best = start;
        for (int i = start + 1; i <= end; i++) {
            if (data[i] < data[best]) {
                best = i;
            }
        }
        return best;
    }

    /** 0 for an empty vector, as NEURON. */
    public double max() {
        return size == 0 ? 0.0 : data[maxIndex()];
    }

    public double max(int start, int end) {
        checkRange(start, end);
        return data[maxIndex(start, end)];
    }

    /** Index of the first maximum; -1 for an empty vector, as NEURON. */
    public int maxIndex() {
        return size == 0 ? -1 : maxIndex(0, size - 1);
    }

    public int maxIndex(int start, int end) {
        checkRange(start, end);
        int best = start;
        for (int i = start + 1; i <= end; i++) {
            if (data[i] > data[best]) {
                best = i;
            }
        }
        return best;
    }

    // ---- copies ----------------------------------------------------------------------

    /** A new vector with the same values (NEURON's c()). */
    public Vector copy() {
        return new Vector(toArray());
    }

    /** This becomes a copy of {@code src}, size included (NEURON's copy(src)). */
    public Vector copy(Vector src) {
        if (src == this) {
            return this;
        }
        setSizeForOverwrite(src.size);
        System.arraycopy(src.data, 0, data, 0, src.size);
        return this;
    }

    /**
     * Copies {@code src} into this starting at {@code destStart}, growing (zero-filled) when
     * needed but never shrinking (NEURON's copy(src, dest_start)).
     */
    public Vector copy(Vector src, int destStart) {
        if (destStart < 0) {
            throw new InvalidValueException("Vector.copy: dest_start " + destStart + " must be >= 0");
        }
        double[] values = src.toArray();
        if (size < destStart + values.length) {
            resize(destStart + values.length);
        }
        System.arraycopy(values, 0, data, destStart, values.length);
        return this;
    }

    // ---- record and play ---------------------------------------------------------------

    /** Records {@code ref} once at the end of finitialize and once per fadvance (N steps → N+1 samples). */
    public Vector record(Simulation sim, VarRef ref) {
        replaceRecording(ref);
        PlayRecordSet.of(sim).add(new EveryStepRecord(ref, this));
        return this;
    }

    /** Records {@code ref} at times 0, Dt, 2Dt, … (accumulated), delivered as NEURON's events. */
    public Vector record(Simulation sim, VarRef ref, double dtMs) {
        requireDt("record", dtMs);
        replaceRecording(ref);
        PlayRecordSet.of(sim).add(new DtRecord(ref, this, dtMs, isTime(ref)));
        return this;
    }

    /** Records {@code ref} at the times in {@code tvec} (one sample per element, delivered as events). */
    public Vector record(Simulation sim, VarRef ref, Vector tvec) {
        replaceRecording(ref);
        PlayRecordSet.of(sim).add(new TimeVectorRecord(ref, this, tvec));
        return this;
    }

    /** Plays element k into {@code ref} at time k·Dt (accumulated), a step function. */
    public Vector play(Simulation sim, VarRef ref, double dtMs) {
        requireDt("play", dtMs);
        PlayRecordSet.of(sim).add(new StepPlay(ref, this, null, dtMs));
        return this;
    }

    /** Plays element k into {@code ref} at time tvec[k], a step function. */
    public Vector play(Simulation sim, VarRef ref, Vector tvec) {
        PlayRecordSet.of(sim).add(new StepPlay(ref, this, tvec, 0.0));
        return this;
    }

    /**
     * {@code continuous == false}: as {@link #play(Simulation, VarRef, Vector)}. Otherwise
     * the value is interpolated linearly in (tvec, this) at every half step and at each
     * tvec time (NEURON's VecPlayContinuous): the first value before tvec[0], the last
     * segment's line extrapolated beyond tvec's end, the average of the two values at a
     * repeated time. In finitialize the variable is set only if tvec[0] <= 0.
     */
    public Vector play(Simulation sim, VarRef ref, Vector tvec, boolean continuous) {
        if (!continuous) {
            return play(sim, ref, tvec);
        }
        PlayRecordSet.of(sim).add(new ContinuousPlay(ref, this, tvec, null));
        return this;
    }

    /**
     * Continuous play whose events fall only at tvec[i] for each i in {@code discontinuities}
     * (NEURON's play(&var, tvec, indices)); between them the half-step interpolation runs.
     */
    public Vector play(Simulation sim, VarRef ref, Vector tvec, Vector discontinuities) {
        PlayRecordSet.of(sim).add(new ContinuousPlay(ref, this, tvec, discontinuities));
        return this;
    }

    /** Stops every record and play that uses this vector, as values or as times (NEURON's play_remove). */
    public Vector playRemove() {
        while (!users.isEmpty()) {
            users.get(users.size() - 1).remove();
        }
        return this;
    }

    /** True while some record or play item uses this vector. */
    /** The vectors record items of {@code sim} fill (Vector.record), in the order they were set up. */
    public static List<Vector> recordedIn(Simulation sim) {
        return PlayRecordSet.recordings(sim);
    }

    /**
     * The size this vector will have after a run to {@code untilMs} [ms] (what its
     * recordings will have appended by then, at most two samples too many); a vector
     * nothing records into keeps its size.
     */
    public int sizeAfterRunTo(double untilMs) {
        int n = size;
        for (PlayRecord user : users) {
            n = Math.max(n, user.sizeAfterRunTo(this, untilMs));
        }
        return n;
    }

    public boolean isPlayingOrRecording() {
        return !users.isEmpty();
    }

    void attach(PlayRecord item) {
        users.add(item);
    }

    void detach(PlayRecord item) {
        users.remove(item);
    }

    /**
     * A vector records one thing at a time: a new record replaces every item using it, as
     * NEURON. The new variable is read first, so a bad reference leaves the old recording.
     */
    private void replaceRecording(VarRef ref) {
        ref.get();
        playRemove();
    }

    // ---- helpers -----------------------------------------------------------------------

    /** The global t (named "t"): NEURON's Dt recording of t stores the event times. */
    private static boolean isTime(VarRef ref) {
        return "t".equals(ref.name());
    }

    private void grow(int minCapacity) {
        int newCapacity = Math.max(minCapacity, Math.max(MIN_GROWTH, data.length + (data.length >> 1) + 1));
        data = Arrays.copyOf(data, newCapacity);
    }

    /** Size n with unspecified contents (the caller overwrites all of them). */
    private void setSizeForOverwrite(int n) {
        if (n > data.length) {
            data = new double[n];
        }
        size = n;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new InvalidValueException("Vector index " + i + " out of range for size " + size);
        }
        return i;
    }

    private void checkRange(int start, int end) {
        if (start < 0 || start >= size) {
            throw new InvalidValueException("Vector start index " + start + " out of range for size " + size);
        }
        if (end < start || end >= size) {
            throw new InvalidValueException("Vector end index " + end + " out of range [" + start + ", " + (size - 1) + "]");
        }
    }

    private void requireSameSize(String op, Vector other) {
        if (other.size != size) {
            throw new InvalidValueException("Vector." + op + ": argument has size " + other.size + ", expected " + size);
        }
    }

    private static void requireSize(int n) {
        if (n < 0) {
            throw new InvalidValueException("Vector size " + n + " must be >= 0");
        }
    }

    private static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException("Vector." + what + " " + value + " must be finite");
        }
    }

    /** NEURON's chkarg(Dt, 1e-9, 1e10). */
    private static void requireDt(String op, double dtMs) {
        if (!(dtMs >= 1e-9 && dtMs <= 1e10)) {
            throw new InvalidValueException("Vector." + op + ": Dt " + dtMs + " ms must be in [1e-9, 1e10]");
        }
    }

    private double sumOf(int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += data[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "Vector[" + size + "]";
    }
}

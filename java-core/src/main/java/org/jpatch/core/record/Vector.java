package org.jpatch.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.jpatch.core.ModelException;
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

    /** NEURON's hoc_epsilon: the slack of its equality tests (contains, eq, where). */
    public static final double HOC_EPSILON = 1e-11;

    private double[] data;
    private int size;
    /** NEURON's label(): shown by graphs, copied by cl(). */
    private String label;
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
        reserveForGrowth(values.length);
        System.arraycopy(values, 0, data, size, values.length);
        size += values.length;
        return this;
    }

    /** Appends the values of {@code other}; like NEURON, a vector cannot append itself. */
    public Vector append(Vector other) {
        if (other == this) {
            throw new ModelException("Vector.append: argument is the vector itself; it needs to be copied first");
        }
        reserveForGrowth(other.size);
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
            throw new ModelException("Vector.indgen: step " + step + " must be nonzero with |step| <= |end - start| = " + span);
        }
        double count = Math.floor((end - start) / step + INDGEN_EPSILON) + 1.0;
        if (count < 0) {
            throw new ModelException("Vector.indgen: step " + step + " leads away from end " + end + " (empty set)");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new ModelException("Vector.indgen: " + count + " elements is too large");
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
            throw new ModelException("Vector.div: division by zero");
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
            throw new ModelException("Vector.mean: size 0, must be > 0");
        }
        return sumOf(0, size) / size;
    }

    /** Sample variance (divisor n-1), NEURON's two-pass form. */
    public double var() {
        if (size < 2) {
            throw new ModelException("Vector.var: size " + size + ", must be > 1");
        }
        return varianceOf(0, size);
    }

    /** Sample standard deviation, sqrt(var()). */
    public double stdev() {
        if (size < 2) {
            throw new ModelException("Vector.stdev: size " + size + ", must be > 1");
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
            throw new ModelException("Vector.copy: dest_start " + destStart + " must be >= 0");
        }
        double[] values = src.toArray();
        if (size < destStart + values.length) {
            resize(destStart + values.length);
        }
        System.arraycopy(values, 0, data, destStart, values.length);
        return this;
    }

    // ---- NEURON's further methods (ivocvect.cpp); hoc_execerror there is a ModelException here

    public String label() {
        return label;
    }

    public Vector label(String text) {
        label = text;
        return this;
    }

    /** NEURON's c(start, end) / at(start, end): a new vector of elements start..end inclusive. */
    public Vector copyRange(int start, int end) {
        requireHocRange("c", start, end);
        return new Vector(Arrays.copyOfRange(data, start, end + 1));
    }

    /** Sum of squares, left to right (std::inner_product). */
    public double sumsq() {
        return dotRange(this, 0, size);
    }

    public double sumsq(int start, int end) {
        requireHocRange("sumsq", start, end);
        return dotRange(this, start, end + 1);
    }

    /**
     * NEURON's mean(start, end) returns {@code sum / end - start + 1} (operator precedence in
     * ivocvect.cpp v_mean, NEURON 9.0.2): reproduced, since scripts get that number there.
     */
    public double mean(int start, int end) {
        requireHocRange("mean", start, end);
        if (end - start < 1) {
            throw new ModelException("Vector.mean: end - start must be > 0, got start " + start + ", end " + end);
        }
        return sumOf(start, end + 1) / end - start + 1;
    }

    public double var(int start, int end) {
        requireHocRange("var", start, end);
        if (end - start < 1) {
            throw new ModelException("Vector.var: end - start must be > 0, got start " + start + ", end " + end);
        }
        return varianceOf(start, end + 1);
    }

    public double stdev(int start, int end) {
        return Math.sqrt(var(start, end));
    }

    /** Standard error of the mean: stdev / sqrt(n). */
    public double stderr() {
        if (size < 2) {
            throw new ModelException("Vector.stderr: size " + size + ", must be > 1");
        }
        return Math.sqrt(varianceOf(0, size)) / Math.sqrt(size);
    }

    public double stderr(int start, int end) {
        return stdev(start, end) / Math.sqrt(end - start + 1.0);
    }

    /** Σ x[i]·y[i] over this vector's size; y must be at least as long. */
    public double dot(Vector y) {
        if (y.size < size) {
            throw new ModelException("Vector.dot: argument has size " + y.size + ", needs at least " + size);
        }
        return dotRange(y, 0, size);
    }

    /** The Euclidean norm, sqrt(sumsq()). */
    public double mag() {
        return Math.sqrt(sumsq());
    }

    /** Mean of (x[i]-y[i])²·w[i] (w = 1 without weights) over this vector's size. */
    public double meansqerr(Vector y, Vector weights) {
        if (size == 0 || size > y.size) {
            throw new ModelException("Vector.meansqerr: argument has size " + y.size + ", needs at least " + size
                    + " (and this vector must not be empty)");
        }
        if (weights != null && size > weights.size) {
            throw new ModelException("Vector.meansqerr: weight vector has size " + weights.size + ", needs at least " + size);
        }
        double err = 0.0;
        for (int i = 0; i < size; i++) {
            double diff = data[i] - y.data[i];
            err += weights == null ? diff * diff : diff * diff * weights.data[i];
        }
        return err / size;
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    public double median() {
        if (size == 0) {
            throw new ModelException("Vector.median: size 0, must be > 0");
        }
        double[] sorted = toArray();
        Arrays.sort(sorted);
        int half = size / 2;
        return 2 * half == size ? (sorted[half - 1] + sorted[half]) / 2.0 : sorted[half];
    }

    /** True if some element is within {@link #HOC_EPSILON} of {@code value}. */
    public boolean contains(double value) {
        for (int i = 0; i < size; i++) {
            if (nearlyEqual(data[i], value)) {
                return true;
            }
        }
        return false;
    }

    /** Same size and every element within {@link #HOC_EPSILON}. */
    public boolean sameAs(Vector other) {
        if (other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!nearlyEqual(data[i], other.data[i])) {
                return false;
            }
        }
        return true;
    }

    /** NEURON's MyMath::eq(x, y, hoc_epsilon): strictly within epsilon. */
    static boolean nearlyEqual(double x, double y) {
        return x - y < HOC_EPSILON && y - x < HOC_EPSILON;
    }

    /** Ascending, NaN last (std::sort with operator< leaves NaN order unspecified). */
    public Vector sort() {
        Arrays.sort(data, 0, size);
        return this;
    }

    public Vector reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            double x = data[i];
            data[i] = data[j];
            data[j] = x;
        }
        return this;
    }

    /**
     * Shifts elements right by {@code r} (left when negative); with {@code wrap} they come round
     * to the other end, else the vacated places are 0 (NEURON's rotate(r, 0)).
     */
    public Vector rotate(int r, boolean wrap) {
        int n = size;
        if (n == 0) {
            return this;
        }
        boolean left = false;
        if (r > n) {
            r = r % n;
        }
        if (r < 0) {
            r = n - (Math.abs(r) % n);
            left = true;
        }
        if (r == 0) {
            return this;
        }
        int rest = n - r;
        double[] hold = new double[n];
        if (wrap) {
            System.arraycopy(data, 0, hold, r, rest);
            System.arraycopy(data, rest, hold, 0, r);
        } else if (!left) {
            System.arraycopy(data, 0, hold, r, rest);
        } else {
            System.arraycopy(data, rest, hold, 0, r);
        }
        System.arraycopy(hold, 0, data, 0, n);
        return this;
    }

    /** Inserts {@code values} before index {@code at} (0..size). */
    public Vector insert(int at, double[] values) {
        if (at < 0 || at > size) {
            throw new ModelException("Vector.insrt: index " + at + " out of range [0, " + size + "]");
        }
        reserveForGrowth(values.length);
        System.arraycopy(data, at, data, at + values.length, size - at);
        System.arraycopy(values, 0, data, at, values.length);
        size += values.length;
        return this;
    }

    /** Removes elements start..end inclusive. */
    public Vector remove(int start, int end) {
        requireHocRange("remove", start, end);
        System.arraycopy(data, end + 1, data, start, size - end - 1);
        size -= end - start + 1;
        return this;
    }

    /** NEURON's ind(indices): a new vector of this[indices[i]], skipping indices outside [0, size). */
    public Vector elementsAt(Vector indices) {
        Vector result = new Vector();
        for (int i = 0; i < indices.size; i++) {
            int k = (int) indices.data[i];
            if (k >= 0 && k < size) {
                result.append(data[k]);
            }
        }
        return result;
    }

    /** NEURON's index(source, indices): this[i] = source[indices[i]], 0 outside source. */
    public Vector gather(Vector source, Vector indices) {
        double[] values = source.toArray();
        int m = indices.size;
        double[] result = new double[m];
        for (int i = 0; i < m; i++) {
            int k = (int) indices.data[i];
            result[i] = k >= 0 && k < values.length ? values[k] : 0.0;
        }
        return fromArray(result);
    }

    /** NEURON's sortindex: the indices that sort this vector ascending (equal values keep their order). */
    public Vector sortIndex(Vector dest) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        double[] values = data;
        Arrays.sort(order, (a, b) -> values[a] > values[b] ? 1 : values[a] < values[b] ? -1 : 0);
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = order[i];
        }
        return dest.fromArray(result);
    }

    /** NEURON's scale(low, high): maps [min, max] onto [low, high]; returns the factor (0 if max == min). */
    public double scale(double low, double high) {
        if (size == 0) {
            return 0.0;
        }
        double min = data[minIndex()];
        double max = data[maxIndex()];
        double range = max - min;
        if (!(range > 0)) {
            return 0.0;
        }
        double factor = (high - low) / range;
        for (int i = 0; i < size; i++) {
            data[i] = (data[i] - min) * factor + low;
        }
        return factor;
    }

    /**
     * this[i] = f(source[i]) for every element of {@code source}, resized to its size
     * (NEURON's abs, sqrt, floor, log, log10, tanh with an optional source vector).
     */
    public Vector map(Vector source, DoubleUnaryOperator f) {
        int n = source.size;
        if (size != n) {
            resize(n);
        }
        double[] from = source.data;
        for (int i = 0; i < n; i++) {
            data[i] = f.applyAsDouble(from[i]);
        }
        return this;
    }

    /**
     * this[i] = source[i]^p with NEURON's exact forms for p = -1, 0, 0.5, 1, 2. For p = -1
     * NEURON refuses when this vector's element (not the source's) is 0, or is a new one (0)
     * after resizing to the source's size: the same calls are refused here, before anything
     * changes (NEURON has inverted the elements before the zero by then).
     */
    public Vector pow(Vector source, double p) {
        int n = source.size;
        if (p == -1) {
            for (int i = 0; i < n; i++) {
                if (i >= size || data[i] == 0) {
                    throw new ModelException("Vector.pow(-1): element " + i + " of the vector is 0");
                }
            }
        }
        if (size != n) {
            resize(n);
        }
        if (p == -1) {
            for (int i = 0; i < n; i++) {
                data[i] = 1 / source.data[i];
            }
        } else if (p == 0) {
            Arrays.fill(data, 0, n, 1.0);
        } else if (p == 0.5) {
            for (int i = 0; i < n; i++) {
                data[i] = hocSqrt(source.data[i]);
            }
        } else if (p == 1) {
            System.arraycopy(source.data, 0, data, 0, n);
        } else if (p == 2) {
            for (int i = 0; i < n; i++) {
                data[i] = source.data[i] * source.data[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                data[i] = Math.pow(source.data[i], p);
            }
        }
        return this;
    }

    /** hoc_Sqrt: a negative argument is an error, not NaN. */
    public static double hocSqrt(double x) {
        if (x < 0) {
            throw new ModelException("sqrt argument out of domain: " + x);
        }
        return Math.sqrt(x);
    }

    /** NEURON's sin(freq, phase, dx): this[i] = sin(2π·freq/1000·dx·i + phase), freq in Hz, dx in ms. */
    public Vector sine(double freqHz, double phaseRad, double dxMs) {
        double period = 2 * Math.PI / 1000 * freqHz * dxMs;
        for (int i = 0; i < size; i++) {
            data[i] = Math.sin(period * i + phaseRad);
        }
        return this;
    }

    /**
     * NEURON's copy(src, dest_start, src_start, src_end, dest_inc, src_inc): src[src_start..src_end]
     * every src_inc-th element to this from dest_start every dest_inc-th place, growing (zero-filled)
     * as needed but never shrinking; src_end -1 means src's last element.
     */
    public Vector copy(Vector src, int destStart, int srcStart, int srcEnd, int destInc, int srcInc) {
        int top = src.size - 1;
        if (srcStart < 0 || srcStart > top || srcEnd < -1 || srcEnd > top) {
            throw new ModelException("Vector.copy: source range " + srcStart + ".." + srcEnd + " out of [0, " + top + "]");
        }
        if (destStart < 0 || destInc < 1 || srcInc < 1) {
            throw new ModelException("Vector.copy: dest_start " + destStart + " must be >= 0, dest_inc " + destInc
                    + " and src_inc " + srcInc + " >= 1");
        }
        int end = srcEnd == -1 ? top : srcEnd;
        if (end < srcStart) {
            throw new ModelException("Vector.copy: src_end " + end + " smaller than src_start " + srcStart);
        }
        int needed = (end - srcStart) / srcInc * destInc + destStart + 1;
        if (size < needed) {
            resize(needed);
        }
        for (int i = srcStart, j = destStart; i <= end; i += srcInc, j += destInc) {
            data[j] = src.data[i];
        }
        return this;
    }

    /**
     * NEURON's copy(src, src_indices[, dest_indices]): this[d[i]] = src[s[i]] (d = s without
     * dest_indices), skipping indices outside either vector.
     */
    public Vector copyIndexed(Vector src, Vector srcIndices, Vector destIndices) {
        int ns = destIndices == null ? srcIndices.size : Math.min(srcIndices.size, destIndices.size);
        int nx = destIndices == null ? Math.min(src.size, size) : src.size;
        for (int i = 0; i < ns; ++i) {
            int ix = (int) (srcIndices.data[i] + HOC_EPSILON);
            int iy = destIndices == null ? ix : (int) (destIndices.data[i] + HOC_EPSILON);
            if (ix >= 0 && iy >= 0 && ix < nx && iy < size) {
                data[iy] = src.data[ix];
            }
        }
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

    /** True while some record or play item uses this vector. */
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

    /** Room for {@code more} elements, growing geometrically: appends stay amortised O(1). */
    private void reserveForGrowth(int more) {
        if (size + more > data.length) {
            grow(size + more);
        }
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
            throw new ModelException("Vector index " + i + " out of range for size " + size);
        }
        return i;
    }

    private void checkRange(int start, int end) {
        if (start < 0 || start >= size) {
            throw new ModelException("Vector start index " + start + " out of range for size " + size);
        }
        if (end < start || end >= size) {
            throw new ModelException("Vector end index " + end + " out of range [" + start + ", " + (size - 1) + "]");
        }
    }

    private void requireSameSize(String op, Vector other) {
        if (other.size != size) {
            throw new ModelException("Vector." + op + ": argument has size " + other.size + ", expected " + size);
        }
    }

    private static void requireSize(int n) {
        if (n < 0) {
            throw new ModelException("Vector size " + n + " must be >= 0");
        }
    }

    private static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new ModelException("Vector." + what + " " + value + " must be finite");
        }
    }

    /** NEURON's chkarg(Dt, 1e-9, 1e10). */
    private static void requireDt(String op, double dtMs) {
        if (!(dtMs >= 1e-9 && dtMs <= 1e10)) {
            throw new ModelException("Vector." + op + ": Dt " + dtMs + " ms must be in [1e-9, 1e10]");
        }
    }

    /** NEURON's chkarg on (start, end): 0 <= start <= end < size, a hoc error otherwise. */
    private void requireHocRange(String op, int start, int end) {
        if (start < 0 || start >= size || end < start || end >= size) {
            throw new ModelException("Vector." + op + ": range " + start + ".." + end + " out of [0, " + (size - 1) + "]");
        }
    }

    private double dotRange(Vector y, int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += data[i] * y.data[i];
        }
        return s;
    }

    /** Sample variance (divisor n-1) of [from, to), two passes as ivocvect.h var(). */
    private double varianceOf(int from, int to) {
        int n = to - from;
        double m = sumOf(from, to) / n;
        double accum = 0.0;
        for (int i = from; i < to; i++) {
            accum += (data[i] - m) * (data[i] - m);
        }
        return accum / (n - 1);
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

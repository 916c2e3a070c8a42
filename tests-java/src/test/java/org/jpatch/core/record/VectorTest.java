package org.jpatch.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.ModelException;
import org.junit.jupiter.api.Test;

class VectorTest {

    @Test
    void newVectorHasTheRequestedNumberOfZeros() {
        Vector v = new Vector(3);
        assertEquals(3, v.size());
        assertArrayEquals(new double[] {0, 0, 0}, v.toArray());
    }

    @Test
    void negativeSizeIsRejectedNamingTheSize() {
        ModelException e = assertThrows(ModelException.class, () -> new Vector(-2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        Vector v = Vector.of(1, 2);
        assertThrows(ModelException.class, () -> v.resize(-1));
        assertArrayEquals(new double[] {1, 2}, v.toArray());
    }

    @Test
    void resizeKeepsValuesAndZeroFillsGrowthEvenAfterShrinking() {
        Vector v = Vector.of(1, 2, 3, 4);
        v.resize(2);
        v.resize(4);
        assertArrayEquals(new double[] {1, 2, 0, 0}, v.toArray());
    }

    @Test
    void getAndSetOutsideTheSizeAreRejectedAndLeaveTheVectorUnchanged() {
        Vector v = Vector.of(5, 6);
        assertEquals(6, v.get(1));
        ModelException e = assertThrows(ModelException.class, () -> v.get(2));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertThrows(ModelException.class, () -> v.set(-1, 9));
        v.set(0, 7);
        assertArrayEquals(new double[] {7, 6}, v.toArray());
    }

    @Test
    void appendGrowsAmortisedAndDataIsTheLiveBackingArray() {
        Vector v = new Vector();
        int reallocations = 0;
        double[] last = v.data();
        for (int i = 0; i < 100_000; i++) {
            v.append(i);
            if (v.data() != last) {
                reallocations++;
                last = v.data();
            }
        }
        assertEquals(100_000, v.size());
        assertTrue(reallocations < 40, "reallocations: " + reallocations);
        v.data()[5] = -1;
        assertEquals(-1, v.get(5));
        assertTrue(v.data().length >= v.size());
    }

    @Test
    void appendingArraysVectorsAndInsertsOneAtATimeGrowsAmortised() {
        // Vector.append(x, …) and insrt through the registry arrive as arrays: each must not reallocate
        Vector v = new Vector();
        Vector one = Vector.of(1);
        int reallocations = 0;
        double[] last = v.data();
        for (int i = 0; i < 30_000; i++) {
            switch (i % 3) {
                case 0 -> v.append(new double[] {i});
                case 1 -> v.append(one);
                default -> v.insert(v.size() / 2, new double[] {i});
            }
            if (v.data() != last) {
                reallocations++;
                last = v.data();
            }
        }
        assertEquals(30_000, v.size());
        assertTrue(reallocations < 40, "reallocations: " + reallocations);
    }

    @Test
    void appendTakesValuesAndVectorsButNotItself() {
        Vector v = Vector.of(1).append(2, 3).append(Vector.of(4, 5));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, v.toArray());
        assertThrows(ModelException.class, () -> v.append(v));
        assertEquals(5, v.size());
    }

    @Test
    void fillSetsAllOrAnInclusiveRange() {
        Vector v = new Vector(5).fill(2);
        assertArrayEquals(new double[] {2, 2, 2, 2, 2}, v.toArray());
        v.fill(7, 1, 3);
        assertArrayEquals(new double[] {2, 7, 7, 7, 2}, v.toArray());
        assertThrows(ModelException.class, () -> v.fill(0, 3, 5));
        assertThrows(ModelException.class, () -> v.fill(0, 3, 2));
        assertArrayEquals(new double[] {2, 7, 7, 7, 2}, v.toArray());
    }

    @Test
    void indgenFormsFollowNeuron() {
        assertArrayEquals(new double[] {0, 1, 2, 3}, new Vector(4).indgen().toArray());
        assertArrayEquals(new double[] {0, 0.5, 1.0}, new Vector(3).indgen(0.5).toArray());
        assertArrayEquals(new double[] {10, 12, 14}, new Vector(3).indgen(10, 2).toArray());
        // indgen(start, end, step) resizes: floor((end-start)/step + 1e-9) + 1 elements
        Vector v = new Vector().indgen(0, 1, 0.1);
        assertEquals(11, v.size());
        assertEquals(10 * 0.1, v.get(10));
        assertArrayEquals(new double[] {5, 4, 3}, new Vector().indgen(5, 3, -1).toArray());
    }

    @Test
    void indgenRejectsStepsLargerThanTheSpanOrAwayFromTheEnd() {
        Vector v = Vector.of(1, 2);
        assertThrows(ModelException.class, () -> v.indgen(0, 1, 2));
        assertThrows(ModelException.class, () -> v.indgen(0, 1, -0.5));
        assertThrows(ModelException.class, () -> v.indgen(0, 1, 0));
        assertArrayEquals(new double[] {1, 2}, v.toArray());
    }

    @Test
    void arithmeticByScalarAndVector() {
        Vector v = Vector.of(1, 2, 3);
        v.add(1).mul(2).sub(1).div(2);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, v.toArray());
        v.add(Vector.of(1, 1, 1)).mul(Vector.of(2, 2, 2)).sub(Vector.of(1, 2, 3)).div(Vector.of(1, 2, 4));
        assertArrayEquals(new double[] {4, 2.5, 1.5}, v.toArray());
    }

    @Test
    void vectorArithmeticWithADifferentSizeIsRejectedAndChangesNothing() {
        Vector v = Vector.of(1, 2, 3);
        ModelException e = assertThrows(ModelException.class, () -> v.add(Vector.of(1, 2)));
        assertTrue(e.getMessage().contains("size 2"), e.getMessage());
        assertThrows(ModelException.class, () -> v.sub(new Vector()));
        assertThrows(ModelException.class, () -> v.mul(Vector.of(1, 2, 3, 4)));
        assertThrows(ModelException.class, () -> v.div(Vector.of(1)));
        assertArrayEquals(new double[] {1, 2, 3}, v.toArray());
    }

    @Test
    void scalarDivisionByZeroIsRejected() {
        Vector v = Vector.of(1, 2);
        assertThrows(ModelException.class, () -> v.div(0.0));
        assertArrayEquals(new double[] {1, 2}, v.toArray());
    }

    @Test
    void sumMeanAndSampleStandardDeviation() {
        Vector v = Vector.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(40, v.sum());
        assertEquals(5, v.mean());
        assertEquals(32.0 / 7.0, v.var(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7.0), v.stdev(), 1e-15);
        assertEquals(12, v.sum(1, 3));
        assertEquals(0, new Vector().sum());
    }

    @Test
    void meanOfEmptyAndStdevOfFewerThanTwoAreRejected() {
        assertThrows(ModelException.class, () -> new Vector().mean());
        assertThrows(ModelException.class, () -> Vector.of(1).stdev());
    }

    @Test
    void minMaxAndTheirFirstIndices() {
        Vector v = Vector.of(3, -1, 4, -1, 5, 5);
        assertEquals(-1, v.min());
        assertEquals(1, v.minIndex());
        assertEquals(5, v.max());
        assertEquals(4, v.maxIndex());
        assertEquals(3, v.minIndex(2, 4));
        assertEquals(4, v.max(0, 2));
        assertEquals(0, new Vector().min());
        assertEquals(-1, new Vector().minIndex());
        assertEquals(-1, new Vector().maxIndex());
        assertThrows(ModelException.class, () -> v.min(4, 6));
    }

    @Test
    void copiesAreIndependent() {
        Vector a = Vector.of(1, 2, 3);
        Vector c = a.copy();
        assertNotSame(a, c);
        c.set(0, 9);
        assertEquals(1, a.get(0));
        Vector b = Vector.of(7, 7, 7, 7, 7);
        assertSame(b, b.copy(a));
        assertArrayEquals(new double[] {1, 2, 3}, b.toArray());
        Vector d = Vector.of(7, 7, 7, 7, 7).copy(Vector.of(1, 2), 2);
        assertArrayEquals(new double[] {7, 7, 1, 2, 7}, d.toArray());
        Vector e = Vector.of(7).copy(Vector.of(1, 2), 2);
        assertArrayEquals(new double[] {7, 0, 1, 2}, e.toArray());
    }

    @Test
    void fromAndToDoubleArraysCopy() {
        double[] values = {1, 2, 3};
        Vector v = new Vector(values);
        values[0] = 9;
        assertEquals(1, v.get(0));
        double[] out = v.toArray();
        out[1] = 9;
        assertEquals(2, v.get(1));
        v.fromArray(new double[] {4, 5});
        assertArrayEquals(new double[] {4, 5}, v.toArray());
    }
}

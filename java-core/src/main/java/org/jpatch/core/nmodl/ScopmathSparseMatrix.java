package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scopmath's sparse matrix (NEURON's sparse_thread.hpp, SparseObj) for one KINETIC block:
 * the elements a block's equations touch, linked by row and column in solution order; the
 * minimum-degree ordering, with its fill-ins, made once after the first evaluation; and
 * the elimination (matsol: subrow, bksub) in that order, operation for operation, so a
 * solve gives NEURON's bits. Rows and columns are numbered from 1 inside, as scopmath's;
 * the generated equations address them from 0.
 *
 * <p>The linked structure exists only to build and order the matrix. Once ordered, each
 * element is a slot of {@link #values()} ({@link #at} finds it, as nocmodl's generated
 * code finds its element in the coefficient list scopmath made at the first call), and
 * the elimination is a fixed sequence of slot operations read from flat int arrays: a
 * solve walks no links and allocates nothing.
 */
public final class ScopmathSparseMatrix {
    private static final double ROUNDOFF = 1.e-20;  // scopmath errcodes.h

    private static final class Elm {
        int row, col;
        Elm rUp, rDown, cLeft, cRight;
        int slot;  // in values, once ordered
    }

    /** An entry of the order list: a row's count of elements, for the minimum-degree choice. */
    private static final class Item {
        Elm elm;
        int norder;
        Item next, prev;
    }

    private final int neqn;
    private final Elm[] rowst, diag;  // by solution order, 1..neqn
    private final int[] varord;       // solution order of each row and column, 1..neqn
    private final Elm[][] at;         // the element of (row, col), 1-based; null where none
    private final List<Elm> elements = new ArrayList<>();
    private Item[] roworder;
    private Item orderlist;
    private boolean doFlag;

    /** Slot of 0-based (row, col) at row * neqn + col, -1 where no element; all -1 until ordered. */
    private final int[] slots;
    /** The elements' values once ordered; before, one scratch slot every (discovering) access writes. */
    private double[] values = new double[1];
    private boolean ordered;
    // matsol, as slot operations: pivot p (solution order) at slot pivot[p], its row's rhs at pivotRow[p];
    // the rows below it, subrows [subStart[p], subStart[p + 1]) of element subSlot and rhs subRow, each
    // updating elements [updateStart[s], updateStart[s + 1]): updateTarget -= updateSource · ratio
    private int[] pivot, pivotRow, subStart, subSlot, subRow, updateStart, updateTarget, updateSource;
    // bksub: for pivot p, elements [backStart[p], backStart[p + 1]) right of it: rhs[backRow] -= value · rhs[backCol]
    private int[] backStart, backSlot, backRow, backCol;

    public ScopmathSparseMatrix(int n) {
        neqn = n;
        rowst = new Elm[n + 1];
        diag = new Elm[n + 1];
        varord = new int[n + 1];
        at = new Elm[n + 1][n + 1];
        slots = new int[n * n];
        Arrays.fill(slots, -1);
        for (int i = 1; i <= n; i++) {  // initeqn
            varord[i] = i;
            Elm d = new Elm();
            d.row = i;
            d.col = i;
            diag[i] = d;
            rowst[i] = d;
            at[i][i] = d;
            elements.add(d);
        }
    }

    /** Whether the ordering is made: the first evaluation has shown every element. */
    public boolean ordered() {
        return ordered;
    }

    /**
     * The slot in {@link #values()} of the element at 0-based (row, col). Before ordering,
     * this links the element in (scopmath's getelm at the first call) and answers the
     * scratch slot 0; once ordered, an element the first evaluation did not name is an error
     * (NEURON's generated code would take another element's place in its coefficient list).
     */
    public int at(int row, int col) {
        int slot = slots[row * neqn + col];
        return slot >= 0 ? slot : discover(row, col);
    }

    private int discover(int row, int col) {
        if (ordered) {
            throw new IllegalStateException("KINETIC matrix element (" + row + ", " + col + ") was not named by the"
                    + " block's first evaluation, which fixed the matrix's structure");
        }
        element(row, col);
        return 0;
    }

    /** The element values, by {@link #at}'s slots; the array is replaced once, when the matrix is ordered. */
    public double[] values() {
        return values;
    }

    /** init_coef_list: every element to 0 before the block fills them. */
    public void clear() {
        Arrays.fill(values, 0.);
    }

    /** spar_minorder, once the first evaluation has created the block's elements; then the slots and the solve's plan. */
    public void order() {
        initMinorder();
        for (int i = 1; i <= neqn; i++) {
            getNextPivot(i);
        }
        doFlag = false;
        plan();
        ordered = true;
    }

    /**
     * matsol: triangularization in solution order, then back substitution; {@code rhs}
     * (row i at index i - 1) becomes the solution. False, leaving rhs half done, for a
     * pivot of magnitude at most 1e-20 (scopmath's SINGULAR).
     */
    public boolean solve(double[] rhs) {
        double[] v = values;
        for (int p = 0; p < neqn; p++) {
            double pivotValue = v[pivot[p]];
            if (Math.abs(pivotValue) <= ROUNDOFF) {
                return false;
            }
            double pivotRhs = rhs[pivotRow[p]];
            for (int s = subStart[p], end = subStart[p + 1]; s < end; s++) {  // subrow
                double r = v[subSlot[s]] / pivotValue;
                rhs[subRow[s]] -= pivotRhs * r;
                for (int u = updateStart[s], last = updateStart[s + 1]; u < last; u++) {
                    v[updateTarget[u]] -= v[updateSource[u]] * r;
                }
            }
        }
        for (int p = neqn - 1; p >= 0; p--) {  // bksub
            for (int b = backStart[p], end = backStart[p + 1]; b < end; b++) {
                rhs[backRow[b]] -= v[backSlot[b]] * rhs[backCol[b]];
            }
            rhs[pivotRow[p]] /= v[pivot[p]];
        }
        return true;
    }

    /** Slots for every element, and matsol's walk along the links, once, as the slot operations it does. */
    private void plan() {
        for (int i = 0; i < elements.size(); i++) {
            Elm el = elements.get(i);
            el.slot = i;
            slots[(el.row - 1) * neqn + el.col - 1] = i;
        }
        values = new double[elements.size()];
        pivot = new int[neqn];
        pivotRow = new int[neqn];
        subStart = new int[neqn + 1];
        backStart = new int[neqn + 1];
        List<int[]> subs = new ArrayList<>();     // {slot, rhs row}
        List<int[]> updates = new ArrayList<>();  // {target, source}
        List<Integer> updateStarts = new ArrayList<>();
        List<int[]> backs = new ArrayList<>();    // {slot, rhs row, rhs col}
        for (int i = 1; i <= neqn; i++) {
            Elm p = diag[i];
            pivot[i - 1] = p.slot;
            pivotRow[i - 1] = p.row - 1;
            subStart[i - 1] = subs.size();
            for (Elm el = p.rDown; el != null; el = el.rDown) {
                subs.add(new int[] {el.slot, el.row - 1});
                updateStarts.add(updates.size());
                Elm rowsub = el;
                for (Elm source = p.cRight; source != null; source = source.cRight) {
                    do {
                        rowsub = rowsub.cRight;
                    } while (rowsub.col != source.col);
                    updates.add(new int[] {rowsub.slot, source.slot});
                }
            }
            backStart[i - 1] = backs.size();
            for (Elm el = p.cRight; el != null; el = el.cRight) {
                backs.add(new int[] {el.slot, el.row - 1, el.col - 1});
            }
        }
        subStart[neqn] = subs.size();
        backStart[neqn] = backs.size();
        updateStarts.add(updates.size());
        subSlot = column(subs, 0);
        subRow = column(subs, 1);
        updateStart = updateStarts.stream().mapToInt(Integer::intValue).toArray();
        updateTarget = column(updates, 0);
        updateSource = column(updates, 1);
        backSlot = column(backs, 0);
        backRow = column(backs, 1);
        backCol = column(backs, 2);
    }

    private static int[] column(List<int[]> rows, int c) {
        int[] column = new int[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i)[c];
        }
        return column;
    }

    /** The element at 0-based (row, col), linked in (scopmath's getelm) when the block first names it. */
    private Elm element(int row, int col) {
        Elm el = at[row + 1][col + 1];
        return el != null ? el : getelm(row + 1, col + 1, null);
    }

    private Elm getelm(int row, int col, Elm newElm) {
        int vrow = varord[row], vcol = varord[col];
        if (vrow == vcol) {
            return diag[vrow];
        }
        Elm el, elnext;
        if (vrow > vcol) {  // lower triangle: search down from diag[vcol]
            for (el = diag[vcol];; el = elnext) {
                elnext = el.rDown;
                if (elnext == null) {
                    break;
                } else if (elnext.row == row) {
                    return elnext;
                } else if (varord[elnext.row] > vrow) {
                    break;
                }
            }
            if (newElm == null) {
                newElm = create(row);
            }
            newElm.rDown = el.rDown;
            el.rDown = newElm;
            newElm.rUp = el;
            if (newElm.rDown != null) {
                newElm.rDown.rUp = newElm;
            }
            for (el = diag[vrow];; el = elnext) {  // search left from diag[vrow]
                elnext = el.cLeft;
                if (elnext == null || varord[elnext.col] < vcol) {
                    break;
                }
            }
            newElm.cLeft = el.cLeft;
            el.cLeft = newElm;
            newElm.cRight = el;
            if (newElm.cLeft != null) {
                newElm.cLeft.cRight = newElm;
            } else {
                rowst[vrow] = newElm;
            }
        } else {  // upper triangle: search up from diag[vcol]
            for (el = diag[vcol];; el = elnext) {
                elnext = el.rUp;
                if (elnext == null) {
                    break;
                } else if (elnext.row == row) {
                    return elnext;
                } else if (varord[elnext.row] < vrow) {
                    break;
                }
            }
            if (newElm == null) {
                newElm = create(row);
            }
            newElm.rUp = el.rUp;
            el.rUp = newElm;
            newElm.rDown = el;
            if (newElm.rUp != null) {
                newElm.rUp.rDown = newElm;
            }
            for (el = diag[vrow];; el = elnext) {  // search right from diag[vrow]
                elnext = el.cRight;
                if (elnext == null || varord[elnext.col] > vcol) {
                    break;
                }
            }
            newElm.cRight = el.cRight;
            el.cRight = newElm;
            newElm.cLeft = el;
            if (newElm.cRight != null) {
                newElm.cRight.cLeft = newElm;
            }
        }
        newElm.row = row;
        newElm.col = col;
        at[row][col] = newElm;
        return newElm;
    }

    private Elm create(int row) {
        Elm el = new Elm();
        elements.add(el);
        increaseOrder(row);
        return el;
    }

    private void initMinorder() {
        doFlag = true;
        roworder = new Item[neqn + 1];
        orderlist = new Item();
        orderlist.next = orderlist;
        orderlist.prev = orderlist;
        for (int i = 1; i <= neqn; i++) {
            roworder[i] = new Item();
        }
        for (int i = 1; i <= neqn; i++) {
            int j = 0;
            for (Elm el = rowst[i]; el != null; el = el.cRight) {
                j++;
            }
            Item item = roworder[diag[i].row];
            item.elm = diag[i];
            item.norder = j;
            insert(item);
        }
    }

    /** Before the first item of at least its order: ties go to the most recently inserted. */
    private void insert(Item item) {
        Item i;
        for (i = orderlist.next; i != orderlist; i = i.next) {
            if (i.norder >= item.norder) {
                break;
            }
        }
        item.prev = i.prev;
        item.next = i;
        i.prev = item;
        item.prev.next = item;
    }

    private static void deletion(Item item) {
        item.next.prev = item.prev;
        item.prev.next = item.next;
        item.prev = null;
        item.next = null;
    }

    private void increaseOrder(int row) {
        if (!doFlag) {
            return;
        }
        Item order = roworder[row];
        deletion(order);
        order.norder++;
        insert(order);
    }

    private void reduceOrder(int row) {
        if (!doFlag) {
            return;
        }
        Item order = roworder[row];
        deletion(order);
        order.norder--;
        insert(order);
    }

    private void getNextPivot(int i) {
        Item order = orderlist.next;
        int j = varord[order.elm.row];
        if (j != i) {  // push the orders down by 1 and put the new diagonal in the empty slot
            Elm el = rowst[j];
            for (; j > i; j--) {
                diag[j] = diag[j - 1];
                rowst[j] = rowst[j - 1];
                varord[diag[j].row] = j;
            }
            diag[i] = order.elm;
            rowst[i] = el;
            varord[diag[i].row] = i;
            reLink(i);
        }
        for (Elm el = diag[i].rDown; el != null; el = el.rDown) {  // the fill-ins elimination needs
            for (Elm pivot = diag[i].cRight; pivot != null; pivot = pivot.cRight) {
                getelm(el.row, pivot.col, null);
            }
            reduceOrder(el.row);
        }
        deletion(order);
    }

    /** Row links are out of order for diag[i]'s column and column links for its row: relink by getelm. */
    private void reLink(int i) {
        for (Elm el = rowst[i]; el != null; el = el.cRight) {
            if (el.rUp != null) {
                el.rUp.rDown = el.rDown;
            }
            if (el.rDown != null) {
                el.rDown.rUp = el.rUp;
            }
        }
        for (Elm el = diag[i].rDown; el != null; el = el.rDown) {
            unlinkFromRow(el);
        }
        for (Elm el = diag[i].rUp; el != null; el = el.rUp) {
            unlinkFromRow(el);
        }
        rowst[i] = diag[i];
        Elm dright = diag[i].cRight, dleft = diag[i].cLeft, dup = diag[i].rUp, ddown = diag[i].rDown;
        diag[i].cRight = diag[i].cLeft = null;
        diag[i].rUp = diag[i].rDown = null;
        for (Elm el = dright, next; el != null; el = next) {
            next = el.cRight;
            getelm(el.row, el.col, el);
        }
        for (Elm el = dleft, next; el != null; el = next) {
            next = el.cLeft;
            getelm(el.row, el.col, el);
        }
        for (Elm el = dup, next; el != null; el = next) {
            next = el.rUp;
            getelm(el.row, el.col, el);
        }
        for (Elm el = ddown, next; el != null; el = next) {
            next = el.rDown;
            getelm(el.row, el.col, el);
        }
    }

    private void unlinkFromRow(Elm el) {
        if (el.cRight != null) {
            el.cRight.cLeft = el.cLeft;
        }
        if (el.cLeft != null) {
            el.cLeft.cRight = el.cRight;
        } else {
            rowst[varord[el.row]] = el.cRight;
        }
    }
}

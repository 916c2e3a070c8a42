package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;

/**
 * scopmath's sparse matrix (NEURON's sparse_thread.hpp, SparseObj) for one KINETIC block:
 * the elements a block's equations touch, linked by row and column in solution order; the
 * minimum-degree ordering, with its fill-ins, made once after the first evaluation; and
 * the elimination (matsol: subrow, bksub) in that order, operation for operation, so a
 * solve gives NEURON's bits. Rows and columns are numbered from 1 inside, as scopmath's;
 * the generated equations address them from 0. Elements are created while the structure
 * is built, never in a step.
 */
public final class ScopmathSparseMatrix {
    private static final double ROUNDOFF = 1.e-20;  // scopmath errcodes.h

    private static final class Elm {
        int row, col;
        double value;
        Elm rUp, rDown, cLeft, cRight;
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
    private boolean ordered;

    public ScopmathSparseMatrix(int n) {
        neqn = n;
        rowst = new Elm[n + 1];
        diag = new Elm[n + 1];
        varord = new int[n + 1];
        at = new Elm[n + 1][n + 1];
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

    public void add(int row, int col, double value) {
        element(row, col).value += value;
    }

    public void subtract(int row, int col, double value) {
        element(row, col).value -= value;
    }

    public void set(int row, int col, double value) {
        element(row, col).value = value;
    }

    public void scale(int row, int col, double factor) {
        element(row, col).value *= factor;
    }

    /** init_coef_list: every element to 0 before the block fills them. */
    public void clear() {
        for (Elm el : elements) {
            el.value = 0.;
        }
    }

    /** spar_minorder, once the first evaluation has created the block's elements. */
    public void order() {
        initMinorder();
        for (int i = 1; i <= neqn; i++) {
            getNextPivot(i);
        }
        doFlag = false;
        ordered = true;
    }

    /**
     * matsol: triangularization in solution order, then back substitution; {@code rhs}
     * (row i at index i - 1) becomes the solution. False, leaving rhs half done, for a
     * pivot of magnitude at most 1e-20 (scopmath's SINGULAR).
     */
    public boolean solve(double[] rhs) {
        for (int i = 1; i <= neqn; i++) {
            Elm pivot = diag[i];
            if (Math.abs(pivot.value) <= ROUNDOFF) {
                return false;
            }
            for (Elm el = pivot.rDown; el != null; el = el.rDown) {
                subrow(rhs, pivot, el);
            }
        }
        for (int i = neqn; i >= 1; i--) {
            for (Elm el = diag[i].cRight; el != null; el = el.cRight) {
                rhs[el.row - 1] -= el.value * rhs[el.col - 1];
            }
            rhs[diag[i].row - 1] /= diag[i].value;
        }
        return true;
    }

    private static void subrow(double[] rhs, Elm pivot, Elm rowsub) {
        double r = rowsub.value / pivot.value;
        rhs[rowsub.row - 1] -= rhs[pivot.row - 1] * r;
        for (Elm el = pivot.cRight; el != null; el = el.cRight) {
            do {
                rowsub = rowsub.cRight;
            } while (rowsub.col != el.col);
            rowsub.value -= el.value * r;
        }
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

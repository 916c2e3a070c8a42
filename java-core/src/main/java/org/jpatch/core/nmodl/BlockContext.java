package org.jpatch.core.nmodl;

/**
 * Which kind of block the statements being parsed belong to: nocmodl accepts some
 * statements only in some blocks (reactions in KINETIC, TABLE in FUNCTION/PROCEDURE,
 * WATCH's INITIAL and FOR_NETCONS in NET_RECEIVE) and reads '~' by it.
 */
enum BlockContext {
    INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, LINEAR, NONLINEAR, DISCRETE, FUNCTION, PROCEDURE, NET_RECEIVE,
    CONSTRUCTOR, DESTRUCTOR, BEFORE_AFTER;

    boolean allowsEquations() {
        return this == LINEAR || this == NONLINEAR || this == DERIVATIVE;
    }
}

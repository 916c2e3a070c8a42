package org.jpatch.core.nmodl.ast;

/** A formal argument of a FUNCTION, PROCEDURE, NET_RECEIVE or FOR_NETCONS, with its unit or null. */
public record Argument(String name, String unit, SourcePosition position) {}

package org.jpatch.core.nmodl;

import java.util.Map;
import java.util.stream.Collectors;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.Expression.Binary;
import org.jpatch.core.nmodl.ast.Expression.NumberLiteral;

/**
 * Java source for an NMODL expression. Every value is a double, as in nocmodl's C (it
 * writes integer literals as {@code 3.0}); relations and logic give 1.0 or 0.0.
 * Parentheses follow the tree, so Java evaluates the same operations in the same order.
 */
final class JavaExpressionWriter {
    /** Maps names (variables, user functions) to Java text in the current scope. */
    interface Names {
        String variable(Expression.VariableRef ref);

        /** The Java method a user FUNCTION/PROCEDURE compiles to, or null. */
        String function(String name);

        /** Java text that is 1.0 when POINTER {@code name} points somewhere, else 0.0; null when it is no POINTER. */
        default String pointing(String name) {
            return null;
        }
    }

    /** C math and scopmath functions NMODL files may call, and what computes each here. */
    private static final Map<String, String> MATH = Map.ofEntries(
            Map.entry("exp", "org.jpatch.core.nmodl.NmodlRuntime.exp"), Map.entry("fabs", "Math.abs"),
            Map.entry("sqrt", "Math.sqrt"), Map.entry("log", "Math.log"), Map.entry("log10", "Math.log10"),
            Map.entry("pow", "Math.pow"), Map.entry("sin", "Math.sin"), Map.entry("cos", "Math.cos"),
            Map.entry("tan", "Math.tan"), Map.entry("asin", "Math.asin"), Map.entry("acos", "Math.acos"),
            Map.entry("atan", "Math.atan"), Map.entry("atan2", "Math.atan2"), Map.entry("sinh", "Math.sinh"),
            Map.entry("cosh", "Math.cosh"), Map.entry("tanh", "Math.tanh"), Map.entry("floor", "Math.floor"),
            Map.entry("ceil", "Math.ceil"), Map.entry("fmod", "org.jpatch.core.nmodl.NmodlRuntime.fmod"),
            Map.entry("erf", "org.jpatch.core.nmodl.NmodlRuntime.erf"),
            Map.entry("erfc", "org.jpatch.core.nmodl.NmodlRuntime.erfc"),
            Map.entry("scop_random", "org.jpatch.core.nmodl.NmodlRuntime.scopRandom"),
            Map.entry("set_seed", "org.jpatch.core.nmodl.NmodlRuntime.setSeed"),
            Map.entry("exprand", "org.jpatch.core.nmodl.NmodlRuntime.exprand"),
            Map.entry("normrand", "org.jpatch.core.nmodl.NmodlRuntime.normrand"));

    private final Names names;

    JavaExpressionWriter(Names names) {
        this.names = names;
    }

    String write(Expression e) {
        if (e instanceof NumberLiteral n) {
            return literal(n);
        }
        if (e instanceof Expression.VariableRef v) {
            return names.variable(v);
        }
        if (e instanceof Expression.Unary u) {
            String operand = write(u.operand());
            return u.operator() == Expression.UnaryOperator.NEGATE ? "(-" + operand + ")"
                    : "((" + operand + ") == 0.0 ? 1.0 : 0.0)";
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Expression.Call c) {
            return call(c);
        }
        throw new NmodlSyntaxException(e.position(), "a string is allowed only as a function argument");
    }

    /** A condition for Java's if/while: nonzero is true, as in C. */
    String condition(Expression e) {
        return "(" + write(e) + ") != 0.0";
    }

    private String binary(Binary b) {
        String l = write(b.left());
        String r = write(b.right());
        return switch (b.operator()) {
            case ADD -> "(" + l + " + " + r + ")";
            case SUBTRACT -> "(" + l + " - " + r + ")";
            case MULTIPLY -> "(" + l + " * " + r + ")";
            case DIVIDE -> "(" + l + " / " + r + ")";
            case POWER -> "Math.pow(" + l + ", " + r + ")";
            case GREATER -> relation(l, ">", r);
            case GREATER_EQUAL -> relation(l, ">=", r);
            case LESS -> relation(l, "<", r);
            case LESS_EQUAL -> relation(l, "<=", r);
            case EQUAL -> relation(l, "==", r);
            case NOT_EQUAL -> relation(l, "!=", r);
            case AND -> "((" + l + ") != 0.0 && (" + r + ") != 0.0 ? 1.0 : 0.0)";
            case OR -> "((" + l + ") != 0.0 || (" + r + ") != 0.0 ? 1.0 : 0.0)";
        };
    }

    private static String relation(String l, String op, String r) {
        return "(" + l + " " + op + " " + r + " ? 1.0 : 0.0)";
    }

    private String call(Expression.Call c) {
        if (c.function().equals("at_time") && names.function("at_time") == null) {
            return atTime(c);
        }
        if (c.function().equals("nrn_ghk") && names.function("nrn_ghk") == null) {
            return ghk(c);
        }
        if (c.function().equals("nrn_pointing") && names.function("nrn_pointing") == null) {
            return pointing(c);
        }
        String target = names.function(c.function());
        if (target == null) {
            target = MATH.get(c.function());
        }
        if (target == null) {
            throw new NmodlSyntaxException(c.position(), "function " + c.function()
                    + " is neither defined in this file nor one jpatch's translator supports yet");
        }
        return target + "(" + c.arguments().stream().map(this::write).collect(Collectors.joining(", ")) + ")";
    }

    /** NEURON's at_time(te) under the fixed step: whether te is in the step ending at t (it reads t and dt). */
    private String atTime(Expression.Call c) {
        if (c.arguments().size() != 1) {
            throw new NmodlSyntaxException(c.position(), "at_time takes one argument, the event time");
        }
        String t = names.variable(new Expression.VariableRef("t", 0, null, c.position()));
        String dt = names.variable(new Expression.VariableRef("dt", 0, null, c.position()));
        return "org.jpatch.core.nmodl.NmodlRuntime.atTime(" + t + ", " + dt + ", " + write(c.arguments().get(0)) + ")";
    }

    /** nrn_pointing(p): whether POINTER p was set (nocmodl tests its pointer for null). */
    private String pointing(Expression.Call c) {
        String pointing = c.arguments().size() == 1 && c.arguments().get(0) instanceof Expression.VariableRef ref
                && ref.index() == null ? names.pointing(ref.name()) : null;
        if (pointing == null) {
            throw new NmodlSyntaxException(c.position(), "nrn_pointing takes one argument, a POINTER variable");
        }
        return pointing;
    }

    /** nrn_ghk(v, ci, co, z) reads celsius as well. */
    private String ghk(Expression.Call c) {
        if (c.arguments().size() != 4) {
            throw new NmodlSyntaxException(c.position(), "nrn_ghk takes four arguments (v, ci, co, z), got "
                    + c.arguments().size());
        }
        String celsius = names.variable(new Expression.VariableRef("celsius", 0, null, c.position()));
        return "org.jpatch.core.nmodl.NmodlRuntime.ghk(" + c.arguments().stream().map(this::write)
                .collect(Collectors.joining(", ")) + ", " + celsius + ")";
    }

    /** The literal's own digits, so javac rounds it as the C compiler does; integers get ".0" like nocmodl. */
    private static String literal(NumberLiteral n) {
        String text = n.text();
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (digits.chars().allMatch(Character::isDigit)) {
            digits = digits + ".0";
        }
        return negative ? "(-" + digits + ")" : digits;
    }
}

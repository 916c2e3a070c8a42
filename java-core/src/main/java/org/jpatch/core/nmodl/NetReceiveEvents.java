package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The event calls NET_RECEIVE may make besides net_send, as Java lines of a generated
 * kernel: {@code net_event}, {@code net_move} and WATCH. WATCH conditions are numbered
 * in the order the translator meets them (nocmodl's _watch1_cond, _watch2_cond, ...)
 * and evaluated by the kernel's {@code watchValue}.
 */
final class NetReceiveEvents {
    /** The local that is true until NET_RECEIVE's first WATCH statement ran (nocmodl's _watch_rm == 0). */
    static final String WATCH_REPLACES = "watchReplaces";

    private final JavaExpressionWriter expressions;
    /** Java text of each WATCH condition's value, above 0 when it holds. */
    private final List<String> conditions = new ArrayList<>();

    NetReceiveEvents(JavaExpressionWriter expressions) {
        this.expressions = expressions;
    }

    /** {@code net_event(time)}: the instance's NetCons fire at {@code time} [ms]. */
    String netEvent(Expression.Call call) {
        requireArguments(call, 1, "net_event takes one argument, the time");
        return "events.netEvent(data.type, k, " + expressions.write(call.arguments().get(0)) + ");";
    }

    /** {@code net_move(time)}: the pending flag-1 self-event moves to {@code time} [ms]. */
    String netMove(Expression.Call call) {
        requireArguments(call, 1, "net_move takes one argument, the new time");
        return "events.netMove(data.type, k, " + expressions.write(call.arguments().get(0)) + ");";
    }

    /**
     * {@code WATCH (a > b) flag, ...}: one activation per condition; the first one a
     * NET_RECEIVE call executes replaces what the instance watched before. The conditions
     * are evaluated outside NET_RECEIVE, so {@code fileScope} writes them (t is the step's).
     */
    List<String> watch(Statement.Watch watch, Function<Expression, String> fileScope) {
        List<String> lines = new ArrayList<>();
        for (Statement.WatchCondition condition : watch.conditions()) {
            String difference = "(" + fileScope.apply(condition.left()) + ") - ("
                    + fileScope.apply(condition.right()) + ")";
            conditions.add(condition.above() ? difference : "-(" + difference + ")");
            lines.add("events.watch(data.type, k, " + (conditions.size() - 1) + ", "
                    + expressions.write(condition.flag()) + ", " + WATCH_REPLACES + ");");
            lines.add(WATCH_REPLACES + " = false;");
        }
        return lines;
    }

    boolean hasWatches() {
        return !conditions.isEmpty();
    }

    /**
     * The body of {@code watchValue(instance, condition)}: the conditions at the instance,
     * with its node's v unless {@code loadV} is null (artificial cells have none); the
     * kernel's instance and v are restored, since NET_RECEIVE may be what asked.
     */
    List<String> watchValueBody(String loadV) {
        List<String> lines = new ArrayList<>();
        lines.add("int kOfCaller = k;");
        lines.add("double vOfCaller = v;");
        lines.add("k = instance;");
        if (loadV != null) {
            lines.add(loadV);
        }
        lines.add("double value;");
        lines.add("switch (condition) {");
        for (int c = 0; c < conditions.size(); c++) {
            lines.add("    case " + c + ": value = " + conditions.get(c) + "; break;");
        }
        lines.add("    default: throw new IndexOutOfBoundsException(condition);");
        lines.add("}");
        lines.add("k = kOfCaller;");
        lines.add("v = vOfCaller;");
        lines.add("return value;");
        return lines;
    }

    private static void requireArguments(Expression.Call call, int count, String message) {
        if (call.arguments().size() != count) {
            throw new NmodlSyntaxException(call.position(), message);
        }
    }
}

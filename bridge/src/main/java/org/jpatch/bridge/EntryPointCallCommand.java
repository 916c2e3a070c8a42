package org.jpatch.bridge;

import java.util.List;
import java.util.Set;
import py4j.Protocol;
import py4j.Py4JException;
import py4j.ReturnObject;
import py4j.commands.CallCommand;

/**
 * Py4J's call command restricted to the methods of {@link GatewayEntryPoint} that Python
 * uses. Plain Py4J lets a caller invoke any public method of any object it can name —
 * {@code entry_point.getClass()} is already a way into reflection and so into arbitrary code.
 */
final class EntryPointCallCommand extends CallCommand {
    /** The entry point's methods Python calls (_gateway.py, _control.py). */
    static final Set<String> METHODS = Set.of("execute", "executeFile", "ping", "interrupt", "clearInterrupt");

    @Override
    protected ReturnObject invokeMethod(String methodName, String targetObjectId, List<Object> arguments) {
        if (!Protocol.ENTRY_POINT_OBJECT_ID.equals(targetObjectId) || !METHODS.contains(methodName)) {
            return ReturnObject.getErrorReturnObject(new Py4JException("jpatch gateway: calling " + methodName
                    + " on object " + targetObjectId + " is refused; only the entry point's methods " + METHODS
                    + " are served (JPATCH_PY4J_REFLECTION=1 enables Py4J's reflection, for development)"));
        }
        return super.invokeMethod(methodName, targetObjectId, arguments);
    }
}

"""JVM flags that keep HotSpot's optimising compiler (C2) off the model-building path.

A model-building script runs ~10^5 commands through a fresh JVM: Py4J reads the batch
line, BatchParser and Jackson build its tree, CommandDispatcher and the kinds' commands
route it, and java-core's model package (Section, Model) builds the cells. Each of these
methods is hot for well under a second, so C2 compiles them, but its code arrives when
the batch is nearly done: in bench B3 the worker thread spent the same CPU (~0.25 s)
with C2 as with C1 alone, and C2 itself spent ~0.5-0.6 s, on a machine of two cores
where that time is taken from Python and the worker.

A method whose C2 compilation runs out of nodes is marked not compilable at that tier
and compiled by C1 without profiling instead (HotSpot's "retry at different tier"), so
a tiny per-method MaxNodeLimit keeps these methods at C1 at the cost of one aborted C2
parse each. The simulation's loops (java-core's lower, solve and mech packages) and the
bridge's bulk copies (Vector exports and imports) are not listed: they keep C2.
"""

#: Methods that run once per command or per object built, never per time step.
#: HotSpot's pattern form: package/Class.method, with * as wildcard.
MODEL_BUILDING_METHODS = (
    "py4j/*.*",
    "java/io/BufferedReader.*",  # Py4J reads each batch as one line
    "com/fasterxml/*.*",
    "org/jpatch/bridge/GatewayEntryPoint.*",
    "org/jpatch/bridge/BatchParser.*",
    "org/jpatch/bridge/CommandDispatcher.*",
    "org/jpatch/bridge/Bridge.*",
    "org/jpatch/bridge/HandleTable.*",
    "org/jpatch/bridge/Args.*",
    "org/jpatch/bridge/Values.*",
    "org/jpatch/bridge/SectionCommands.*",
    "org/jpatch/bridge/PointProcessCommands.*",
    "org/jpatch/bridge/NetConCommands.*",
    "org/jpatch/core/model/*.*",
)

#: Below C2's node count for parsing any of these methods (HotSpot's least MaxNodeLimit).
_NODE_LIMIT = 1000


def c1_only_flags():
    """The JVM options that compile MODEL_BUILDING_METHODS with C1 only."""
    flags = ["-XX:CompileCommand=quiet"]
    flags += [f"-XX:CompileCommand=MaxNodeLimit,{pattern},{_NODE_LIMIT}" for pattern in MODEL_BUILDING_METHODS]
    return flags

"""One jpatch session that runs fuzz sequences (fuzz_api_calls.py) and checks the oracles.

Run as a process by test_fuzz_api.py: it reads one sequence per line (JSON) on stdin and
writes one result per line (JSON) on the stdout it was started with (the package's own
output goes to stderr). A result is ``{"violation": None | {...}, "outcomes": [...]}``.

Oracles, after every step (each step is followed by reads of the whole model through
the public API, which also sends whatever the step queued):
- a step expected to be valid does not raise, one expected to be refused raises;
- what raised has changed nothing (the model's snapshot is the one before the step);
- what did not raise has taken effect (its read-back check holds);
- no read raises: an error surfaces at the call that caused it or nowhere;
- every exception is of a documented type, never an internal one.
After every sequence, with its objects deleted: a known-good model built in the same
session gives, bit for bit, the numbers it gave at the start of the session.
"""

import gc
import json
import math
import os
import re
import sys
import traceback

# What a public call may raise: Python's own errors for bad arguments, NEURON's
# RuntimeError (hoc_execerror), ConnectionError (Patch's NetCon of a bare _ref_), and
# Patch's exception tree (checked apart: GatewayError, a dead JVM, is no user error).
DOCUMENTED = (ValueError, TypeError, IndexError, NameError, AttributeError, RuntimeError, ConnectionError)


#: The names fuzz_api_calls gives to the objects it creates.
_NAME = re.compile(r"\b(?:s|v|nc|ic|ex|se|ne)\d+\b")
_BINDING = re.compile(r"^(\w+) = ")
_STRING = re.compile(r"'[^']*'")


def uses(code):
    """The objects a step's code refers to (not the one it creates)."""
    binding = _BINDING.match(code)
    expression = code if binding is None else code[binding.end():]
    return set(_NAME.findall(_STRING.sub("''", expression)))


def _comparable(value):
    """A value for ==: NaN equal to itself, proxies by name, sequences as tuples."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, float):
        return "nan" if math.isnan(value) else value
    if isinstance(value, (list, tuple)):
        return tuple(_comparable(v) for v in value)
    if hasattr(value, "hname") and not isinstance(value, (int, str)):
        return f"<{value.hname()}>"
    return value


def same(a, b):
    numeric = (int, float)
    if type(a) in numeric and type(b) in numeric:
        return a == b or (math.isnan(a) and math.isnan(b))
    return _comparable(a) == _comparable(b)


class Worker:
    def __init__(self, p, output):
        from fuzz_api_calls import POINT_PROCESS_PARAMETERS
        from patch import exceptions, objects

        self.parameters = POINT_PROCESS_PARAMETERS
        self.p = p
        self.output = output
        self.patch_errors = exceptions.PatchError
        self.gateway_error = exceptions.GatewayError
        self.kinds = (objects.Section, objects.PointProcess, objects.Vector, objects.NetCon)
        self.defaults = {name: getattr(p, name) for name in ("dt", "celsius", "tstop", "v_init")}
        self.reference = self.known_good()
        self.refused_before = self.refused()

    def refused(self):
        """Queued commands the engine refused although Python had checked them: each one a
        gap in Python's checks (bridge/README.md, "Errors at the line"); 0 on a branch
        without the count."""
        return getattr(self.p._session, "refused", 0)

    # -- the known-good model ------------------------------------------------------------

    def known_good(self):
        """A soma with hh and a dendrite with pas, an IClamp, an ExpSyn driven by a NetStim:
        v at two places over 3 ms and the synapse's current."""
        p = self.p
        p.dt = 0.025
        p.celsius = 6.3
        soma = p.Section(name="known_good_soma")
        soma.L = soma.diam = 20
        soma.insert("hh")
        dend = p.Section(name="known_good_dend")
        dend.L, dend.diam, dend.nseg = 100, 1, 5
        dend.insert("pas")
        dend.connect(soma)
        clamp = p.IClamp(0.5, sec=soma)
        clamp.delay, clamp.dur, clamp.amp = 0.5, 1, 0.3
        synapse = p.ExpSyn(dend(0.5))
        stim = p.NetStim()
        stim.start, stim.interval, stim.number, stim.noise = 0.2, 0.5, 3, 0
        netcon = p.NetCon(stim, synapse, weight=0.01, delay=0.3)
        traces = [p.Vector().record(soma(0.5)._ref_v), p.Vector().record(dend(0.9)._ref_v), p.record(synapse)]
        p.finitialize(-65)
        p.continuerun(3)
        numbers = [list(trace) for trace in traces] + [[p.t]]
        del soma, dend, clamp, synapse, stim, netcon, traces
        gc.collect()
        self.restore_globals()
        return numbers

    def restore_globals(self):
        for name, value in self.defaults.items():
            setattr(self.p, name, value)

    # -- the model's state through the public API ----------------------------------------

    def snapshot(self, namespace):
        from patch.objects import NetCon, PointProcess, Section, Vector

        p = self.p
        state = {"globals": (p.t, p.dt, p.celsius, p.tstop)}
        for name, obj in namespace.items():
            if name.startswith("_") or not isinstance(obj, self.kinds):
                continue
            if isinstance(obj, Section):
                parent = obj.parent
                state[name] = (
                    obj.L, obj.diam, obj.Ra, obj.cm, obj.nseg, obj.n3d(), obj(0.5).v,
                    None if parent is None else parent.name(),
                    tuple(sorted(m.name() for m in obj(0.5))),
                    obj.__dict__.get("tag", "<none>"),
                )
            elif isinstance(obj, PointProcess):
                values = tuple(getattr(obj, a) for a in self.parameters.get(obj._mechanism, ()))
                where = None
                if obj._mechanism not in ("NetStim", "VecStim"):
                    segment = obj.get_segment()
                    where = (segment.sec.name(), segment.x)
                state[name] = (values, where, obj.__dict__.get("label", "<none>"))
            elif isinstance(obj, Vector):
                state[name] = tuple(obj)
            elif isinstance(obj, NetCon):
                state[name] = (obj.weight[0], obj.delay, obj.threshold)
        return _comparable(state)

    # -- one sequence ---------------------------------------------------------------------

    def classify(self, error):
        """None for a documented exception, else why it is not one."""
        if isinstance(error, self.gateway_error):
            return "the JVM is gone (GatewayError)"
        if type(error).__name__ == "QueuedCommandError":
            # A queued call the engine refused after Python had let it through, raised at
            # a later call (bridge/README.md, "Errors at the line").
            return "error raised away from its call (QueuedCommandError)"
        if isinstance(error, self.patch_errors):
            return None
        module = type(error).__module__
        if module.startswith("py4j") or isinstance(error, (AssertionError, KeyError)):
            return "internal exception"
        if isinstance(error, DOCUMENTED):
            return None
        return "undocumented exception type"

    def run(self, steps):
        from math import inf, nan

        p = self.p
        self.restore_globals()
        namespace = {"p": p, "gc": gc, "nan": nan, "inf": inf}
        outcomes = []

        def violation(index, kind, detail, error=None):
            found = {"step": index, "kind": kind, "detail": detail}
            if error is not None:
                found["exception"] = f"{type(error).__module__}.{type(error).__name__}: {error}"
                found["traceback"] = "".join(traceback.format_exception(error))[-3000:]
            return {"violation": found, "outcomes": outcomes}

        try:
            before = self.snapshot(namespace)
        except Exception as error:
            return violation(-1, "session broken before the sequence", "the first snapshot raised", error)
        for index, s in enumerate(steps):
            if not uses(s["code"]) <= namespace.keys():
                # An object this step needs was refused at its creation (an "either" call
                # that raised): the step cannot be made.
                outcomes.append("skipped")
                continue
            check = s["check"]
            start = None
            if check is not None and check[0] == "incr":
                try:
                    start = eval(check[1], namespace)
                except Exception as error:
                    return violation(index, "error surfaced at a read", f"reading {check[1]} before the step raised", error)
            raised = None
            try:
                exec(compile(s["code"], f"<step {index}>", "exec"), namespace)
            except Exception as error:
                raised = error
            outcomes.append(None if raised is None else type(raised).__name__)
            if raised is not None:
                why = self.classify(raised)
                if why is not None:
                    return violation(index, why, f"{s['code']} raised it", raised)
                if s["expect"] == "ok":
                    return violation(index, "a valid call was refused", s["code"], raised)
            elif s["expect"] == "raise":
                return violation(index, "a bad call did not raise at its line", s["code"])
            try:
                after = self.snapshot(namespace)
            except Exception as error:
                what = "raised" if raised is not None else "did not raise"
                return violation(index, "error surfaced at a read", f"the read after `{s['code']}` (which {what}) raised", error)
            if raised is not None:
                if after != before:
                    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
                    detail = {k: [before.get(k), after.get(k)] for k in changed}
                    return violation(index, "a refused call changed the model", repr(detail)[:2000], raised)
            elif check is not None:
                try:
                    value = eval(check[1], namespace)
                except Exception as error:
                    return violation(index, "error surfaced at a read", f"reading back {check[1]} raised", error)
                expected = check[2] if check[0] == "eq" else (None if start is None else start + check[2])
                if not same(value, expected):
                    return violation(index, "a call that did not raise has not taken effect",
                                     f"{check[1]} reads {value!r}, expected {expected!r}")
            before = after
        # Nothing of the sequence may outlive it: drop every name, then the known-good model.
        namespace.clear()
        gc.collect()
        refused = self.refused()
        if refused != self.refused_before:
            self.refused_before = refused
            return violation(len(steps), "error raised away from its call (QueuedCommandError)",
                             f"the engine refused {refused} queued commands Python had let through (p._session.refused)")
        try:
            numbers = self.known_good()
        except Exception as error:
            return violation(len(steps), "session left broken", "the known-good model raised", error)
        if numbers != self.reference:
            differing = [i for i, (a, b) in enumerate(zip(numbers, self.reference)) if a != b]
            return violation(len(steps), "session left broken",
                             f"the known-good model's numbers differ from the session's first run (traces {differing})")
        return {"violation": None, "outcomes": outcomes}


def main():
    # The results go to the stdout this process was started with; everything else to stderr.
    output = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from patch import p

    worker = Worker(p, output)
    output.write(json.dumps({"ready": True}) + "\n")
    output.flush()
    for line in sys.stdin:
        result = worker.run(json.loads(line))
        output.write(json.dumps(result, default=repr) + "\n")
        output.flush()


if __name__ == "__main__":
    main()

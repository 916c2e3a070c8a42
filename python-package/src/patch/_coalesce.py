"""Runs of segment assignments sent as one command (bridge/README.md, ``ssetbits_many``).

``for seg in sec: seg.var = value`` queues one ``ssetbits`` per segment; a model-building
loop sends tens of thousands. Consecutive ones of the same section and variable go out
as one ``ssetbits_many`` carrying the positions and values as lists: less JSON to write
and read, one dispatch in the JVM instead of one per segment. The queue itself keeps
one entry per user call, so an error still names the assignment that failed: the reply
is mapped back to the queue's indices (``expand``).
"""


def coalesce(batch):
    """The commands of ``batch`` (queue entries: (command, what) pairs) to send, and for
    each the index in ``batch`` of its first; None for the second when nothing was merged
    (the reply then needs no mapping)."""
    out = []
    starts = []
    handle = variable = None  # of the ssetbits last sent on, None after any other command
    run = None  # the ssetbits_many that the last ssetbits became, if it did
    for index, (cmd, _) in enumerate(batch):
        if cmd[0] == "ssetbits":
            if cmd[1] == handle and cmd[3] == variable:
                if run is None:
                    lone = out[-1]
                    run = out[-1] = ["ssetbits_many", handle, variable, [lone[2]], [lone[4]]]
                run[3].append(cmd[2])
                run[4].append(cmd[4])
                continue
            handle, variable, run = cmd[1], cmd[3], None
        else:
            handle = None
        out.append(cmd)
        starts.append(index)
    return out, (starts if len(out) < len(batch) else None)


def expand(reply, starts, count):
    """``reply`` (to the coalesced commands) in terms of the ``count`` queued ones: one
    result per queued command, the error's index that of the failed user call."""
    if starts is None:
        return reply
    ends = starts[1:] + [count]
    results = []
    for index, result in enumerate(reply["results"]):
        results.append(result)
        results.extend([None] * (ends[index] - starts[index] - 1))
    expanded = {"results": results}
    error = reply.get("error")
    if error is not None:
        part = error.get("part", 0)
        # The parts before the failed one were applied: their results are nulls too.
        results.extend([None] * part)
        expanded["error"] = dict(error, index=starts[error["index"]] + part)
    return expanded

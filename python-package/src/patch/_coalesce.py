"""Runs of segment assignments sent as one command (bridge/README.md, ``sset_packed``).

``for seg in sec: seg.var = value`` queues one ``ssetbits`` per segment; a model-building
loop sends tens of thousands. Consecutive ones of the same section and variable go out
as one ``sset_packed`` whose (x, value) pairs travel as one base64 string of their
doubles' bytes: a fifth of the JSON that their bit patterns as integers take, parsed by
one base64 decode in the JVM instead of a decimal parse per number, and one dispatch
instead of one per segment. The queue itself keeps one entry per user call, so a refusal
still names the assignment refused: the reply is mapped back to the queue's indices
(``expand``).
"""

import base64
import itertools
import struct


def coalesce(batch):
    """The commands of ``batch`` (queue entries: (command, what, thread) tuples) to send, and the
    merges made: (place among the commands sent, queued commands it stands for beyond
    its first), in order; None when nothing was merged."""
    out = []
    handle = variable = None  # of the ssetbits last sent on, None after any other command
    run = None  # the bit patterns x0, v0, x1, v1, ... of the run the last ssetbits began
    runs = []  # (place in out, run)
    for entry in batch:
        cmd = entry[0]
        if cmd[0] == "ssetbits":
            if cmd[1] == handle and cmd[3] == variable:
                if run is None:
                    lone = out[-1]
                    run = [lone[2], lone[4]]
                    runs.append((len(out) - 1, run))
                run.append(cmd[2])
                run.append(cmd[4])
                continue
            handle, variable, run = cmd[1], cmd[3], None
        else:
            handle = None
        out.append(cmd)
    if not runs:
        return out, None
    merges = []
    for at, bits in runs:
        lone = out[at]
        out[at] = ("sset_packed", lone[1], lone[3], _packed(bits))
        merges.append((at, len(bits) // 2 - 1))
    return out, merges


def _packed(bits):
    """Signed 64-bit bit patterns as the base64 of their little-endian bytes (the doubles' own)."""
    return base64.b64encode(struct.pack(f"<{len(bits)}q", *bits)).decode("ascii")


def expand(reply, merges):
    """``reply`` (to the coalesced commands) in terms of the queued ones: one result per
    queued command, each refusal's index that of the refused user call."""
    if merges is None:
        return reply
    results = reply["results"]
    pieces = []
    done = 0  # results copied so far
    for at, extra in merges:
        pieces.append(results[done:at + 1])
        pieces.append([None] * extra)
        done = at + 1
    pieces.append(results[done:])
    expanded = {"results": list(itertools.chain.from_iterable(pieces))}
    errors = reply.get("errors")
    if errors is not None:
        expanded["errors"] = [
            dict(error, index=_queued_index(error["index"], merges) + error.get("part", 0)) for error in errors
        ]
    return expanded


def _queued_index(sent, merges):
    """The queue index of the command sent at ``sent``: shifted by the merges before it."""
    return sent + sum(extra for at, extra in merges if at < sent)

"""A batch of at least FILE_BATCH_CHARS characters reaches the JVM as a file in the
session's shared memory (bridge executeFile), removed once the JVM replied; without room
for the file it goes inline. Either way the JVM runs the same commands."""

import os

import pytest

from patch import _gateway, _shm


@pytest.fixture
def written(monkeypatch):
    """The batch files written, by path."""
    paths = []
    write_batch = _shm.write_batch

    def recording(directory, batch_json):
        path = write_batch(directory, batch_json)
        paths.append(path)
        return path

    monkeypatch.setattr(_shm, "write_batch", recording)
    return paths


def _long_batch(p, n):
    """n assignments of one section's L, enough text for a file batch; L read back."""
    sec = p.Section(name="filed")
    for i in range(n):
        sec.L = 10 + i
    return sec


def test_a_long_batch_goes_through_a_file_that_is_removed_after_the_reply(p, written):
    sec = _long_batch(p, _gateway.FILE_BATCH_CHARS // 10)
    assert sec.L == 10 + _gateway.FILE_BATCH_CHARS // 10 - 1
    assert written, "no batch went through a file"
    assert not any(os.path.exists(path) for path in written)


def test_a_short_batch_goes_inline(p, written):
    sec = p.Section(name="inline")
    sec.L = 42
    assert sec.L == 42
    assert written == []


def test_a_refusal_in_a_file_batch_names_the_user_call(p, written, simulated_gaps):
    from patch.exceptions import QueuedCommandError

    sec = _long_batch(p, _gateway.FILE_BATCH_CHARS // 10)
    # Queued raw, past Python's checks: a simulated gap in them.
    p._session.send(["set", sec._h, "L", -1], "filed.L = -1")
    simulated_gaps.append("filed.L = -1")
    with pytest.raises(QueuedCommandError, match=r"refused filed\.L = -1.*Raised at filed\.Ra"):
        sec.Ra
    assert written


def test_without_room_for_the_file_the_batch_goes_inline(p, monkeypatch):
    def no_room(directory, batch_json):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_shm, "write_batch", no_room)
    sec = _long_batch(p, _gateway.FILE_BATCH_CHARS // 10)
    assert sec.L == 10 + _gateway.FILE_BATCH_CHARS // 10 - 1

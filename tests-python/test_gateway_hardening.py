"""The gateway's port is open to every local user: idle or unauthenticated connections
cost nothing lasting, their number is bounded, and even the token's holder reaches only
the entry point's own methods (bridge/README.md, "Connections")."""

import socket
import time

import pytest

from patch import _commands


def _jvm_status(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def _settled(pid, field, baseline, slack, timeout_s):
    deadline = time.monotonic() + timeout_s
    value = _jvm_status(pid, field)
    while value > baseline + slack and time.monotonic() < deadline:
        time.sleep(0.1)
        value = _jvm_status(pid, field)
    return value


@pytest.mark.slow
def test_three_thousand_idle_connections_leave_the_jvms_threads_and_memory_as_they_were():
    session = _commands.session()
    gateway = session._gateway
    pid = gateway.process.pid
    session.ask(["gget", "dt"], "p.dt")
    time.sleep(0.5)
    threads_before = _jvm_status(pid, "Threads")
    rss_before_kib = _jvm_status(pid, "VmRSS")
    idle = []
    try:
        for count in range(3000):
            if count % 40 == 39:
                # The kernel drops connection attempts beyond the listen backlog (50) and
                # the client retries only after 1 s; pacing keeps the test short.
                time.sleep(0.02)
            try:
                idle.append(socket.create_connection(("127.0.0.1", gateway.port), timeout=5))
            except OSError:
                pass  # the backlog may be full while the JVM closes the excess: also a refusal
        peak_threads = _jvm_status(pid, "Threads")
        # One thread per connection it serves, at most the limit of 32 (plus our own pool's).
        assert peak_threads <= threads_before + 40, f"{peak_threads} threads (was {threads_before})"
        threads = _settled(pid, "Threads", threads_before, 2, timeout_s=5)
        assert threads <= threads_before + 2, f"{threads} threads 5 s later (was {threads_before})"
        # Every idle connection has been closed by the JVM by now.
        for connection in idle[:50] + idle[-50:]:
            connection.settimeout(2)
            assert connection.recv(1) == b"", "an unauthenticated connection was kept open"
    finally:
        for connection in idle:
            connection.close()
    # Measured: +5 MiB (plain Py4J: +530 MiB, never given back).
    rss_kib = _settled(pid, "VmRSS", rss_before_kib, 24 * 1024, timeout_s=5)
    assert rss_kib <= rss_before_kib + 24 * 1024, f"RSS {rss_kib} KiB, was {rss_before_kib} KiB"
    # The session itself is unharmed.
    assert session.ask(["gget", "dt"], "p.dt") > 0


def _intruder_with_the_token():
    from py4j.java_gateway import GatewayParameters, JavaGateway

    gateway = _commands.session()._gateway
    return JavaGateway(gateway_parameters=GatewayParameters(
        port=gateway.port, auth_token=gateway._control._token, auto_convert=False))


def test_the_tokens_holder_cannot_reach_the_jvm_through_py4js_reflection():
    from py4j.protocol import Py4JError

    intruder = _intruder_with_the_token()
    try:
        with pytest.raises(Py4JError):
            intruder.jvm.java.lang.System.exit(0)
        with pytest.raises(Py4JError):
            intruder.entry_point.getClass()
        # What Python's session uses is served.
        assert intruder.entry_point.ping() == "pong"
    finally:
        intruder.close()
    session = _commands.session()
    assert session.alive()
    assert session.ask(["gget", "dt"], "p.dt") > 0

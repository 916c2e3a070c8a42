"""The JVM's lifetime follows Python's; a dead JVM is reported at once; the gateway
accepts only its own Python (token) on loopback."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from patch import _commands
from patch.exceptions import GatewayError

PYTHON = sys.executable


def _wait_until(condition, timeout_s):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (dead, not yet reaped by its parent) counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _start_child(body):
    """A Python child that starts a session, prints the JVM's pid and shm dir, then runs body."""
    script = textwrap.dedent(
        """
        import sys, time
        from patch import _commands
        s = _commands.session()
        s.ask(["gget", "dt"], "p.dt")
        print(s._gateway.process.pid, s.shm_dir, flush=True)
        """
    ) + textwrap.dedent(body)
    child = subprocess.Popen([PYTHON, "-c", script], stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline().split()
    assert len(line) == 2, f"child did not start a session: {line}"
    return child, int(line[0]), line[1]


def test_sigkill_of_python_ends_the_jvm_and_removes_its_shared_memory():
    child, jvm_pid, shm_dir = _start_child("time.sleep(60)")
    assert _pid_alive(jvm_pid) and os.path.isdir(shm_dir)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _wait_until(lambda: not _pid_alive(jvm_pid), 10), "JVM outlived its SIGKILLed Python"
    assert _wait_until(lambda: not os.path.exists(shm_dir), 5), f"{shm_dir} left behind"


def test_normal_exit_ends_the_jvm_and_removes_its_shared_memory():
    child, jvm_pid, shm_dir = _start_child("pass")
    assert child.wait(30) == 0
    assert _wait_until(lambda: not _pid_alive(jvm_pid), 10)
    assert not os.path.exists(shm_dir)


def test_killed_jvm_makes_the_next_call_raise_gateway_error_at_once():
    child = subprocess.run(
        [PYTHON, "-c", textwrap.dedent(
            """
            import os, signal, time
            from patch import _commands
            from patch.exceptions import GatewayError
            s = _commands.session()
            s.ask(["gget", "dt"], "p.dt")
            shm = s.shm_dir
            s._gateway.process.send_signal(signal.SIGKILL)
            s._gateway.process.wait()
            for attempt in range(2):
                t0 = time.monotonic()
                try:
                    s.ask(["gget", "dt"], "p.dt")
                except GatewayError as error:
                    print("GatewayError", round(time.monotonic() - t0, 3), error)
                else:
                    print("no error")
            print("shm gone", not os.path.exists(shm))
            """
        )],
        capture_output=True, text=True, timeout=60,
    )
    lines = child.stdout.splitlines()
    assert child.returncode == 0, child.stderr
    assert len(lines) == 3, child.stdout + child.stderr
    for line in lines[:2]:
        kind, seconds, *message = line.split()
        assert kind == "GatewayError"
        assert float(seconds) < 0.5
        assert "died" in " ".join(message)
    assert lines[2] == "shm gone True"


def test_jvm_killed_during_a_call_raises_gateway_error():
    s = _commands.Session(__import__("patch._gateway", fromlist=["Gateway"]).Gateway())
    try:
        s.ask(["gget", "dt"], "p.dt")
        s._gateway.process.kill()
        with pytest.raises(GatewayError):
            # Queued work must not hang on a dead JVM either.
            for _ in range(3):
                s.ask(["gget", "dt"], "p.dt")
    finally:
        s.close()


def test_connection_without_the_token_is_refused():
    from py4j.java_gateway import GatewayParameters, JavaGateway
    from py4j.protocol import Py4JError

    port = _commands.session()._gateway.port
    for token in (None, "0" * 64):
        intruder = JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token=token, auto_convert=False))
        try:
            with pytest.raises(Py4JError):
                intruder.entry_point.execute("[]")
        finally:
            intruder.close()
    # The rightful session still works.
    assert _commands.session().ask(["gget", "dt"], "p.dt") > 0


def test_gateway_listens_on_loopback_only():
    port = _commands.session()._gateway.port
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as rows:
            next(rows)
            for row in rows:
                fields = row.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    listening.append(address)
    # 127.0.0.1 as IPv4, or IPv4-mapped in the IPv6 table (::ffff:127.0.0.1)
    loopback = {"0100007F", "0000000000000000FFFF00000100007F"}
    assert listening and set(listening) <= loopback, f"listening on {listening}"


def test_session_token_is_not_on_the_command_line_and_is_256_bits():
    gateway = _commands.session()._gateway
    with open(f"/proc/{gateway.process.pid}/cmdline", "rb") as cmdline:
        arguments = cmdline.read().split(b"\0")
    with open(f"/proc/{gateway.process.pid}/environ", "rb") as environ:
        token = dict(e.split(b"=", 1) for e in environ.read().split(b"\0") if b"=" in e)[b"JPATCH_TOKEN"]
    assert len(token) == 64 and int(token, 16) >= 0
    assert not any(token in argument for argument in arguments)
    assert oct(os.stat(f"/proc/{gateway.process.pid}/environ").st_mode & 0o777) == "0o400"


def test_cold_start_of_a_session_answers_within_1_5_s():
    script = textwrap.dedent(
        """
        import time
        t0 = time.perf_counter()
        from patch import _commands
        _commands.session().ask(["gget", "dt"], "p.dt")
        print(time.perf_counter() - t0)
        """
    )
    child = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr
    assert float(child.stdout) < 1.5


def _jvm_command_line(env):
    script = textwrap.dedent(
        """
        from patch import _commands
        s = _commands.session()
        with open(f"/proc/{s._gateway.process.pid}/cmdline", "rb") as cmdline:
            print(" ".join(a.decode() for a in cmdline.read().split(b"\\0") if a))
        """
    )
    child = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, timeout=60,
                           env={**os.environ, **env})
    return child


def test_heap_size_comes_from_jpatch_java_heap():
    child = _jvm_command_line({"JPATCH_JAVA_HEAP": "321m"})
    assert child.returncode == 0, child.stderr
    assert "-Xmx321m" in child.stdout.split()


def test_java_comes_from_java_home(tmp_path):
    java = os.path.realpath(shutil.which("java"))
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    os.symlink(java, home / "bin" / "java")
    child = _jvm_command_line({"JAVA_HOME": str(home)})
    assert child.returncode == 0, child.stderr
    assert child.stdout.split()[0] == str(home / "bin" / "java")


def test_a_java_home_without_java_is_passed_over_for_the_next_java(tmp_path):
    child = _jvm_command_line({"JAVA_HOME": str(tmp_path)})
    assert child.returncode == 0, child.stderr
    assert not child.stdout.split()[0].startswith(str(tmp_path))


def test_a_forked_child_gets_its_own_jvm_and_leaves_the_parents_alone():
    parent = _commands.session()
    h = parent.new_handle()
    parent.send(["new", h, "Vector", [1.0, 2.0]], "p.Vector([1, 2])")
    parent.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running the parent's atexit
        code = 1
        try:
            os.close(read)
            child = _commands.session()
            ok = child is not parent and child._gateway.process.pid != parent._gateway.process.pid
            ok = ok and child.ask(["gget", "dt"], "p.dt") > 0
            try:
                parent.ask(["gget", "dt"], "p.dt")
                ok = False
            except GatewayError:
                pass
            child.close()
            os.write(write, b"ok" if ok else b"bad")
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 10) == b"ok" and status == 0
    os.close(read)
    assert parent.ask(["call", h, "to_list", []], "list(v)") == [1.0, 2.0]


def test_every_read_of_a_vector_raises_gateway_error_once_the_jvm_is_dead_and_arrays_handed_out_stay_readable():
    child = subprocess.run(
        [PYTHON, "-c", textwrap.dedent(
            """
            import signal
            import numpy
            from patch import p
            from patch.exceptions import GatewayError
            soma = p.Section(name="soma")
            viewed = p.record(soma(0.5)._ref_v)   # a view is cached for it below
            unviewed = p.Vector([1.0, 2.0, 3.0])  # none for it
            p.finitialize(-65)
            p.continuerun(1)
            handed_out = viewed.as_numpy()
            list(viewed)
            p._session._gateway.process.send_signal(signal.SIGKILL)
            p._session._gateway.process.wait()
            reads = {
                "list": list, "index": lambda v: v[0], "numpy.asarray": numpy.asarray, "len": len,
                "as_numpy": lambda v: v.as_numpy(), "iter": lambda v: next(iter(v)),
            }
            for label, vector in (("viewed", viewed), ("unviewed", unviewed)):
                for name, read in reads.items():
                    try:
                        read(vector)
                    except GatewayError:
                        print(label, name, "GatewayError")
                    except Exception as error:
                        print(label, name, type(error).__name__, error)
                    else:
                        print(label, name, "answered")
            print("handed out", len(handed_out), float(handed_out[0]))
            """
        )],
        capture_output=True, text=True, timeout=60,
    )
    assert child.returncode == 0, child.stderr
    lines = child.stdout.splitlines()
    assert lines[:-1] and all(line.endswith(" GatewayError") for line in lines[:-1]), child.stdout
    assert lines[-1] == "handed out 41 -65.0", child.stdout

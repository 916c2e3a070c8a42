"""A session whose Python and JVM were both SIGKILLed leaves nothing that the next session
does not remove: its shared-memory directory (with export, import and batch files) and
the temporary files of jpatch's cache (bridge/README.md, "Start-up and lifetime")."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from patch import _leftovers

PYTHON = sys.executable


def _dead_pid():
    """The pid of a process that has just ended."""
    child = subprocess.Popen([PYTHON, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_session_killed_with_its_jvm_leaves_nothing_the_next_session_does_not_remove(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    victim = subprocess.Popen([PYTHON, "-c", textwrap.dedent(
        """
        import numpy
        from patch import p
        soma = p.Section(name="soma")
        traces = [p.record(soma(0.5)._ref_v) for _ in range(40)]
        p.finitialize(-65)
        p.continuerun(2000)                      # ~26 MB of recordings: room was prepared
        loaded = p.Vector(numpy.arange(10000.0))  # an import file, queued
        gateway = p._session._gateway
        print(gateway.process.pid, gateway.shm_dir, flush=True)
        import time
        time.sleep(60)
        """
    )], stdout=subprocess.PIPE, text=True, env=env)
    jvm_pid, shm_dir = victim.stdout.readline().split()
    assert os.listdir(shm_dir), "the session had files in shared memory"
    # The JVM first: once Python is gone, a living JVM would clean up after itself.
    os.kill(int(jvm_pid), signal.SIGKILL)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    time.sleep(0.2)
    assert os.path.isdir(shm_dir), "nothing cleaned up after the kill (else this test proves nothing)"

    # Left in the cache by killed sessions: a CDS archive being written, a kernel entry being written.
    cache = tmp_path / "cache" / "jpatch"
    (cache / "nmodl").mkdir(parents=True, exist_ok=True)
    archive_temp = cache / f"jpatch-0123456789ab-ba9876543210.jsa.{_dead_pid()}.tmp"
    archive_temp.write_bytes(b"half an archive")
    kernel_temp = cache / "nmodl" / "abc.classes123.tmp"
    kernel_temp.write_bytes(b"half an entry")
    old = time.time() - _leftovers.KERNEL_TEMP_AGE_S - 60
    os.utime(kernel_temp, (old, old))
    fresh_kernel_temp = cache / "nmodl" / "def.classes456.tmp"  # another process may be writing it
    fresh_kernel_temp.write_bytes(b"being written")

    subprocess.run([PYTHON, "-c", "from patch import p; p.t"], check=True, env=env, timeout=60)
    assert not os.path.exists(shm_dir), f"{shm_dir} left: {os.listdir(shm_dir)}"
    assert not archive_temp.exists() and not kernel_temp.exists()
    assert fresh_kernel_temp.exists()

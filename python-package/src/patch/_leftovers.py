"""Files that a session killed together with its JVM leaves in jpatch's cache directory,
removed by the next session (bridge/README.md, "Start-up and lifetime"). The session's
shared-memory directory is _shm's business (remove_stale_dirs).

- ``jpatch-….jsa.<pid>.tmp``: a class-data-sharing archive the JVM was writing at exit
  for Python process <pid>; abandoned once that process is gone.
- ``nmodl/<key>.classes<random>.tmp``: a compiled-kernel entry the JVM was writing
  (java-core KernelCache writes and renames it within milliseconds); abandoned once
  older than ``KERNEL_TEMP_AGE_S``.
"""

import os
import time

from ._shm import process_exists

#: A kernel-cache temporary file older than this was left by a killed JVM [s].
KERNEL_TEMP_AGE_S = 600.0


def remove_abandoned(cache_dir):
    """Removes the abandoned temporary files in ``cache_dir`` (jpatch's cache directory)."""
    for name in _names(cache_dir):
        if name.startswith("jpatch-") and name.endswith(".tmp"):
            pid_text = name[: -len(".tmp")].rsplit(".", 1)[-1]
            if pid_text.isdigit() and not process_exists(int(pid_text)):
                _unlink(os.path.join(cache_dir, name))
    kernels = os.path.join(cache_dir, "nmodl")
    now = time.time()
    for name in _names(kernels):
        if ".classes" in name and name.endswith(".tmp"):
            path = os.path.join(kernels, name)
            try:
                if now - os.path.getmtime(path) > KERNEL_TEMP_AGE_S:
                    os.unlink(path)
            except OSError:
                pass


def _names(directory):
    try:
        return os.listdir(directory)
    except OSError:
        return []


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass

"""Vector data in shared memory: mapping the JVM's Arrow IPC files as read-only numpy
views (zero copy), writing Arrow files for bulk transfers to the JVM, and the cleanup
of each session's private directory.

pyarrow is imported on first use: it costs ~0.2 s, which the start-up cannot afford.
``import_pyarrow_meanwhile`` lets a run that records pay it while Python only waits;
``await_pyarrow_import`` ends that wait before user code runs again.
"""

import os
import shutil
import sys
import tempfile
import threading

#: Session directories are named ``jpatch-<python pid>-<random>`` so that a later
#: session can recognise and remove those of processes that no longer exist.
DIR_PREFIX = "jpatch-"
#: Below this much free space in /dev/shm the temp dir is used instead [bytes].
MIN_SHM_FREE_BYTES = 64 * 1024 * 1024
#: The column name the JVM writes and reads (bridge ArrowFiles.COLUMN).
COLUMN = "values"


def shm_root():
    """/dev/shm when it is usable and has room, else the temp dir (a disk-backed page cache)."""
    root = "/dev/shm"
    try:
        stat = os.statvfs(root)
        if os.access(root, os.W_OK) and stat.f_bavail * stat.f_frsize >= MIN_SHM_FREE_BYTES:
            return root
    except OSError:
        pass
    return tempfile.gettempdir()


def free_bytes(path):
    """Room left in the file system holding ``path`` [bytes]."""
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


def create_session_dir():
    """A new private (mode 0700) directory for this process's transfers."""
    root = shm_root()
    remove_stale_dirs(root)
    return tempfile.mkdtemp(prefix=f"{DIR_PREFIX}{os.getpid()}-", dir=root)


def remove_session_dir(path):
    shutil.rmtree(path, ignore_errors=True)


def remove_stale_dirs(root):
    """Removes the directories of sessions whose Python process is gone (both sides crashed)."""
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        if not name.startswith(DIR_PREFIX):
            continue
        pid_text = name[len(DIR_PREFIX):].split("-", 1)[0]
        if pid_text.isdigit() and not process_exists(int(pid_text)):
            shutil.rmtree(os.path.join(root, name), ignore_errors=True)


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def import_pyarrow_meanwhile():
    """Imports pyarrow in a background thread, once: called when Python is about to wait
    for a run whose recordings will likely be viewed; the import's time then overlaps the
    run instead of delaying the first view."""
    global _importing
    if _importing is None and "pyarrow" not in sys.modules:
        _importing = threading.Thread(target=_import_pyarrow, name="jpatch-pyarrow-import", daemon=True)
        _importing.start()


_importing = None


def await_pyarrow_import():
    """Waits for the background import, if any: user code must never see pyarrow or numpy
    half-imported in sys.modules (libraries that look there, e.g. pytest.approx, fail)."""
    global _importing
    if _importing is not None:
        _importing.join()
        _importing = None


def _import_pyarrow():
    try:
        import pyarrow.ipc  # noqa: F401
    except ImportError:
        pass  # reported by the first view that needs it


def map_columns(path, file_bytes=None):
    """The float64 columns of the Arrow IPC file at ``path`` (one record batch, as the
    JVM writes it) as pyarrow Arrays over one read-only memory mapping. The file is
    unlinked at once: the mapping keeps the data alive exactly as long as some array or
    view still uses them. ``file_bytes``: where the Arrow data end, when the file may be
    longer (room the JVM prepared ahead and cuts to size in the background)."""
    import pyarrow as pa

    try:
        mapped = pa.memory_map(path, "r")
    finally:
        # Unlinking before anything else can fail means no file outlives this call.
        unlink_quietly(path)
    reader = pa.ipc.open_file(mapped, footer_offset=file_bytes)
    if reader.num_record_batches == 1:
        return reader.get_batch(0).columns
    # An empty file may come as zero batches; several batches would need a copy.
    batches = [reader.get_batch(i) for i in range(reader.num_record_batches)]
    return [
        pa.concat_arrays([b.column(j) for b in batches]) if batches else pa.array([], type=pa.float64())
        for j in range(len(reader.schema))
    ]


def write_column(directory, values):
    """Writes ``values`` (anything numpy turns into float64) as one not-null float64
    column of an Arrow IPC file in ``directory``; returns the file's path."""
    import numpy as np
    import pyarrow as pa

    array = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
    schema = pa.schema([pa.field(COLUMN, pa.float64(), nullable=False)])
    batch = pa.record_batch([pa.array(array, type=pa.float64())], schema=schema)
    fd, path = tempfile.mkstemp(prefix="import-", suffix=".arrow", dir=directory)
    try:
        with os.fdopen(fd, "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            writer.write_batch(batch)
    except BaseException:
        unlink_quietly(path)
        raise
    return path


def write_batch(directory, batch_json):
    """Writes a batch's JSON as UTF-8 to a new file in ``directory`` for the JVM to read
    (bridge executeFile); returns its path. The caller removes it."""
    fd, path = tempfile.mkstemp(prefix="batch-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "wb") as sink:
            sink.write(batch_json.encode("utf-8"))
    except BaseException:
        unlink_quietly(path)
        raise
    return path


def unlink_quietly(path):
    """Removes a file that may already be gone."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass

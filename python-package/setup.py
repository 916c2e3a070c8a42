"""Builds the engine jar with Maven (when it is absent or older than the Java sources)
and bundles it in the package as patch/_jar/jpatch.jar. Needs a JDK 25+ and Maven, no C compiler;
the wheel it makes carries the jar, so installing that needs neither.
Metadata live in pyproject.toml."""

import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BUNDLED_JAR = os.path.join(HERE, "src", "patch", "_jar", "jpatch.jar")
BUILT_JAR = os.path.join(REPO, "bridge", "target", "jpatch.jar")
#: What the jar is built from: a change here makes the bundled jar stale.
JAVA_INPUTS = ["pom.xml", "java-core", "bridge"]


def _newest_source_mtime():
    newest = 0.0
    for name in JAVA_INPUTS:
        path = os.path.join(REPO, name)
        if os.path.isfile(path):
            newest = max(newest, os.path.getmtime(path))
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if d != "target"]
            for file in files:
                newest = max(newest, os.path.getmtime(os.path.join(root, file)))
    return newest


def ensure_jar():
    in_source_tree = os.path.isfile(os.path.join(REPO, "pom.xml")) and os.path.isdir(os.path.join(REPO, "bridge"))
    if not in_source_tree:
        if not os.path.isfile(BUNDLED_JAR):
            raise SystemExit(f"jpatch: {BUNDLED_JAR} is missing and no Maven project is beside the package to build it")
        return
    if os.path.isfile(BUNDLED_JAR) and os.path.getmtime(BUNDLED_JAR) >= _newest_source_mtime():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise SystemExit("jpatch: building the engine jar needs Maven (mvn) on PATH and a JDK 25+ (JAVA_HOME)")
    subprocess.run([mvn, "-q", "-B", "-pl", "bridge", "-am", "package", "-DskipTests"], cwd=REPO, check=True)
    os.makedirs(os.path.dirname(BUNDLED_JAR), exist_ok=True)
    shutil.copyfile(BUILT_JAR, BUNDLED_JAR)


class BuildPyWithJar(build_py):
    def run(self):
        ensure_jar()
        super().run()


setup(cmdclass={"build_py": BuildPyWithJar})

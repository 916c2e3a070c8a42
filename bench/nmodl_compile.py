"""Time to load .mod files with jpatch's in-process NMODL translator, cold and cached.

    python bench/nmodl_compile.py [MOD_DIR ...]

Compiles java-core's sources with javac into a scratch directory (no Maven, so it never
touches the shared build's target/; Janino, the kernels' compiler, comes from the local
Maven repository that tools/setup.sh filled), then runs bench/NmodlCompileBench.java on every .mod
under the given directories, or by default NEURON's demo mechanisms from .venv-ref and the
NEURON-dialect files of dbbs-catalogue / dbbs-mod-collection wherever they are installed
(.venv, .venv-ref, or directories in JPATCH_MOD_DIRS). Prints per-file milliseconds with an
empty kernel cache (parse, generate, compile with Janino) and from the cache, and their
medians. The first file's empty-cache time includes warming the compiler up. Java: JAVA_HOME's
(25 or newer, as tools/java-home.sh finds it), else the one on PATH.
"""

import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_SOURCES = ROOT / "java-core" / "src" / "main"
DEFAULT_DIRS = [
    ".venv-ref/lib/python*/site-packages/neuron/.data/share/nrn/demo/release",
    ".venv*/lib/python*/site-packages/dbbs_catalogue/mods/neuron",
    ".venv*/lib/python*/site-packages/dbbs_mod_collection/mod",
]
JVM_OPTIONS = ["--add-modules", "jdk.incubator.vector"]
MAVEN_REPOSITORY = Path.home() / ".m2" / "repository"


def jdk_tool(name):
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", name) if home else name


def janino_class_path():
    """Janino's jars at the version the parent pom names, from the local Maven repository."""
    version = re.search(r"<janino.version>([^<]+)</janino.version>", (ROOT / "pom.xml").read_text()).group(1)
    jars = [MAVEN_REPOSITORY / "org" / "codehaus" / "janino" / artifact / version / f"{artifact}-{version}.jar"
            for artifact in ("janino", "commons-compiler")]
    missing = [str(jar) for jar in jars if not jar.is_file()]
    if missing:
        sys.exit(f"nmodl_compile: {', '.join(missing)} missing; run bash tools/setup.sh first")
    return [str(jar) for jar in jars]


def default_dirs():
    found = [d for pattern in DEFAULT_DIRS for d in glob.glob(str(ROOT / pattern))]
    found += [d for d in os.environ.get("JPATCH_MOD_DIRS", "").split(os.pathsep) if d]
    return found


def build_engine(classes):
    sources = [str(p) for p in (ENGINE_SOURCES / "java").rglob("*.java")]
    subprocess.run([jdk_tool("javac"), *JVM_OPTIONS, "-nowarn", "-cp", os.pathsep.join(janino_class_path()),
                    "-d", str(classes), *sources],
                   check=True, stderr=subprocess.DEVNULL)
    resources = ENGINE_SOURCES / "resources"
    for resource in resources.rglob("*"):
        if resource.is_file():
            target = classes / resource.relative_to(resources)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(resource.read_bytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", help="directories of .mod files (default: see above)")
    dirs = parser.parse_args().dirs or default_dirs()
    files = sorted({str(p) for d in dirs for p in Path(d).rglob("*.mod")})
    if not files:
        sys.exit("nmodl_compile: no .mod files found; pass directories holding some")
    with tempfile.TemporaryDirectory(prefix="jpatch-nmodl-bench-") as scratch:
        classes = Path(scratch) / "classes"
        build_engine(classes)
        done = subprocess.run(
            [jdk_tool("java"), *JVM_OPTIONS, "-cp", os.pathsep.join([str(classes), *janino_class_path()]), str(Path(__file__).with_name("NmodlCompileBench.java")),
             str(Path(scratch) / "cache"), *files],
            capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"nmodl_compile: the benchmark failed:\n{done.stderr}")
    rows = [line.split("\t") for line in done.stdout.splitlines()[1:]]
    timed = [r for r in rows if len(r) == 4]
    print(f"{'file':50} {'mechanism':48} {'empty cache ms':>15} {'cached ms':>10}")
    for r in rows:
        if len(r) == 4:
            print(f"{Path(r[0]).name:50} {r[1]:48} {float(r[2]):15.1f} {float(r[3]):10.1f}")
        else:
            print(f"{Path(r[0]).name:50} {r[1]}")
    if timed:
        print(f"{len(timed)} of {len(rows)} files translated; median {statistics.median(float(r[2]) for r in timed):.1f} ms"
              f" with an empty cache, {statistics.median(float(r[3]) for r in timed):.1f} ms cached")


if __name__ == "__main__":
    main()

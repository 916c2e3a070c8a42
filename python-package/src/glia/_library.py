"""Compiling and loading the packages' .mod files into the simulator, in-process.

nmodl-glia copies every NEURON-dialect .mod file into one folder and runs nrnivmodl on it.
Here each file goes to ``p.load_mechanisms`` on its own: the engine translates it to JVM
code (cached on disk by content hash, so later sessions do not recompile). One file per
call because a load is all or nothing: a file the translator refuses then costs only its
own mechanism, which is reported when that asset is used, not the whole library.
"""

import warnings

from .exceptions import CompileError


class Library:
    def __init__(self):
        # simulator name -> why its file could not be loaded
        self._failures = {}

    def load(self, packages):
        """Load every package's mods that the simulator does not know yet."""
        from patch import is_density_mechanism, is_point_process, p

        for package in packages:
            if package.builtin:
                continue
            for mod in package.get_mods(dialect="neuron"):
                name = mod.mod_name
                # Loaded before (this process, e.g. by the user's own load_mechanisms).
                if is_density_mechanism(name) or is_point_process(name):
                    continue
                if not mod.path.is_file():
                    self._failures[name] = f"its file '{mod.path}' does not exist"
                    continue
                try:
                    p.load_mechanisms(mod.path)
                except (RuntimeError, ValueError) as error:
                    self._failures[name] = f"{type(error).__name__}: {error}"

    def failures(self):
        """Simulator name -> the loader's error, for each mod that could not be loaded."""
        return dict(self._failures)

    def warn_failures(self):
        if self._failures:
            warnings.warn(
                f"{len(self._failures)} glia mechanism(s) could not be compiled and are "
                "unavailable:\n" + _listing(self._failures),
                stacklevel=4,
            )

    def raise_failures(self):
        if self._failures:
            raise CompileError(
                f"{len(self._failures)} glia mechanism(s) could not be compiled:\n"
                + _listing(self._failures)
            )

    def check(self, mod):
        """Raise the CompileError of ``mod`` if its file could not be loaded."""
        reason = self._failures.get(mod.mod_name)
        if reason is not None:
            raise CompileError(
                f"'{mod.mod_name}' ({mod.path}) could not be compiled: {reason}"
            )


def _listing(failures):
    return "\n".join(f"  * {name}: {reason}" for name, reason in failures.items())

"""glia (nmodl-glia's API) on jpatch: packages found through the ``glia.package`` entry
point, assets resolved to ``glia__{pkg}__{asset}__{variant}`` with preferences, their .mod
files compiled in-process on first use, inserted into Patch sections.

The packages here are written for the test: two small distributions (dist-info with an
entry point) put on sys.path, so the real discovery path is exercised."""

import importlib
import sys
import textwrap
import warnings

import pytest

import glia
from glia._manager import Glia

LEAK = """
NEURON {{
    SUFFIX {name}
    NONSPECIFIC_CURRENT i
    RANGE g, e
}}
UNITS {{
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}}
PARAMETER {{
    g = {g} (S/cm2)
    e = {e} (mV)
}}
ASSIGNED {{
    v (mV)
    i (mA/cm2)
}}
BREAKPOINT {{
    i = g * (v - e)
}}
"""

PULSE = """
NEURON {
    POINT_PROCESS glia__jtest__Pulse__0
    RANGE amp, i
    ELECTRODE_CURRENT i
}
UNITS {
    (nA) = (nanoamp)
}
PARAMETER {
    amp = 0 (nA)
}
ASSIGNED {
    i (nA)
}
BREAKPOINT {
    i = amp
}
"""

# Embedded C can never run on the JVM: the translator refuses the file.
BROKEN = """
NEURON { SUFFIX glia__jtest__Broken__0 }
PROCEDURE f() {
VERBATIM
  return 0;
ENDVERBATIM
}
"""


def _write_distribution(root, module, package_source, mods):
    (root / module / "mods").mkdir(parents=True)
    (root / module / "__init__.py").write_text(textwrap.dedent(package_source))
    for name, text in mods.items():
        (root / module / "mods" / name).write_text(text)
    dist_info = root / f"{module}-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(f"[glia.package]\n{module} = {module}:package\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site directory holding the test's glia packages, on sys.path for the module."""
    root = tmp_path_factory.mktemp("glia_site")
    _write_distribution(
        root,
        "jtest_assets",
        """
        from pathlib import Path
        from glia import Mod, Package

        package = Package(
            "jtest",
            Path(__file__).resolve().parent,
            mods=[
                Mod("mods/Leak__0.mod", "Leak"),
                Mod("mods/Leak__fast.mod", "Leak", variant="fast"),
                Mod("mods/Pulse__0.mod", "Pulse", is_point_process=True),
                Mod("mods/Broken__0.mod", "Broken"),
                # Declared a point process, but the file is a density mechanism.
                Mod("mods/Misdeclared__0.mod", "Misdeclared", is_point_process=True),
                # An Arbor-only file: never compiled for this simulator.
                Mod("mods/arbor_only.mod", "ArborOnly", dialect="arbor"),
            ],
        )
        """,
        {
            "Leak__0.mod": LEAK.format(name="glia__jtest__Leak__0", g=0.001, e=-80),
            "Leak__fast.mod": LEAK.format(name="glia__jtest__Leak__fast", g=0.01, e=-50),
            "Pulse__0.mod": PULSE,
            "Broken__0.mod": BROKEN,
            "Misdeclared__0.mod": LEAK.format(name="glia__jtest__Misdeclared__0", g=0, e=0),
            "arbor_only.mod": "this is not NMODL for NEURON",
        },
    )
    _write_distribution(
        root,
        "jother_assets",
        """
        from pathlib import Path
        from glia import Mod, Package

        package = Package("jother", Path(__file__).resolve().parent, mods=[Mod("mods/Leak__0.mod", "Leak")])
        """,
        {"Leak__0.mod": LEAK.format(name="glia__jother__Leak__0", g=0.002, e=-70)},
    )
    # A distribution whose entry point cannot be imported.
    dist_info = root / "jbroken_assets-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: jbroken_assets\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text("[glia.package]\njbroken = jbroken_missing_module:package\n")
    sys.path.insert(0, str(root))
    yield root
    sys.path.remove(str(root))


@pytest.fixture
def manager(site, monkeypatch, p):
    """A fresh glia state (no preferences, nothing discovered yet) for each test."""
    fresh = Glia()
    monkeypatch.setattr(glia, "_manager", fresh)
    with warnings.catch_warnings():
        # The broken test packages are warned about; the tests below check those warnings.
        warnings.simplefilter("ignore")
        fresh.load_library()
    return fresh


def test_packages_are_discovered_through_the_glia_package_entry_point(site, monkeypatch):
    monkeypatch.setattr(glia, "_manager", Glia())
    with pytest.warns(UserWarning, match="jbroken"):
        names = {package.name for package in glia.get_packages()}
    assert {"jtest", "jother"} <= names
    assert glia.package("jtest").root == site / "jtest_assets"
    with pytest.raises(glia.PackageError, match="'nosuchpkg' not found"):
        glia.package("nosuchpkg")


def test_the_first_use_compiles_the_packages_and_warns_about_files_that_failed(site, monkeypatch, p):
    monkeypatch.setattr(glia, "_manager", Glia())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the unimportable package, tested above
        glia.get_packages()
    with pytest.warns(UserWarning, match=r"glia__jtest__Broken__0: RuntimeError: .*Broken__0\.mod:\d+:\d+"):
        assert glia.resolve("Leak", pkg="jtest") == "glia__jtest__Leak__0"
    assert {"glia__jtest__Leak__0", "glia__jtest__Leak__fast", "glia__jother__Leak__0"} <= p._catalogue.density
    assert "glia__jtest__Pulse__0" in p._catalogue.point
    # Arbor-dialect files are not for this simulator.
    assert "ArborOnly" not in dir(p)


def test_an_asset_resolves_to_its_package_default_variant_or_the_selected_one(manager):
    assert glia.resolve("Pulse") == "glia__jtest__Pulse__0"
    assert glia.resolve("Leak", pkg="jtest", variant="fast") == "glia__jtest__Leak__fast"
    assert glia.resolve("Leak", "jother") == "glia__jother__Leak__0"
    # nmodl-glia's MechId tuples: (asset, variant[, pkg]).
    assert glia.resolve(("Leak", "fast")) == "glia__jtest__Leak__fast"
    assert glia.resolve(("Leak", "0", "jother")) == "glia__jother__Leak__0"


def test_an_asset_in_two_packages_is_too_many_matches_naming_the_candidates(manager):
    with pytest.raises(glia.TooManyMatchesError, match="too many matches for Leak") as caught:
        glia.resolve("Leak")
    assert sorted(caught.value.matches) == [
        "glia__jother__Leak__0",
        "glia__jtest__Leak__0",
        "glia__jtest__Leak__fast",
    ]
    assert caught.value.asset == "Leak"
    assert isinstance(caught.value, glia.ResolveError)


def test_unknown_assets_and_unmatched_selections_are_resolve_errors(manager):
    with pytest.raises(glia.UnknownAssetError, match="Asset 'Nope' not found"):
        glia.resolve("Nope")
    with pytest.raises(glia.NoMatchesError, match=r"Selection jother\.Leak\.fast could not be resolved") as caught:
        glia.resolve("Leak", pkg="jother", variant="fast")
    assert (caught.value.pkg, caught.value.variant) == ("jother", "fast")
    with pytest.raises(glia.AssetLookupError, match="glia__jtest__Nope__0"):
        glia.insert(None, "glia__jtest__Nope__0")


def test_select_sets_a_script_preference_that_explicit_arguments_override(manager):
    glia.select("Leak", pkg="jtest", variant="fast")
    assert glia.resolve("Leak") == "glia__jtest__Leak__fast"
    assert glia.resolve("Leak", variant="0") == "glia__jtest__Leak__0"
    glia.select("Leak", pkg="jother")
    assert glia.resolve("Leak") == "glia__jother__Leak__0"


def test_a_preference_that_matches_nothing_falls_back_to_resolution_without_it(manager):
    glia.select("Pulse", pkg="jother")
    assert glia.resolve("Pulse") == "glia__jtest__Pulse__0"


def test_context_preferences_apply_inside_the_block_and_nest(manager):
    with glia.context(pkg="jother"):
        assert glia.resolve("Leak") == "glia__jother__Leak__0"
        with glia.context(assets={"Leak": {"package": "jtest", "variant": "fast"}}):
            assert glia.resolve("Leak") == "glia__jtest__Leak__fast"
        assert glia.resolve("Leak") == "glia__jother__Leak__0"
    with pytest.raises(glia.TooManyMatchesError):
        glia.resolve("Leak")
    with glia.context(pkg="jtest", variant="fast"):
        assert glia.resolve("Leak") == "glia__jtest__Leak__fast"


def test_insert_places_a_compiled_density_mechanism_with_its_attributes_and_it_runs(manager, p):
    soma = p.Section()
    soma.L = soma.diam = 10
    leak = glia.insert(soma, "Leak", "fast", "jtest", attributes={"e": -55})
    assert soma(0.5).glia__jtest__Leak__fast.g == 0.01
    assert leak.get_parameter("e") == -55
    assert leak.get_parameter("e", x=0.5) == -55
    leak.set("g", 0.02, x=0.5)
    assert soma(0.5).glia__jtest__Leak__fast.g == 0.02
    with pytest.raises(AttributeError, match="'nope' does not exist on Leak"):
        leak.get_parameter("nope")
    v = soma.record()
    i = leak.record("i")
    p.finitialize(-65)
    p.continuerun(50)
    # A leak alone relaxes the membrane to its reversal potential.
    assert v[-1] == pytest.approx(-55, abs=0.01)
    assert i[0] == pytest.approx(0.02 * (-65 + 55))


def test_insert_places_a_point_process_at_x_usable_as_a_patch_object(manager, p):
    soma = p.Section()
    soma.L = soma.diam = 10
    soma.nseg = 5
    soma.insert("pas")
    pulse = glia.insert(soma, "Pulse", x=0.1, attributes={"amp": 0.05})
    assert pulse.__neuron__().get_loc() == pytest.approx(0.1)
    assert pulse.get_parameter("amp") == 0.05
    with pytest.raises(AttributeError, match="glia__jtest__Pulse__0 has no parameter 'nope'"):
        pulse.set_parameter("nope", 1)
    current = p.record(pulse.__neuron__()._ref_i)
    v_near, v_far = p.record(soma(0.1)._ref_v), p.record(soma(0.9)._ref_v)
    p.finitialize(-70)
    p.continuerun(5)
    assert current[-1] == pytest.approx(0.05)
    assert v_near[-1] > v_far[-1] > -70


def test_a_file_the_translator_refused_is_a_compile_error_when_its_asset_is_used(manager, p):
    with pytest.raises(glia.CompileError, match=r"'glia__jtest__Broken__0' \(.*Broken__0\.mod\) could not be compiled: RuntimeError: .*Broken__0\.mod:\d+:\d+"):
        glia.insert(p.Section(), "Broken")
    with pytest.raises(glia.CompileError, match=r"1 glia mechanism\(s\) could not be compiled:\n  \* glia__jtest__Broken__0"):
        glia.compile()


def test_a_mod_declared_as_point_process_that_is_a_density_mechanism_is_a_library_error(manager, p):
    with pytest.raises(glia.LibraryError, match="marked as a point process"):
        glia.insert(p.Section(), "Misdeclared")


def test_the_simulators_own_mechanisms_are_assets_of_the_neuron_package(manager, p):
    assert glia.resolve("hh") == "hh"
    assert glia.resolve("ExpSyn", pkg="NEURON") == "ExpSyn"
    soma = p.Section()
    glia.insert(soma, "hh", attributes={"gnabar": 0.2})
    assert soma(0.5).hh.gnabar == 0.2
    syn = glia.insert(soma, "ExpSyn", x=0.5, attributes={"tau": 3})
    assert syn.__neuron__().tau == 3


def test_importing_glia_library_compiles_and_loads_the_packages(site, monkeypatch, p):
    monkeypatch.setattr(glia, "_manager", Glia())
    monkeypatch.delitem(sys.modules, "glia.library", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the unimportable package, tested above
        glia.get_packages()
    with pytest.warns(UserWarning, match="glia__jtest__Broken__0"):
        importlib.import_module("glia.library")
    assert p.glia__jtest__Pulse__0 is not None

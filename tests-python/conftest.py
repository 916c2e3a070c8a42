import gc
import os
from pathlib import Path

import pytest

# The oracle's interpreter (real NEURON + nrn-patch), read by the differential tests.
# tools/test.sh creates it at the repository root; JPATCH_REQUIRE_NEURON=1 (set there)
# turns its absence into an error instead of skipped comparisons.
_DEFAULT_REFERENCE = Path(__file__).resolve().parent.parent / ".venv-ref" / "bin" / "python"
os.environ.setdefault("JPATCH_REFERENCE_PYTHON", str(_DEFAULT_REFERENCE))


def pytest_configure(config):
    reference = Path(os.environ["JPATCH_REFERENCE_PYTHON"])
    if os.environ.get("JPATCH_REQUIRE_NEURON") == "1" and not reference.exists():
        raise pytest.UsageError(f"JPATCH_REQUIRE_NEURON=1 but there is no reference Python at {reference}")
    # Also registered in pytest.ini; repeated so that running a single file from
    # another directory knows them too.
    config.addinivalue_line("markers", "slow: takes more than a few seconds")
    config.addinivalue_line(
        "markers", "requires_neuron: needs real NEURON + nrn-patch in .venv-ref (JPATCH_REFERENCE_PYTHON)"
    )


@pytest.fixture(autouse=True)
def simulated_gaps():
    """Every test checks that the engine refused no command Python had queued (each such
    refusal is a gap in patch._rules: bridge/README.md, "Errors at the line"). A test that
    simulates gaps, by queueing raw commands past the checks, appends one entry per
    refusal it expects to this list."""
    from patch import _commands

    session = _commands._session
    before = session.refused if session is not None else 0
    simulated = []
    yield simulated
    if _commands._session is None or _commands._session._closed:
        return
    if _commands._session is not session:
        session, before = _commands._session, 0
    try:
        session.flush()
    except Exception:  # raised for the test's own simulated gaps, or by a test of dead sessions; counted below
        pass
    assert session.refused - before == len(simulated), "the engine refused a command Python had queued (a gap in _rules)"


@pytest.fixture
def p():
    from patch import p

    yield p
    # Patch's own suite collects after each test so dropped objects are released.
    gc.collect()


@pytest.fixture
def session(p):
    return p._session


@pytest.fixture
def has_point_process(p):
    def check(name):
        if name not in p._catalogue.point:
            pytest.skip(f"the engine has no {name} yet")

    return check

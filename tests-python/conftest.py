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

import gc

import pytest


def pytest_configure(config):
    # Also registered in pytest.ini; repeated so that running a single file from
    # another directory knows them too.
    config.addinivalue_line("markers", "slow: takes more than a few seconds")
    config.addinivalue_line(
        "markers", "requires_neuron: needs real NEURON + nrn-patch in /work/main/.venv-ref"
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

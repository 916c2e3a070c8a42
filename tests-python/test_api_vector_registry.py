"""Vector as NEURON's class in the engine's registry: every method reached through the
schema (``p.Vector`` and ``h.Vector`` alike), what stays Python's (indexing, slices, pickling,
numpy, Python callables in apply), and NEURON's numbers for an analysis script."""

import os
import pickle
import sys

import numpy as np
import pytest

from test_neuron_module import SCENARIOS, _run, _same_line


@pytest.mark.requires_neuron
def test_vector_toolkit_script_prints_what_neuron_prints():
    ours = _run(sys.executable, SCENARIOS / "vector_toolkit_h.py")
    theirs = _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / "vector_toolkit_h.py")
    assert len(ours) == len(theirs), (ours, theirs)
    for mine, neuron_line in zip(ours, theirs):
        assert _same_line(mine, neuron_line), (mine, neuron_line)


def test_every_registry_method_is_reachable_with_its_doc(p):
    v = p.Vector([3.0, 1.0, 2.0])
    members = p._registry.classes["Vector"]["members"]
    methods = [name for name, m in members.items() if m["kind"] == "method"]
    assert {"where", "indwhere", "histogram", "smhist", "deriv", "interpolate", "c", "median"} <= set(methods)
    for name in methods:
        method = getattr(v, name)
        assert callable(method) and method.__doc__, name
        if name not in type(v).__dict__:  # not one the proxy keeps in Python (size, append, record, …)
            assert method.__doc__ == members[name]["doc"]
    assert set(methods) <= set(dir(v))
    with pytest.raises(AttributeError, match="nosuchmethod"):
        v.nosuchmethod


def test_chainable_methods_return_the_proxy_and_copies_are_new_vectors(p):
    v = p.Vector([3.0, 1.0, 2.0])
    assert v.sort() is v and v.mul(2).add(1) is v
    assert list(v) == [3.0, 5.0, 7.0]
    c = v.c()
    assert c is not v and list(c) == list(v)
    c.x[0] = -1
    assert v[0] == 3.0, "c() copies"
    assert v.size() == 3 and isinstance(v.size(), int) and isinstance(v.indwhere(">", 4), int)
    assert v.contains(5.0) is True and v.eq(p.Vector([3, 5, 7])) == 1.0


def test_neuron_refusals_are_runtime_errors_naming_the_value(p):
    v = p.Vector([1.0, 2.0])
    with pytest.raises(RuntimeError, match="'~'"):
        v.where("~", 1)
    with pytest.raises(RuntimeError, match="5"):
        v.remove(5)
    with pytest.raises(RuntimeError, match="nosuchfunction"):
        v.apply("nosuchfunction")
    with pytest.raises(RuntimeError):
        v.resize("long")
    assert list(v) == [1.0, 2.0]


def test_negative_indices_and_stepped_slices_as_neuron_9(p):
    v = p.Vector(range(10))
    v[-3] = 42
    assert v[-3] == 42 and v.x[7] == 42
    part = v[7:-9:-2]
    assert type(part) is type(v) and list(part) == [42.0, 5.0, 3.0]
    v[::3] = [-1, -2, -3, -4]
    assert list(v) == [-1, 1, 2, -2, 4, 5, -3, 42, 8, -4]
    with pytest.raises(IndexError):
        v[0:3] = [55]
    with pytest.raises(IndexError):
        v[10]
    with pytest.raises(IndexError, match="-1"):
        v.x[-1]


def test_apply_runs_python_callables_in_python_and_hoc_functions_in_the_engine(p):
    seen = []

    def square(x):
        seen.append(x)
        return x * x

    v = p.Vector([1.0, 2.0, 3.0, 4.0])
    assert v.apply(square, 1, 2) is v
    assert seen == [2.0, 3.0] and list(v) == [1.0, 4.0, 9.0, 4.0]
    v.apply("sqrt")
    assert list(v) == [1.0, 2.0, 3.0, 2.0]


def test_pickled_vectors_come_back_with_their_values(p):
    v = p.Vector([0.1 * i for i in range(5)])
    copy = pickle.loads(pickle.dumps({"v": v}))["v"]
    assert copy is not v and list(copy) == list(v)
    from neuron import h

    assert list(pickle.loads(pickle.dumps(h.Vector([1, 2])))) == [1.0, 2.0]


def test_to_python_and_from_python(p):
    v = p.Vector().from_python((1, 2, 3))
    assert v.to_python() == [1.0, 2.0, 3.0]
    into = np.zeros(3)
    assert v.to_python(into) is into and into.tolist() == [1.0, 2.0, 3.0]
    with pytest.raises(RuntimeError, match="same size"):
        v.to_python([0.0])


def test_array_interface_is_the_snapshot_and_outlives_later_changes(p):
    v = p.Vector([1.0, 2.0, 3.0])
    interface = v.__array_interface__
    assert interface["typestr"] == np.zeros(1).__array_interface__["typestr"] and interface["shape"] == (3,)
    before = np.asarray(v)
    v.mul(10)
    del interface
    import gc

    gc.collect()
    assert before.tolist() == [1.0, 2.0, 3.0] and not before.flags.writeable
    assert np.asarray(v).tolist() == [10.0, 20.0, 30.0]


def test_a_query_keeps_the_numpy_view_and_a_change_renews_it(p):
    v = p.Vector([1.0, 2.0, 3.0])
    first = v.as_numpy()
    v.sum(), v.median(), v.c()
    assert v.as_numpy() is first, "read-only methods (the schema says so) keep the view"
    v.add(1)
    assert v.as_numpy() is not first and v.as_numpy().tolist() == [2.0, 3.0, 4.0]
    dest = p.Vector([0.0, 0.0, 0.0])
    dest_view = dest.as_numpy()
    p.Vector([3.0, 1.0, 2.0]).sortindex(dest)
    assert dest.as_numpy() is not dest_view and dest.as_numpy().tolist() == [1.0, 2.0, 0.0]

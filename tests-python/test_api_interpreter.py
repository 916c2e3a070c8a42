"""NEURON's functions reached through p: allsec, cas, the section stack, secname,
psection, 3-D points with sec=, delete_section, pointers to globals."""

import gc

import pytest


def test_allsec_lists_live_sections_in_creation_order(p):
    gc.collect()
    before = p.allsec()
    a, b = p.Section(name="allsec_a"), p.Section(name="allsec_b")
    assert p.allsec() == [*before, a, b]


def test_secname_of_given_and_accessed_section(p):
    s = p.Section(name="named_soma")
    assert p.secname(sec=s) == "named_soma" == s.name() == str(s)
    with s.push():
        assert p.secname() == "named_soma"


def test_push_section_and_pop_section(p):
    s = p.Section()
    p.push_section(s)
    assert p.cas() is s
    p.pop_section()
    with pytest.raises(RuntimeError):
        while True:
            p.pop_section()


def test_3d_functions_use_sec_or_the_accessed_section(p):
    s = p.Section()
    p.pt3dadd(0, 0, 0, 2, sec=s)
    with s.push():
        p.pt3dadd(3, 4, 0, 2)
        assert p.n3d() == 2
        assert p.arc3d(1) == 5
    assert s.L == 5
    assert p.x3d(1, sec=s) == 3 and p.y3d(1, sec=s) == 4 and p.diam3d(0, sec=s) == 2


def test_psection_describes_mechanisms_ions_and_morphology(p):
    s = p.Section(name="ps_soma").insert("hh")
    s.nseg = 3
    child = p.Section(name="ps_child")
    child.connect(s, 0.5)
    info = p.psection(sec=s)
    assert info["name"] == "ps_soma" and info["nseg"] == 3
    assert info["density_mechs"]["hh"]["gnabar"] == [0.12] * 3
    assert info["ions"]["na"]["ena"] == [50.0] * 3
    assert info["morphology"]["parent"] is None
    assert p.psection(sec=child)["morphology"]["parent"] == s(0.5)
    assert s.psection() == info


def test_delete_section_removes_it(p):
    s = p.Section(name="to_delete")
    p.delete_section(sec=s)
    assert s not in p.allsec()
    with pytest.raises(ReferenceError, match="to_delete"):
        s.L


def test_pointer_to_a_global(p):
    p.finitialize(-65)
    p.continuerun(0.5)
    assert p._ref_t[0] == pytest.approx(0.5)
    old = p.celsius
    p._ref_celsius[0] = 20
    assert p.celsius == 20
    p.celsius = old


def test_fadvance_steps_once(p):
    p.finitialize(-65)
    p.fadvance()
    assert p.t == pytest.approx(p.dt)


def test_topology_prints_neurons_tree_text(p, capsys):
    soma = p.Section(name="topo_soma")
    dend = p.Section(name="topo_dend")
    dend.connect(soma)
    assert p.topology() == 1.0
    out = capsys.readouterr().out
    assert "topo_soma(0-1)" in out and "`|       topo_dend(0-1)" in out


def test_subtree_orientation_and_allseg_as_neuron(p):
    # Expected values printed by NEURON 9.0.2 for the same tree.
    a, b, c, d = (p.Section(name=f"tree_{n}") for n in "abcd")
    b.connect(a)
    c.connect(b)
    d.connect(a)
    assert [s.name() for s in a.subtree()] == ["tree_a", "tree_d", "tree_b", "tree_c"]
    assert [s.name() for s in b.subtree()] == ["tree_b", "tree_c"]
    reversed_child = p.Section()
    reversed_child.connect(a, 0.5, 1)
    assert (reversed_child.orientation(), b.orientation()) == (1, 0)
    a.nseg = 3
    assert [seg.x for seg in a.allseg()] == pytest.approx([0, 1 / 6, 0.5, 5 / 6, 1])

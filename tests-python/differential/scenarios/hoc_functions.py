"""hoc's everyday functions through ``from neuron import h``: ions (nernst, ghk, ion_charge),
questions about sections (ismembrane, issection, parent_connection, section_orientation) and
strings/system (strcmp, printf, getcwd, chdir, clocks); one result per line, for
test_neuron_module.py to compare under jpatch and under real NEURON."""

import os
import sys
import tempfile

from neuron import h


def refused(call):
    try:
        call()
        return "accepted"
    except RuntimeError:
        return "RuntimeError"


print("constants", h.FARADAY, h.R, h.Avogadro_constant, h.float_epsilon)
for celsius in (6.3, 22.0, 37.0):
    h.celsius = celsius
    print("celsius", celsius, "nernst", h.nernst(5.0, 120.0, 1), h.nernst(2e-4, 1.8, 2), h.nernst(12.0, 3.5, -1))
    print("ghk", h.ghk(-70.0, 5.0, 120.0, 1), h.ghk(20.0, 2e-4, 1.8, 2), h.ghk(1e-6, 5.0, 120.0, 1))
print("limits", h.nernst(0, 3.0, 1), h.nernst(3.0, 0, 1), h.nernst(3.0, 4.0, 0))
h.celsius = 6.3

axon = h.Section(name="axon")
axon.nseg = 3
axon.insert("hh")
tip = h.Section(name="tip")
tip.connect(axon(1), 1)
bare = h.Section(name="bare")
bare.connect(axon(0.25), 0)
for i, seg in enumerate(axon):
    seg.nai = 8.0 + 4 * i
    seg.ek = -85.0 + 3 * i
for var in ("ena", "ek", "nai", "nao", "ki", "ko"):
    print("nernst", var, [h.nernst(var, x, sec=axon) for x in (0.0, 0.1, 0.5, 0.9, 1.0)])
print("nernst default x", h.nernst("ena", sec=axon))
print("nernst refusals", refused(lambda: h.nernst("ina", sec=axon)), refused(lambda: h.nernst("ena", 1.5, sec=axon)),
      refused(lambda: h.nernst("ena", sec=bare)), refused(lambda: h.nernst("nosuch", sec=axon)))
print("ion_charge", h.ion_charge("na_ion"), h.ion_charge("k_ion"), refused(lambda: h.ion_charge("hh")),
      refused(lambda: h.ion_charge("na")))

stim = h.IClamp(axon(0.1))
syn = h.ExpSyn(tip(0.9))
for sec in (axon, tip, bare):
    print("ismembrane", sec.name(), [h.ismembrane(m, sec=sec) for m in
                                     ("hh", "pas", "na_ion", "k_ion", "capacitance", "morphology", "IClamp", "ExpSyn")])
tip.push()
print("ismembrane accessed", h.ismembrane("hh"), h.issection("t.*"), h.section_orientation(), h.parent_connection())
h.pop_section()
print("issection", [h.issection(pattern, sec=axon) for pattern in ("axon", "ax", ".*x.*", "<ab>xon", "a[x]on", "AXON")])
for sec in (axon, tip, bare):
    print("connection", sec.name(), h.parent_connection(sec=sec), h.section_orientation(sec=sec))
print("section_exists", h.section_exists("axon"), h.section_exists("axon", 0), h.section_exists("tip", sec=tip))

print("strcmp", h.strcmp("soma", "dend"), h.strcmp("dend", "soma"), h.strcmp("ab", "abc"), h.strcmp("x", "x"),
      h.strcmp("", "Z"))
sys.stdout.flush()
n = h.printf("%d %5.3f %-6s| %e %g %c %%\n", 42.9, 3.14159265, "hh", 6.02214076e23, 1e-5, 66)
sys.stdout.flush()
print("printf length", n)
n = h.printf("[%+d] [% d] [%05d] [%.4d] [%x] [%o] [%8.2e] [%-8g] [%.1s] [%ld]\n",
             7, 7, -42, 3, 48879, 64, 12345.6789, 0.5, "abc", 2 ** 40)
sys.stdout.flush()
print("printf length", n)
print("printf refusals", refused(lambda: h.printf("%d %d\n", 1)), refused(lambda: h.printf("%s\n", 3)))

start = os.getcwd()
print("getcwd", h.getcwd() == os.path.join(start, ""), h.getcwd().endswith("/"))
with tempfile.TemporaryDirectory() as where:
    print("chdir", h.chdir(where), os.path.samefile(os.getcwd(), where), h.getcwd() == os.path.join(os.getcwd(), ""))
    print("chdir missing", h.chdir(os.path.join(where, "missing")), os.path.samefile(os.getcwd(), where))
    h.chdir(start)
print("unix_mac_pc", h.unix_mac_pc())
t0 = h.startsw()
print("clocks", type(t0).__name__, t0 > 1.6e9, h.stopsw())
print("nrnversion", [type(h.nrnversion(i)).__name__ for i in range(10)], refused(lambda: h.nrnversion(21)))

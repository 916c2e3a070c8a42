"""NEURON's math functions, SectionList and List through ``from neuron import h``; prints one
value per line for test_neuron_module.py to compare under jpatch and under real NEURON."""

from neuron import h

for name, args in [
    ("sin", (0.7,)), ("cos", (2.5,)), ("atan", (-3.0,)), ("atan2", (1.0, -2.0)), ("tanh", (0.3,)),
    ("exp", (1.5,)), ("exp", (-701.0,)), ("exp", (701.0,)), ("log", (7.0,)), ("log", (0.0,)),
    ("log10", (1234.5,)), ("sqrt", (2.0,)), ("abs", (-4.25,)), ("int", (-2.7,)), ("int", (2.7,)),
    ("erf", (0.4,)), ("erfc", (1.3,)),
]:
    print(name, args, repr(getattr(h, name)(*args)))
for name, arg in [("sqrt", -1.0), ("log", -2.0), ("log10", -1.0)]:
    try:
        getattr(h, name)(arg)
        print(name, arg, "accepted")
    except RuntimeError:
        print(name, arg, "RuntimeError")

soma = h.Section(name="soma")
dends = [h.Section(name=f"dend{i}") for i in range(3)]
for i, d in enumerate(dends):
    d.connect(soma if i < 2 else dends[0])
sl = h.SectionList()
print("append", sl.append(sec=soma), sl.append(dends[1]), sl.append(soma))
print("len", len(sl), "unique", sl.unique(), "len", len(sl))
print("contains", sl.contains(dends[1]), sl.contains(dends[2]))
print("remove", sl.remove(sec=soma), len(sl))
sl.printnames()
for method, sec in [("wholetree", dends[2]), ("subtree", dends[0]), ("children", soma)]:
    tree = h.SectionList()
    getattr(tree, method)(sec=sec)
    print(method, [s.name() for s in tree])
roots = h.SectionList()
roots.allroots()
print("allroots", [s.name() for s in roots])
print("from list", [s.name() for s in h.SectionList([dends[2], soma])])

lst = h.List()
a, b = h.Vector(), h.Vector(3)
print("List", lst.append(a), lst.append(b), lst.prepend(b), lst.insrt(1, a), lst.count())
print("index", lst.index(b), lst.index(h.Vector()), "remove", lst.remove(0), lst.count(), len(lst))
print("sizes", [v.size() for v in lst], lst.object(1).size(), lst.o(2).size(), lst[0].size())
for bad in [lambda: lst.object(9), lambda: lst.remove(-1), lambda: lst.append(3)]:
    try:
        bad()
        print("accepted")
    except RuntimeError:
        print("RuntimeError")
print("remove_all", lst.remove_all(), lst.count())

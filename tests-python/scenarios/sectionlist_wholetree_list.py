"""SectionList built from a Python list, by append and by wholetree/subtree/allroots;
membership, iteration that leaves the accessed section alone, children and parentseg;
h.List holding Vectors and counting objects of one class."""

from neuron import h

soma = h.Section(name="soma")
dends = [h.Section(name=f"dend{i}") for i in range(4)]
dends[0].connect(soma(1))
dends[1].connect(soma(0))
dends[2].connect(dends[0](0.5))
dends[3].connect(dends[2])
axon = h.Section(name="axon")
soma.push()
print("allsec", [s.name() for s in h.allsec()])
tree = soma.wholetree()
print("wholetree", [s.name() for s in tree], len(tree))
sub = h.SectionList()
sub.subtree(sec=dends[0])
print("subtree", [s.name() for s in sub])
roots = h.SectionList()
roots.allroots()
print("allroots", [s.name() for s in roots])
picked = h.SectionList([dends[3], axon])
picked.append(sec=soma)
picked.append(dends[1])
print("picked", [s.name() for s in picked], dends[3] in picked, dends[0] in picked)
for s in picked:
    print(s.name(), h.cas().name())
picked.remove(sec=axon)
print("after remove", [s.name() for s in picked], picked.printnames())
print("children", [c.name() for c in soma.children()], [c.name() for c in dends[0].children()])
print("parents", dends[2].parentseg().sec.name(), dends[2].parentseg().x, dends[1].parentseg().x, soma.parentseg())
print("trueparent", dends[3].trueparentseg(), h.SectionRef(sec=dends[3]).parent.name())
ref = h.SectionRef(sec=soma)
print("sectionref", ref.nchild(), ref.has_parent(), ref.child[1].name(), ref.root.name())
h.pop_section()

items = h.List()
vecs = [h.Vector(i + 1).fill(i) for i in range(3)]
for v in vecs:
    items.append(v)
print("list", items.count(), len(items), items.index(vecs[1]), list(items.o(2)), [v.size() for v in items])
items.remove(0)
print("after remove", items.count(), items[0].size())
print("by class", h.List("Vector").count(), h.List("SectionList").count())

"""define_shape on random trees (seeded): sections of random length, nseg and diameter joined at
random places by either end, so that angles come from every direction; prints every 3-D point
for test_neuron_module.py to compare under jpatch and under real NEURON. Each define_shape after
the first draws the new tree and leaves the earlier ones where they are."""

import random

from neuron import h

forest = []  # every tree stays referenced: NEURON deletes a section Python no longer holds
for seed in (1, 2, 3):
    draw = random.Random(seed)
    tree = []
    forest.append(tree)
    for i in range(60):
        sec = h.Section(name=f"t{seed}_{i}")
        sec.L, sec.nseg, sec.diam = draw.uniform(5, 200), draw.choice([1, 2, 3, 5]), draw.uniform(0.3, 4)
        if tree and draw.random() < 0.9:
            parent = draw.choice(tree)
            sec.connect(parent(draw.choice([0, 0.2, 0.5, 0.7, 1, 1, 1])), draw.choice([0, 0, 0, 1]))
        tree.append(sec)
    h.define_shape()
    for sec in tree:
        points = [(sec.x3d(i), sec.y3d(i), sec.z3d(i), sec.arc3d(i)) for i in range(sec.n3d())]
        print(sec.name(), sec.L, points)

"""Vector indexing as NEURON's own test_vector exercises it (negative indices, slices with
steps, slice assignment and its length errors) and Vectors through pickle."""

import pickle

from neuron import h

values = list(range(10))
vec = h.Vector(values)
print(vec[-3], vec[0], vec.x[4])
vec[-3] = 42
print(list(vec))
for sl in [slice(2, 6), slice(-3, -1), slice(None, None, 2), slice(None, None, -2), slice(3, 6, 2), slice(7, -9, -2),
           slice(-1, None, -3), slice(-2, None, -6), slice(7, -1, -2), slice(3, 2, -2)]:
    print(sl, list(vec[sl]))
vec[2:4] = [12, 13]
vec[::2] = [float(i) for i in range(277, 282)]
vec[3:6:2] = [-123, -456]
print(list(vec))
other = h.Vector(x for x in range(10, 20))
vec[3:8] = other[3:8]
print(list(vec))
for bad in ([55], (x for x in range(100, 120))):
    try:
        vec[0:3] = bad
    except IndexError:
        print("IndexError")
try:
    vec[10]
except IndexError:
    print("IndexError read")

recorded = h.Vector([0.1 * i ** 2 for i in range(7)])
copy = pickle.loads(pickle.dumps(recorded))
print(type(copy).__name__, copy.hname().startswith("Vector"), list(copy), copy.size())
nested = pickle.loads(pickle.dumps({"a": recorded, "b": [h.Vector(3).fill(2.5)]}))
print(list(nested["a"]), list(nested["b"][0]))
copy.x[0] = -1
print(recorded[0], copy[0])

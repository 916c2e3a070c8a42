"""``import neuron.gui``: NEURON's GUI. jpatch runs without a display, as NEURON with -nogui: the
import succeeds and shows nothing."""

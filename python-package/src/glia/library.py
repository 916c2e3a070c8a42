"""``import glia.library`` loads the glia library into the simulator, as in nmodl-glia."""

from . import _manager

_manager.load_library()

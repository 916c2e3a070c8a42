"""Ctrl-C while the main thread waits for the JVM (bridge/README.md, "Interrupts and the
watchdog").

Python's default SIGINT handler raises KeyboardInterrupt wherever the main thread is;
inside py4j's socket read that breaks py4j's connection (its own KeyboardInterrupt
handling ends in an AttributeError) while the JVM goes on running. This handler, put in
place of the default one on the session's first call from the main thread, behaves as
the default one except during a call: then it only records the signal and asks for the
run to be stopped, and the call raises KeyboardInterrupt once the JVM has answered.
Installed once rather than around each call: swapping handlers costs ~20 µs a call, a
third of a read's round trip. A handler of the user's own is left alone.
"""

import signal
import threading


class CallInterrupts:
    def __init__(self, request_stop):
        """``request_stop``: called from the handler; it must only set flags (the
        handler may run while the main thread holds any lock)."""
        self._request_stop = request_stop
        self._installed = False
        self._waiting = False
        self._hit = False

    def enter(self):
        """Before a call; True when Ctrl-C will interrupt it (the main thread, our handler)."""
        if threading.current_thread() is not threading.main_thread():
            return False
        if not self._installed:
            self._installed = True
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                signal.signal(signal.SIGINT, self._on_sigint)
        self._hit = False
        self._waiting = True
        return True

    def leave(self):
        """After a call entered with True; True when Ctrl-C came during it."""
        self._waiting = False
        hit, self._hit = self._hit, False
        return hit

    def _on_sigint(self, signum, frame):
        if self._waiting:
            self._hit = True
            self._request_stop()
            return
        signal.default_int_handler(signum, frame)

"""A thread that watches the calls in progress to the JVM (bridge/README.md, "Interrupts
and the watchdog"):

- while a call has lasted ``heartbeat_s`` or longer, it pings the JVM over the control
  connection every ``heartbeat_s``; the JVM answers from the connection's own thread,
  so a JVM busy with a long run answers and is left alone, while one that does not
  answer within ``timeout_s`` (stopped, hung, swapping to death) is declared frozen;
- it delivers Ctrl-C's stop request, so that the signal handler itself never blocks.
"""

import threading
import time

from ._control import ControlError


class Watchdog:
    def __init__(self, control, on_frozen, heartbeat_s, timeout_s):
        self._control = control
        self._on_frozen = on_frozen
        self.heartbeat_s = heartbeat_s
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._calls = 0
        self._busy_since = None  # monotonic time the oldest call in progress began [s]
        self._wake = threading.Event()
        self._interrupt_wanted = False
        self._interrupt_sent = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._watch, name="jpatch-watchdog", daemon=True)
        self._thread.start()

    def call_started(self):
        with self._lock:
            self._calls += 1
            if self._calls == 1:
                self._busy_since = time.monotonic()

    def call_ended(self):
        with self._lock:
            self._calls -= 1
            if self._calls == 0:
                self._busy_since = None

    def request_interrupt(self):
        """From the SIGINT handler: sets flags only (the handler may run while the main
        thread holds any lock)."""
        self._interrupt_sent.clear()
        self._interrupt_wanted = True
        self._wake.set()

    def await_interrupt_sent(self):
        """Waits until the stop request reached the JVM, or failed (then the JVM is
        declared frozen), so that it can be withdrawn after the call it was meant for."""
        self._interrupt_sent.wait(self.heartbeat_s + self.timeout_s)

    def stop(self):
        self._stopped = True
        self._wake.set()

    def _watch(self):
        # Connect now, while connections are free: a flood of connections later (the
        # JVM serves a bounded number) cannot then keep heartbeats out.
        try:
            self._control.call("ping", self.timeout_s)
        except ControlError:
            pass  # connected again at the first heartbeat a long call needs
        while not self._stopped:
            self._wake.wait(self.heartbeat_s)
            self._wake.clear()
            if self._stopped:
                return
            if self._interrupt_wanted:
                self._interrupt_wanted = False
                try:
                    self._control.call("interrupt", self.timeout_s)
                except ControlError as error:
                    self._on_frozen(f"it did not take Ctrl-C's stop request within {self.timeout_s:g} s ({error})")
                finally:
                    self._interrupt_sent.set()
                continue
            busy_since = self._busy_since
            if busy_since is not None and time.monotonic() - busy_since >= self.heartbeat_s:
                try:
                    self._control.call("ping", self.timeout_s)
                except ControlError as error:
                    self._on_frozen(f"it did not answer a heartbeat within {self.timeout_s:g} s ({error})")

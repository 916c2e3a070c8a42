"""The control connection to the JVM: what must get through while a batch runs on the
main connection — the watchdog's heartbeat and Ctrl-C's stop request (bridge/README.md,
"Interrupts and the watchdog").

It speaks Py4J's text protocol itself (authenticate, call a method of the entry point)
rather than through py4j's client: every call here has its own timeout and is sent
exactly once, where py4j's client resends a command after some failures and applies one
read timeout to every connection of its pool.
"""

import socket
import threading


class ControlError(Exception):
    """The JVM did not answer a control call in time, or answered with an error."""


class ControlChannel:
    def __init__(self, port, token):
        self._port = port
        self._token = token
        self._socket = None
        self._reader = None
        # The watchdog's thread and the thread that withdraws an interrupt share it.
        self._lock = threading.Lock()

    def call(self, method, timeout_s):
        """Calls the entry point's ``method`` (no arguments); ControlError unless it
        answers within ``timeout_s`` seconds."""
        with self._lock:
            try:
                if self._socket is None:
                    self._connect(timeout_s)
                self._socket.settimeout(timeout_s)
                answer = self._exchange(f"c\nt\n{method}\ne\n")
            except OSError as error:
                self._close_locked()
                raise ControlError(f"{method}: {error or type(error).__name__}") from None
            if not answer.startswith("!y"):
                self._close_locked()
                raise ControlError(f"{method}: the JVM answered {answer!r}")

    def close(self):
        with self._lock:
            self._close_locked()

    def _connect(self, timeout_s):
        self._socket = socket.create_connection(("127.0.0.1", self._port), timeout=timeout_s)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = self._socket.makefile("rb")
        answer = self._exchange(f"A\n{self._token}\n")
        if not answer.startswith("!y"):
            raise ConnectionRefusedError(f"authentication refused: {answer!r}")

    def _exchange(self, command):
        self._socket.sendall(command.encode())
        line = self._reader.readline()
        if not line.endswith(b"\n"):
            raise ConnectionResetError("the JVM closed the control connection")
        return line[:-1].decode(errors="replace")

    def _close_locked(self):
        for closable in (self._reader, self._socket):
            if closable is not None:
                try:
                    closable.close()
                except OSError:
                    pass
        self._socket = self._reader = None

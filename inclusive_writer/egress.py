"""Egress guard: outside an explicit model download, no network connection leaves the process.

`install_guard()` patches the socket layer of this Python process (connect, connect_ex,
sendto, sendmsg, create_connection and the name-lookup functions). Every attempt is recorded
(`attempts()`) and logged on the "inclusive_writer.egress" logger; refused ones raise
`EgressBlocked` (a `PermissionError`, so HTTP libraries report an ordinary connection error).

Modes:
- strict (default): every internet-family connection is refused, loopback included, except the
  loopback endpoints registered with `permit_local(host, port)` (the user's own LanguageTool
  server). Unix-domain sockets are always allowed (they never leave the machine).
- not strict: loopback is allowed, everything else refused.
`allow_network(reason)` lifts the guard for everyone while the block runs (the explicit model
download; the grammar check when the user opted in to the public LanguageTool service); those
connections are recorded too, with `allowed=True`.

Limits: the guard covers Python sockets in this process; child processes (a Java LanguageTool
server) are not covered — they are started only from a local directory the user configured.
"""
from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any, Iterator

log = logging.getLogger("inclusive_writer.egress")

_INET = {socket.AF_INET, socket.AF_INET6}
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class EgressBlocked(PermissionError):
    """A network connection was refused by the egress guard."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One network attempt seen by the guard."""

    when: float
    function: str  # "connect", "getaddrinfo", ...
    host: str
    port: int | None
    allowed: bool
    reason: str
    thread: str


_lock = threading.RLock()
_state: dict[str, Any] = {"installed": False, "strict": True, "open": 0, "reasons": []}
_permitted: dict[tuple[str, int], int] = {}
_attempts: list[Attempt] = []
_originals: dict[str, Any] = {}


def _is_loopback(host: str) -> bool:
    h = host.strip("[]").split("%", 1)[0].lower()
    if h in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def _is_numeric(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


def _canon(host: str) -> str:
    h = host.strip("[]").split("%", 1)[0].lower()
    if h in _LOCAL_NAMES:
        return "loopback"
    try:
        return "loopback" if ipaddress.ip_address(h).is_loopback else h
    except ValueError:
        return h


def _decide(function: str, host: str, port: int | None) -> None:
    """Record the attempt; raise `EgressBlocked` unless policy allows it."""
    with _lock:
        if _state["open"]:
            allowed, reason = True, "allow_network: " + (_state["reasons"][-1] or "explicit")
        elif _is_loopback(host) and port is not None and (_canon(host), port) in _permitted:
            allowed, reason = True, "permitted local endpoint"
        elif _is_loopback(host) and not _state["strict"]:
            allowed, reason = True, "loopback (non-strict mode)"
        elif function in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "getnameinfo") \
                and (not host or _is_numeric(host) or host.lower() in _LOCAL_NAMES):
            return  # resolving a literal address or localhost never touches the network
        else:
            allowed = False
            reason = "strict mode" if _state["strict"] else "not loopback"
        _attempts.append(Attempt(time.time(), function, host, port, allowed, reason,
                                 threading.current_thread().name))
    if allowed:
        log.info("network %s to %s:%s allowed (%s)", function, host, port, reason)
        return
    log.warning("network %s to %s:%s refused by the egress guard (%s)", function, host, port,
                reason)
    raise EgressBlocked(f"network access refused by the egress guard: {function} {host}"
                        f"{'' if port is None else f':{port}'} (Inclusive Writer works offline)")


def _split(address: Any) -> tuple[str, int | None]:
    if isinstance(address, tuple) and address:
        host = address[0]
        host = host.decode("idna") if isinstance(host, bytes) else str(host)
        port = address[1] if len(address) > 1 and isinstance(address[1], int) else None
        return host, port
    return str(address), None


def _guarded_method(name: str, addr_index: int):
    original = getattr(socket.socket, name)

    def method(self, *args, **kwargs):
        if self.family in _INET and len(args) > addr_index:
            host, port = _split(args[addr_index])
            _decide(name, host, port)
        return original(self, *args, **kwargs)

    method.__name__ = name
    method.__wrapped__ = original
    return original, method


def _guard_sendmsg(original):
    def sendmsg(self, buffers, ancdata=(), flags=0, address=None, *rest):
        if self.family in _INET and address is not None:
            _decide("sendmsg", *_split(address))
        if address is None:
            return original(self, buffers, ancdata, flags, *rest)
        return original(self, buffers, ancdata, flags, address, *rest)

    sendmsg.__wrapped__ = original
    return sendmsg


def _guard_function(name: str):
    original = getattr(socket, name)

    def function(*args, **kwargs):
        host = args[0] if args else kwargs.get("host", kwargs.get("address", ""))
        port = None
        if name == "create_connection":
            host, port = _split(host)
        elif name == "getnameinfo":
            host, port = _split(host)
        elif name == "getaddrinfo":
            port = args[1] if len(args) > 1 else kwargs.get("port")
            port = port if isinstance(port, int) else None
            if host is None:
                host = "localhost"
        if isinstance(host, bytes):
            host = host.decode("idna", "replace")
        _decide(name, str(host), port)
        return original(*args, **kwargs)

    function.__name__ = name
    function.__wrapped__ = original
    return original, function


def install_guard(strict: bool = True) -> None:
    """Install the guard in this process (idempotent; calling again changes the mode)."""
    with _lock:
        _state["strict"] = bool(strict)
        if _state["installed"]:
            return
        for name, idx in (("connect", 0), ("connect_ex", 0)):
            orig, new = _guarded_method(name, idx)
            _originals["socket." + name] = orig
            setattr(socket.socket, name, new)
        orig_sendto = socket.socket.sendto

        def sendto(self, data, *args):
            if self.family in _INET and args:
                _decide("sendto", *_split(args[-1]))
            return orig_sendto(self, data, *args)

        sendto.__wrapped__ = orig_sendto
        _originals["socket.sendto"] = orig_sendto
        socket.socket.sendto = sendto
        if hasattr(socket.socket, "sendmsg"):
            _originals["socket.sendmsg"] = socket.socket.sendmsg
            socket.socket.sendmsg = _guard_sendmsg(socket.socket.sendmsg)
        for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                     "gethostbyaddr", "getnameinfo"):
            orig, new = _guard_function(name)
            _originals[name] = orig
            setattr(socket, name, new)
        _state["installed"] = True
    log.debug("egress guard installed (strict=%s)", strict)


def uninstall_guard() -> None:
    """Remove the guard (tests only)."""
    with _lock:
        if not _state["installed"]:
            return
        for key, orig in _originals.items():
            if key.startswith("socket."):
                setattr(socket.socket, key[7:], orig)
            else:
                setattr(socket, key, orig)
        _originals.clear()
        _state["installed"] = False


def is_installed() -> bool:
    return bool(_state["installed"])


def is_strict() -> bool:
    return bool(_state["strict"])


@contextlib.contextmanager
def allow_network(reason: str = "model download") -> Iterator[None]:
    """Let connections through while the block runs (all threads; recorded as allowed)."""
    with _lock:
        _state["open"] += 1
        _state["reasons"].append(reason)
    log.info("network allowed: %s", reason)
    try:
        yield
    finally:
        with _lock:
            _state["open"] -= 1
            _state["reasons"].pop()


@contextlib.contextmanager
def permit_local(host: str, port: int) -> Iterator[None]:
    """Allow connections to one loopback endpoint (e.g. a local LanguageTool) in strict mode."""
    if not _is_loopback(host):
        raise ValueError(f"permit_local only takes loopback addresses, not {host!r}")
    key = (_canon(host), int(port))
    with _lock:
        _permitted[key] = _permitted.get(key, 0) + 1
    try:
        yield
    finally:
        with _lock:
            _permitted[key] -= 1
            if not _permitted[key]:
                del _permitted[key]


def attempts(*, refused_only: bool = False) -> list[Attempt]:
    """Every attempt recorded since the last `clear_attempts()`."""
    with _lock:
        return [a for a in _attempts if not (refused_only and a.allowed)]


def clear_attempts() -> None:
    with _lock:
        _attempts.clear()

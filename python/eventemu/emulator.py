"""The Python face of eventemu (DESIGN.md §1 "Python").

``Emulator`` runs the C++ engine (``eventemu._core``) inside this process: the HTTP
server works on its own threads with the GIL released, and never calls back into
Python. ``RemoteEmulator`` (remote.py) offers the same methods for an emulator
running elsewhere; both share ``EmulatorControls``, which holds every method that
only talks to the engine, so the two cannot drift apart.
"""
from __future__ import annotations

import atexit
import os
import threading
import weakref
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _core
from ._core import EmulatorError
from .faults import build_rule

PathLike = Union[str, "os.PathLike[str]"]
ScenarioSpec = Union[str, "os.PathLike[str]", Mapping[str, Any]]

API_NAMES = ("ces", "aom", "bcm")


def _require_str(name: str, value: Any, *, optional: bool = False) -> Optional[str]:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        kind = "a str or None" if optional else "a str"
        raise TypeError(f"{name} must be {kind}, not {type(value).__name__}")
    return value


def _require_int(name: str, value: Any, *, optional: bool = False, minimum: Optional[int] = None) -> Optional[int]:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        kind = "an int or None" if optional else "an int"
        raise TypeError(f"{name} must be {kind}, not {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, not {value}")
    return value


def _path_list(name: str, value: Union[None, PathLike, Iterable[PathLike]]) -> List[str]:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name} must be a path or a list of paths, not {type(value).__name__}") from None
    out = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"{name} must hold paths, not {type(item).__name__}")
        out.append(os.fspath(item))
    return out


def _scenario_is_path(spec: Union[str, "os.PathLike[str]"]) -> bool:
    if isinstance(spec, os.PathLike):
        return True
    return spec.endswith(".json") or "/" in spec or os.sep in spec


class Clock:
    """The emulator's virtual clock: every time the engine uses comes from it."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    @property
    def now_ms(self) -> int:
        """Emulator time in epoch milliseconds."""
        return int(self._backend.clock()["now_ms"])

    @property
    def frozen(self) -> bool:
        return bool(self._backend.clock()["frozen"])

    def freeze(self, at_ms: Optional[int] = None) -> int:
        """Stops time (at ``at_ms`` if given, else now); returns now_ms."""
        at_ms = _require_int("at_ms", at_ms, optional=True, minimum=0)
        body: Dict[str, Any] = {"frozen": True}
        if at_ms is not None:
            body["now_ms"] = at_ms
        return int(self._backend.set_clock(body)["now_ms"])

    def advance(self, ms: int) -> int:
        """Moves time forward by ``ms`` (frozen or running); returns now_ms."""
        ms = _require_int("ms", ms, minimum=0)
        return int(self._backend.advance_clock(ms)["now_ms"])

    def resume(self) -> int:
        """Lets time run again from the current instant; returns now_ms."""
        return int(self._backend.set_clock({"frozen": False})["now_ms"])

    def set(self, now_ms: int, frozen: Optional[bool] = None) -> int:
        """Sets now (keeping frozen/running unless ``frozen`` is given); returns now_ms."""
        body: Dict[str, Any] = {"now_ms": _require_int("now_ms", now_ms, minimum=0)}
        if frozen is not None:
            if not isinstance(frozen, bool):
                raise TypeError(f"frozen must be a bool, not {type(frozen).__name__}")
            body["frozen"] = frozen
        return int(self._backend.set_clock(body)["now_ms"])

    def __repr__(self) -> str:
        state = self._backend.clock()
        return f"<eventemu Clock now_ms={state['now_ms']} frozen={state['frozen']}>"


class Fault:
    """A fault rule added to an emulator; a context manager that removes it on exit."""

    def __init__(self, controls: "EmulatorControls", rule_id: str, rule: Dict[str, Any]) -> None:
        self._controls = controls
        self.id = rule_id
        self.rule = rule
        self.removed = False

    @property
    def state(self) -> Optional[Dict[str, Any]]:
        """The rule as the emulator lists it (with matched/fired counters), or None once gone."""
        for listed in self._controls.faults():
            if listed.get("id") == self.id:
                return listed
        return None

    @property
    def fired(self) -> int:
        state = self.state
        return int(state.get("fired", 0)) if state else 0

    @property
    def matched(self) -> int:
        state = self.state
        return int(state.get("matched", 0)) if state else 0

    def remove(self) -> None:
        """Removes the rule; a rule already gone (after a reset) is fine."""
        if self.removed:
            return
        self.removed = True
        try:
            self._controls.remove_fault(self.id)
        except EmulatorError as error:
            if getattr(error, "status", None) != 404:
                raise

    def __enter__(self) -> "Fault":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.remove()

    def __repr__(self) -> str:
        return f"<eventemu Fault {self.id!r}{' removed' if self.removed else ''}>"


class EmulatorControls:
    """Every control capability, over a backend with the methods of ``_core.Emulator``."""

    _backend: Any

    def __init__(self, backend: Any) -> None:
        self._backend = backend
        self.clock = Clock(backend)

    # --- state -----------------------------------------------------------
    def health(self) -> Dict[str, Any]:
        return self._backend.health()

    def reset(self, project: Optional[str] = None) -> None:
        """Drops stored data, journal, faults and scenarios: all, or one project's/account's."""
        self._backend.reset(_require_str("project", project, optional=True))

    def seed(self, api: str, events: Union[Sequence[Mapping[str, Any]], Mapping[str, Any]], *,
             project: Optional[str] = None, kind: Optional[str] = None) -> List[str]:
        """Puts vendor-generated events into the store (POST /_emulator/seed/{api}); returns their ids.

        ``events`` is a list of items in the vendor's read shape, or a whole seed body
        ``{"project", "kind", "events"}``.
        """
        _require_str("api", api)
        if api not in API_NAMES:
            raise ValueError(f"api must be one of {', '.join(API_NAMES)}, not {api!r}")
        if isinstance(events, Mapping):
            if project is not None or kind is not None:
                raise TypeError("seed() takes project/kind either in the body dict or as keywords, not both")
            body = dict(events)
        else:
            if isinstance(events, (str, bytes)) or not isinstance(events, Sequence):
                raise TypeError(f"events must be a list of event dicts, not {type(events).__name__}")
            project = _require_str("project", project if project is not None else self._default_project(api),
                                   optional=True)
            body = {"events": list(events)}
            if project is not None:
                body["project"] = project
            if kind is not None:
                body["kind"] = _require_str("kind", kind)
        result = self._backend.seed(api, body)
        return list(result.get("ids", []))

    def _default_project(self, api: str) -> Optional[str]:
        return None

    # --- faults ----------------------------------------------------------
    def fault(self, rule: Optional[Mapping[str, Any]] = None, **options: Any) -> Fault:
        """Adds a rule now and returns it as a context manager that removes it on exit.

        Flat keywords fill the rule's blocks: match (operation, project, method, path,
        header), when (probability, calls, every, times, after_ms, for_ms) and action
        (status, retry_after_s, delay_ms, delay, fault, rate_limit); or pass a full rule dict.
        """
        built = build_rule(rule, options, "fault")
        rule_id = self._backend.add_fault(built)
        return Fault(self, rule_id, dict(built, id=rule_id))

    def add_fault(self, rule: Optional[Mapping[str, Any]] = None, **options: Any) -> str:
        """Adds a rule (a dict, or flat keywords as for fault()); returns its id."""
        return self._backend.add_fault(build_rule(rule, options, "add_fault"))

    def add_faults(self, rules: Sequence[Mapping[str, Any]]) -> List[str]:
        """Adds several rules, all or none; returns their ids."""
        if isinstance(rules, Mapping) or not isinstance(rules, Sequence):
            raise TypeError(f"rules must be a list of rule dicts, not {type(rules).__name__}")
        return list(self._backend.add_faults([build_rule(rule, {}, "add_faults") for rule in rules]))

    def remove_fault(self, rule_id: Union[str, Fault]) -> None:
        """Removes a rule; EmulatorError (status 404) when no rule has that id."""
        if isinstance(rule_id, Fault):
            rule_id.remove()
            return
        self._backend.remove_fault(_require_str("rule_id", rule_id))

    def faults(self) -> List[Dict[str, Any]]:
        """The rules in evaluation order, with their matched/fired counters."""
        return list(self._backend.faults())

    def clear_faults(self) -> None:
        """Removes the rules added directly (scenario rules stay with their scenario)."""
        self._backend.clear_faults()

    # --- scenarios -------------------------------------------------------
    def load_scenario(self, scenario: ScenarioSpec) -> Dict[str, Any]:
        """Loads a scenario: a name ("throttled", from the scenario folders), a path
        to a JSON file, or the scenario itself as a dict. Returns its status entry."""
        if not hasattr(self._backend, "load_scenario"):
            raise EmulatorError("scenarios are not available in this build of eventemu._core")
        if isinstance(scenario, Mapping):
            return self._backend.load_scenario(dict(scenario))
        if not isinstance(scenario, (str, os.PathLike)):
            raise TypeError(f"scenario must be a name, a path or a dict, not {type(scenario).__name__}")
        if _scenario_is_path(scenario):
            return self._backend.load_scenario_file(os.fspath(scenario))
        if not scenario:
            raise ValueError("scenario name must not be empty")
        return self._backend.load_scenario({"name": scenario})

    def scenarios(self) -> List[Dict[str, Any]]:
        """Loaded scenarios with their current phase."""
        return list(self._backend.scenarios().get("scenarios", []))

    def unload_scenario(self, name: Optional[str] = None) -> None:
        """Unloads one scenario by name, or all of them."""
        self._backend.unload_scenario(_require_str("name", name, optional=True))

    # --- journal ---------------------------------------------------------
    def requests(self, operation: Optional[str] = None, project: Optional[str] = None,
                 status: Optional[int] = None, kind: Optional[str] = None,
                 limit: Optional[int] = None, since: Optional[int] = None) -> List[Dict[str, Any]]:
        """Journal entries (as GET /_emulator/requests), oldest first; ``operation``
        accepts globs ("ces.*"), ``limit`` keeps the newest N, ``since`` a sequence number."""
        return list(self._backend.requests(
            operation=_require_str("operation", operation, optional=True),
            project=_require_str("project", project, optional=True),
            status=_require_int("status", status, optional=True),
            kind=_require_str("kind", kind, optional=True),
            limit=_require_int("limit", limit, optional=True, minimum=0),
            since=_require_int("since", since, optional=True, minimum=0)))

    def clear_requests(self) -> None:
        self._backend.clear_requests()


_running: "weakref.WeakSet[Emulator]" = weakref.WeakSet()
_running_lock = threading.Lock()


@atexit.register
def _stop_all() -> None:
    """Interpreter exit: stop every emulator still serving, before the engine is torn down."""
    with _running_lock:
        emulators = list(_running)
    for emulator in emulators:
        emulator.stop()


class Emulator(EmulatorControls):
    """An eventemu server inside this Python process.

    Keyword arguments mirror the CLI flags (``eventemu --help``), except that the
    port defaults to 0 (a free port) and the log level to "warn". ``clock`` is
    "real", "frozen", "frozen:<epoch_ms>" or an int (frozen at that epoch ms).
    Use it as a context manager, or call start() and stop().
    """

    def __init__(self, *, port: int = 0, host: str = "127.0.0.1", auth: str = "presence",
                 db: PathLike = ":memory:", seed: Optional[int] = None,
                 clock: Union[str, int] = "real", credentials: Optional[PathLike] = None,
                 fixtures: Union[None, PathLike, Iterable[PathLike]] = None,
                 scenarios: Union[None, PathLike, Iterable[PathLike]] = None,
                 scenarios_dirs: Union[None, PathLike, Iterable[PathLike]] = None,
                 journal_limit: int = 10000, threads: int = 128, log_level: str = "warn",
                 log_format: str = "text", admin_token: Optional[str] = None,
                 read_timeout_ms: int = 5000, max_body_bytes: int = 16 * 1024 * 1024) -> None:
        if isinstance(clock, int) and not isinstance(clock, bool):
            if clock < 0:
                raise ValueError(f"clock as epoch ms must be >= 0, not {clock}")
            clock = f"frozen:{clock}"
        if not isinstance(db, (str, os.PathLike)):
            raise TypeError(f"db must be a path or ':memory:', not {type(db).__name__}")
        if credentials is not None and not isinstance(credentials, (str, os.PathLike)):
            raise TypeError(f"credentials must be a path, not {type(credentials).__name__}")
        backend = _core.Emulator(
            port=_require_int("port", port), host=_require_str("host", host), auth=_require_str("auth", auth),
            db=os.fspath(db), seed=_require_int("seed", seed, optional=True),
            clock=_require_str("clock", clock),
            credentials=os.fspath(credentials) if credentials is not None else "",
            fixtures=_path_list("fixtures", fixtures), scenarios=_path_list("scenarios", scenarios),
            scenarios_dirs=_path_list("scenarios_dirs", scenarios_dirs),
            journal_limit=_require_int("journal_limit", journal_limit),
            threads=_require_int("threads", threads), log_level=_require_str("log_level", log_level),
            log_format=_require_str("log_format", log_format),
            admin_token=_require_str("admin_token", admin_token, optional=True) or "",
            read_timeout_ms=_require_int("read_timeout_ms", read_timeout_ms),
            max_body_bytes=_require_int("max_body_bytes", max_body_bytes))
        super().__init__(backend)

    def start(self) -> "Emulator":
        """Binds the port and serves on background threads; returns self."""
        self._backend.start()
        with _running_lock:
            _running.add(self)
        return self

    def stop(self) -> None:
        """Stops serving (in-flight requests finish). Safe to call twice."""
        self._backend.stop()
        with _running_lock:
            _running.discard(self)

    @property
    def running(self) -> bool:
        return self._backend.running

    @property
    def port(self) -> int:
        """The bound port (EmulatorError before start())."""
        return self._backend.port

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` (EmulatorError before start())."""
        return self._backend.url

    def __enter__(self) -> "Emulator":
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    def __repr__(self) -> str:
        backend = getattr(self, "_backend", None)
        if backend is None:
            return "<eventemu Emulator (not constructed)>"
        where = backend.url if backend.running else backend.state
        return f"<eventemu Emulator {where}>"

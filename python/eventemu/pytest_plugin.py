"""pytest plugin for eventemu (DESIGN.md §1 "Python").

Registered through the ``pytest11`` entry point when the package is installed;
from a build tree, enable it with ``-p eventemu.pytest_plugin``.

- ``eventemu_server`` (session): an in-process ``Emulator`` on a free port, or a
  ``RemoteEmulator`` when ``--eventemu-url URL`` (or $EVENTEMU_URL) names one that
  runs elsewhere. Override the ``eventemu_options`` fixture to change how the
  in-process one starts.
- ``emu`` (function): the same methods, plus ``project_id`` and ``account_id``
  that are fresh for every test (xdist workers included). State is reset around
  every test: fully for the in-process server, and for a shared remote server
  only what the test owns (its project/account, the faults and scenarios it added).
- ``@pytest.mark.eventemu_scenario("name" | path | dict, ...)`` loads scenarios
  for one test.
- When a test fails, its part of the request journal is added to the report.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import time
from typing import Any, Dict, Iterator, List, Optional

import pytest

from ._core import EmulatorError
from .emulator import Emulator, EmulatorControls
from .remote import RemoteEmulator

_HANDLE = pytest.StashKey["EmuHandle"]()
_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("eventemu", "eventemu emulator")
    group.addoption("--eventemu-url", dest="eventemu_url", default=os.environ.get("EVENTEMU_URL") or None,
                    metavar="URL",
                    help="use the eventemu already running at URL (e.g. a CI service container) instead of "
                         "starting one in-process; default $EVENTEMU_URL")
    group.addoption("--eventemu-admin-token", dest="eventemu_admin_token",
                    default=os.environ.get("EVENTEMU_ADMIN_TOKEN") or None, metavar="TOKEN",
                    help="bearer token for the control API of --eventemu-url; default $EVENTEMU_ADMIN_TOKEN")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "eventemu_scenario(*scenarios): load these eventemu scenarios (names, paths or dicts) for the test")


def worker_id() -> str:
    """The pytest-xdist worker ("gw0", ...) or "main"."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def fresh_id(kind: str) -> str:
    """32 lowercase hex characters, unique across tests, workers, processes and runs."""
    entropy = f"{kind}|{worker_id()}|{os.getpid()}|{time.time_ns()}|{next(_counter)}".encode() + os.urandom(16)
    return hashlib.sha256(entropy).hexdigest()[:32]


class EmuHandle(EmulatorControls):
    """What the ``emu`` fixture hands a test: the session emulator's methods, plus
    ``project_id`` (Huawei) and ``account_id`` (Baidu) fresh for this test, and
    ``server`` (the session emulator itself)."""

    def __init__(self, server: EmulatorControls, shared: bool) -> None:
        super().__init__(server._backend)
        self.server = server
        self.shared = shared
        self.project_id = fresh_id("project")
        self.account_id = fresh_id("account")
        self._since: Optional[int] = None
        self._fault_ids: List[str] = []
        self._scenario_names: List[str] = []
        self.final_journal: Optional[List[Dict[str, Any]]] = None

    @property
    def url(self) -> str:
        return self.server.url  # type: ignore[attr-defined]

    @property
    def port(self) -> int:
        return self.server.port  # type: ignore[attr-defined]

    def _default_project(self, api: str) -> Optional[str]:
        return self.account_id if api == "bcm" else self.project_id

    # Remember what this test added, so a shared server can be cleaned precisely.
    def add_fault(self, rule: Any = None, **options: Any) -> str:
        rule_id = super().add_fault(rule, **options)
        self._fault_ids.append(rule_id)
        return rule_id

    def fault(self, rule: Any = None, **options: Any):  # type: ignore[override]
        handle = super().fault(rule, **options)
        self._fault_ids.append(handle.id)
        return handle

    def add_faults(self, rules: Any) -> List[str]:
        ids = super().add_faults(rules)
        self._fault_ids.extend(ids)
        return ids

    def load_scenario(self, scenario: Any) -> Dict[str, Any]:
        loaded = super().load_scenario(scenario)
        name = loaded.get("name") if isinstance(loaded, dict) else None
        if name:
            self._scenario_names.append(name)
        return loaded

    def requests(self, operation: Optional[str] = None, project: Optional[str] = None,
                 status: Optional[int] = None, kind: Optional[str] = None,
                 limit: Optional[int] = None, since: Optional[int] = None) -> List[Dict[str, Any]]:
        """This test's journal entries (on a shared server, only its project's and
        account's unless ``project`` names another)."""
        entries = super().requests(operation=operation, project=project, status=status, kind=kind,
                                   limit=None if self.shared else limit,
                                   since=self._since if since is None else since)
        if self.shared and project is None:
            own = (self.project_id, self.account_id)
            entries = [entry for entry in entries if entry.get("project") in own]
            if limit:  # 0 means all, as on the control API
                entries = entries[-limit:]
        return entries

    def _reset_own(self) -> None:
        if self.shared:
            self.server.reset(self.project_id)
            self.server.reset(self.account_id)
        else:
            self.server.reset()

    def begin(self) -> None:
        self._reset_own()
        if self.shared:
            latest = self.server.requests(limit=1)
            self._since = latest[-1]["sequence"] if latest else 0

    def test_journal(self) -> List[Dict[str, Any]]:
        """This test's journal entries (on a shared server: its project's and account's)."""
        if self.final_journal is not None:
            return self.final_journal
        return self.requests()

    def finish(self) -> None:
        self.final_journal = self.test_journal()
        if self.shared:
            for rule_id in self._fault_ids:
                try:
                    self.server.remove_fault(rule_id)
                except EmulatorError as error:
                    if error.status != 404:
                        raise
            for name in self._scenario_names:
                try:
                    self.server.unload_scenario(name)
                except EmulatorError as error:
                    if error.status != 404:
                        raise
        self._reset_own()

    def __repr__(self) -> str:
        return f"<eventemu emu {self.url} project_id={self.project_id} account_id={self.account_id}>"


@pytest.fixture(scope="session")
def eventemu_options() -> Dict[str, Any]:
    """Keyword arguments for the in-process session ``Emulator``; override in a conftest."""
    return {}


@pytest.fixture(scope="session")
def eventemu_server(request: pytest.FixtureRequest, eventemu_options: Dict[str, Any]) -> Iterator[EmulatorControls]:
    """The emulator of this test session (one per xdist worker when in-process)."""
    url = request.config.getoption("eventemu_url")
    if url:
        remote = RemoteEmulator(url, admin_token=request.config.getoption("eventemu_admin_token"))
        yield remote.start()
        return
    with Emulator(**eventemu_options) as emulator:
        yield emulator


@pytest.fixture
def emu(request: pytest.FixtureRequest, eventemu_server: EmulatorControls) -> Iterator[EmuHandle]:
    """A clean emulator for one test, with a fresh ``project_id`` and ``account_id``."""
    handle = EmuHandle(eventemu_server, shared=isinstance(eventemu_server, RemoteEmulator))
    handle.begin()
    request.node.stash[_HANDLE] = handle
    try:
        for marker in reversed(list(request.node.iter_markers("eventemu_scenario"))):
            if not marker.args:
                raise pytest.UsageError("@pytest.mark.eventemu_scenario needs at least one scenario")
            for scenario in marker.args:
                handle.load_scenario(scenario)
        yield handle
    finally:
        handle.finish()


def format_journal(entries: List[Dict[str, Any]]) -> str:
    if not entries:
        return "(no requests reached the emulator)"
    start = entries[0].get("time_ms", 0)
    lines = []
    for entry in entries:
        target = entry.get("path", "")
        if entry.get("query"):
            target += "?" + entry["query"]
        parts = [f"#{entry.get('sequence')}", f"+{entry.get('time_ms', 0) - start}ms",
                 entry.get("method", ""), target, "->", str(entry.get("status")),
                 entry.get("operation") or "-"]
        if entry.get("kind") not in (None, "request"):
            parts.insert(1, f"[{entry['kind']}]")
        if entry.get("error_code"):
            parts.append(f"code={entry['error_code']}")
        if entry.get("fault_rule"):
            parts.append(f"fault={entry['fault_rule']}")
        if entry.get("detail"):
            parts.append(f"detail={entry['detail']}")
        parts.append(f"({entry.get('latency_ms', 0):.1f} ms)")
        lines.append(" ".join(parts))
    return "\n".join(lines)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    handle = item.stash.get(_HANDLE, None)
    if handle is None:
        return
    try:
        text = format_journal(handle.test_journal())
    except Exception as error:  # the report must not fail because the emulator did
        text = f"(journal unavailable: {error})"
    report.sections.append(("eventemu journal", text))

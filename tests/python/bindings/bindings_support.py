"""Helpers and fixtures shared by the bindings tests. Run them with
PYTHONPATH=<build>/python and `-p pytester` (make test-python does both):

    PYTHONPATH=build/python /usr/bin/python3 -m pytest -p pytester tests/python/bindings

There is deliberately no conftest.py here: tests/python/conftest.py is imported
by name (`from conftest import BINARY`), and a second conftest module would
shadow it. Test modules import the fixtures below instead.
"""
import json
import os
import pathlib
import urllib.error
import urllib.request

import pytest

if os.environ.get("EVENTEMU_REQUIRE_PYTHON") == "1":
    import eventemu  # CI: a missing module is a failure, not a skip
else:
    eventemu = pytest.importorskip("eventemu", reason="eventemu._core not built or not on PYTHONPATH")

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"
NOW = 1_700_000_000_000
PROJECT = "0123456789abcdef0123456789abcdef"


def call(url, method, path, body=None, headers=None, timeout=10):
    """One HTTP request; returns (status, headers, parsed JSON body or None)."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    merged = {"Content-Type": "application/json", **(headers or {})}
    request = urllib.request.Request(url + path, data=data, method=method, headers=merged)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, dict(response.headers), json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, dict(error.headers), json.loads(raw) if raw else None


def ces_item(name, time=NOW, level="Major"):
    return {"event_name": name, "event_source": "financial.System", "time": time,
            "detail": {"event_level": level, "event_state": "normal"}}


@pytest.fixture
def emulator():
    """A started in-process emulator: auth off, clock frozen at NOW, seed 7."""
    with eventemu.Emulator(auth="off", clock=NOW, seed=7) as running:
        yield running


@pytest.fixture
def ces(emulator):
    """POST/GET helper for CES on `emulator`."""
    def send(method, path, body=None, headers=None):
        return call(emulator.url, method, path, body, headers)
    return send

"""Tests of the Python bindings (eventemu._core, the eventemu package) and the
pytest plugin. Run with PYTHONPATH=<build>/python and `-p pytester` (make
test-python does both):

    PYTHONPATH=build/python /usr/bin/python3 -m pytest -p pytester tests/python/bindings
"""
import os

import pytest

if os.environ.get("EVENTEMU_REQUIRE_PYTHON") == "1":
    import eventemu  # CI: a missing module is a failure, not a skip
else:
    eventemu = pytest.importorskip("eventemu", reason="eventemu._core not built or not on PYTHONPATH")

from bindings_support import NOW, call  # noqa: E402


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

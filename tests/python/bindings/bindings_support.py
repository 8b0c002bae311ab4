"""Helpers shared by the bindings tests (imported by name; conftest holds fixtures)."""
import json
import pathlib
import urllib.error
import urllib.request

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

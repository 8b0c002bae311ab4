"""RemoteEmulator: the methods of ``Emulator`` for an eventemu running elsewhere
(another process, a CI service container), over its HTTP control API /_emulator/*.
Standard library only (urllib)."""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional

from ._core import EmulatorError
from .emulator import EmulatorControls


def _error(message: str, status: Optional[int]) -> EmulatorError:
    error = EmulatorError(message)
    error.status = status
    return error


class _HttpBackend:
    """The method set of ``_core.Emulator``, each one a control API call."""

    def __init__(self, url: str, admin_token: Optional[str], timeout: float) -> None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"url must look like http://HOST:PORT, not {url!r}")
        self.url = f"{parsed.scheme}://{parsed.netloc}"
        self.port = parsed.port or (443 if parsed.scheme == "https" else 80)
        self._headers = {"Content-Type": "application/json"}
        if admin_token:
            self._headers["Authorization"] = f"Bearer {admin_token}"
        self._timeout = timeout

    def call(self, method: str, path: str, body: Any = None, query: Optional[Dict[str, Any]] = None) -> Any:
        target = self.url + path
        if query:
            pairs = {key: str(value) for key, value in query.items() if value is not None}
            if pairs:
                target += "?" + urllib.parse.urlencode(pairs)
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(target, data=data, method=method, headers=self._headers)
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raw = error.read()
            message = raw.decode(errors="replace")
            try:
                message = json.loads(raw)["error"]
            except (ValueError, KeyError, TypeError):
                pass
            raise _error(message, error.code) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise _error(f"cannot reach eventemu at {self.url}: {reason}", None) from None
        return json.loads(raw) if raw else None

    # Same names and shapes as _core.Emulator.
    def health(self) -> Dict[str, Any]:
        return self.call("GET", "/_emulator/health")

    def reset(self, project: Optional[str]) -> None:
        self.call("POST", "/_emulator/reset", query={"project": project})

    def clock(self) -> Dict[str, Any]:
        return self.call("GET", "/_emulator/clock")

    def set_clock(self, body: Dict[str, Any]) -> Dict[str, Any]:
        return self.call("PUT", "/_emulator/clock", body)

    def advance_clock(self, ms: int) -> Dict[str, Any]:
        return self.call("POST", "/_emulator/clock/advance", {"ms": ms})

    def requests(self, **query: Any) -> List[Dict[str, Any]]:
        return self.call("GET", "/_emulator/requests", query=query)["requests"]

    def clear_requests(self) -> None:
        self.call("DELETE", "/_emulator/requests")

    def seed(self, api: str, body: Dict[str, Any]) -> Dict[str, Any]:
        return self.call("POST", f"/_emulator/seed/{urllib.parse.quote(api, safe='')}", body)

    def add_fault(self, rule: Dict[str, Any]) -> str:
        return self.call("POST", "/_emulator/faults", rule)["id"]

    def add_faults(self, rules: List[Dict[str, Any]]) -> List[str]:
        return self.call("POST", "/_emulator/faults", {"rules": rules})["ids"]

    def remove_fault(self, rule_id: str) -> None:
        self.call("DELETE", f"/_emulator/faults/{urllib.parse.quote(rule_id, safe='')}")

    def faults(self) -> List[Dict[str, Any]]:
        return self.call("GET", "/_emulator/faults")["rules"]

    def clear_faults(self) -> None:
        self.call("DELETE", "/_emulator/faults")

    def load_scenario(self, spec: Dict[str, Any]) -> Dict[str, Any]:
        return self.call("POST", "/_emulator/scenarios", spec)

    def load_scenario_file(self, path: str) -> Dict[str, Any]:
        # The file is read here: the remote emulator cannot see this machine's disk.
        try:
            with open(path, encoding="utf-8") as stream:
                spec = json.load(stream)
        except OSError as error:
            raise _error(f"cannot read scenario file {path}: {error.strerror}", None) from None
        except ValueError as error:
            raise _error(f"scenario file {path} is not valid JSON: {error}", None) from None
        return self.load_scenario(spec)

    def scenarios(self) -> Dict[str, Any]:
        return self.call("GET", "/_emulator/scenarios")

    def unload_scenario(self, name: Optional[str]) -> None:
        if name is None:
            self.call("DELETE", "/_emulator/scenarios")
        else:
            self.call("DELETE", f"/_emulator/scenarios/{urllib.parse.quote(name, safe='')}")


class RemoteEmulator(EmulatorControls):
    """The control methods of ``Emulator`` for an emulator at ``url``.

    ``admin_token`` is sent as ``Authorization: Bearer`` (``--admin-token``); it
    defaults to $EVENTEMU_ADMIN_TOKEN. start() checks the emulator answers;
    stop() does nothing (someone else owns that process).
    """

    def __init__(self, url: str, *, admin_token: Optional[str] = None, timeout: float = 10.0) -> None:
        if not isinstance(url, str):
            raise TypeError(f"url must be a str, not {type(url).__name__}")
        if admin_token is None:
            admin_token = os.environ.get("EVENTEMU_ADMIN_TOKEN") or None
        super().__init__(_HttpBackend(url, admin_token, timeout))

    def start(self) -> "RemoteEmulator":
        self.health()
        return self

    def stop(self) -> None:
        pass

    @property
    def running(self) -> bool:
        try:
            self.health()
            return True
        except EmulatorError:
            return False

    @property
    def url(self) -> str:
        return self._backend.url

    @property
    def port(self) -> int:
        return self._backend.port

    def __enter__(self) -> "RemoteEmulator":
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<eventemu RemoteEmulator {self.url}>"

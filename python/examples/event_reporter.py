"""A small, realistic application module: it reports Cloud Eye (CES) events and
AOM alarms to Huawei Cloud and reads Baidu BCM cloud events, and it survives a
misbehaving cloud with retries, exponential backoff with jitter, and Retry-After.

Nothing in it knows about eventemu: point ``huawei_endpoint``/``baidu_endpoint``
at the real clouds or at an emulator. Its tests (test_event_reporter.py) use only
the eventemu pytest plugin.
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import random
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

import requests

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class ReportError(Exception):
    """A call that failed for good: a non-retryable answer, or retries exhausted."""

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter, capped, honouring Retry-After."""

    attempts: int = 5
    base_s: float = 0.05
    cap_s: float = 2.0
    seed: Optional[int] = None
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def delay(self, attempt: int, retry_after: Optional[str]) -> float:
        if retry_after:
            try:
                return min(float(retry_after), self.cap_s)
            except ValueError:
                pass
        return self._random.uniform(0, min(self.cap_s, self.base_s * 2 ** attempt))


def _bce_encode(text: str, keep_slash: bool = False) -> str:
    return urllib.parse.quote(text, safe="-_.~" + ("/" if keep_slash else ""))


def bce_authorization(ak: str, sk: str, method: str, path: str, query: Dict[str, str],
                      headers: Dict[str, str], timestamp: str, expiration_s: int = 1800) -> str:
    """The bce-auth-v1 Authorization header (Baidu's request signature, v1)."""
    prefix = f"bce-auth-v1/{ak}/{timestamp}/{expiration_s}"
    signing_key = hmac.new(sk.encode(), prefix.encode(), hashlib.sha256).hexdigest()
    canonical_query = "&".join(sorted(f"{_bce_encode(k)}={_bce_encode(v)}" for k, v in query.items()
                                      if k.lower() != "authorization"))
    signed = {name.lower().strip(): value.strip() for name, value in headers.items()
              if name.lower() in ("host", "x-bce-date") and value.strip()}
    canonical_headers = "\n".join(sorted(f"{_bce_encode(k)}:{_bce_encode(v)}" for k, v in signed.items()))
    canonical = "\n".join([method.upper(), _bce_encode(path, keep_slash=True), canonical_query, canonical_headers])
    signature = hmac.new(signing_key.encode(), canonical.encode(), hashlib.sha256).hexdigest()
    return f"{prefix}/{';'.join(sorted(signed))}/{signature}"


class EventReporter:
    """Reports CES events and AOM alarms for one Huawei project; lists BCM events
    for one Baidu account."""

    def __init__(self, *, huawei_endpoint: str, project_id: str, token: str,
                 baidu_endpoint: str, account_id: str, baidu_ak: str, baidu_sk: str,
                 retry: Optional[RetryPolicy] = None, timeout_s: float = 5.0,
                 sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], float] = time.time) -> None:
        self.huawei_endpoint = huawei_endpoint.rstrip("/")
        self.baidu_endpoint = baidu_endpoint.rstrip("/")
        self.project_id = project_id
        self.account_id = account_id
        self.retry = retry or RetryPolicy()
        self.timeout_s = timeout_s
        self.sleep = sleep
        self.now = now
        self.attempts_made = 0  # every HTTP attempt, for metrics
        self._token = token
        self._baidu_ak = baidu_ak
        self._baidu_sk = baidu_sk
        self._session = requests.Session()

    def close(self) -> None:
        self._session.close()

    # --- Huawei Cloud Eye (CES) ----------------------------------------------
    def report_ces_event(self, name: str, source: str, *, level: str = "Major", state: str = "normal",
                         resource_id: str = "", content: str = "", time_ms: Optional[int] = None) -> str:
        """CreateEvents for one custom event; returns its event_id. Retrying is safe:
        CES treats an identical event as the same event and answers its original id."""
        event = {"event_name": name, "event_source": source,
                 "time": time_ms if time_ms is not None else int(self.now() * 1000),
                 "detail": {"event_type": "EVENT.CUSTOM", "event_level": level, "event_state": state,
                            "resource_id": resource_id, "content": content}}
        response = self._send("POST", f"{self.huawei_endpoint}/V1.0/{self.project_id}/events",
                              json_body=[event], headers=self._huawei_headers())
        return response.json()[0]["event_id"]

    # --- Huawei AOM v2 ----------------------------------------------------------
    def report_aom_alarm(self, name: str, *, severity: str, resource_id: str, message: str,
                         resource_provider: str = "ecs", resource_type: str = "vm",
                         starts_at_ms: Optional[int] = None, timeout_ms: int = 3_600_000) -> None:
        """PushEvents with one alarm (204 on success)."""
        alarm = {"starts_at": starts_at_ms if starts_at_ms is not None else int(self.now() * 1000),
                 "timeout": timeout_ms,
                 "metadata": {"event_name": name, "event_severity": severity, "event_type": "alarm",
                              "resource_provider": resource_provider, "resource_type": resource_type,
                              "resource_id": resource_id},
                 "annotations": {"message": message}, "attach_rule": {}}
        headers = {**self._huawei_headers(), "enterprise-project-id": "0"}
        self._send("PUT", f"{self.huawei_endpoint}/v2/{self.project_id}/push/events",
                   json_body={"events": [alarm]}, headers=headers)

    def active_aom_alarms(self, minutes: int = 60) -> List[Dict[str, Any]]:
        """ListEvents: the active alarms of the last ``minutes``."""
        body = {"time_range": f"-1.-1.{minutes}",
                "metadata_relation": [{"key": "event_type", "relation": "AND", "value": ["alarm"]}]}
        response = self._send("POST", f"{self.huawei_endpoint}/v2/{self.project_id}/events",
                              params={"limit": "100", "marker": "0", "type": "active_alert"},
                              json_body=body, headers=self._huawei_headers())
        return response.json().get("events", [])

    # --- Baidu BCM ---------------------------------------------------------------
    def list_bcm_events(self, *, start: datetime.datetime, end: datetime.datetime,
                        page_size: int = 10) -> List[Dict[str, Any]]:
        """ListCloudEvents for the account, every page."""
        events: List[Dict[str, Any]] = []
        page = 1
        while True:
            params = {"accountId": self.account_id, "pageNo": str(page), "pageSize": str(page_size),
                      "startTime": _bce_time(start), "endTime": _bce_time(end), "ascending": "true"}
            body = self._send("GET", f"{self.baidu_endpoint}/event-api/v1/bce-event/list", params=params,
                              baidu=True).json()
            events.extend(body.get("content", []))
            if body.get("last", True) or not body.get("content"):
                return events
            page += 1

    # --- plumbing ------------------------------------------------------------------
    def _huawei_headers(self) -> Dict[str, str]:
        return {"X-Auth-Token": self._token, "Content-Type": "application/json"}

    def _baidu_headers(self, method: str, url: str, params: Dict[str, str]) -> Dict[str, str]:
        parsed = urllib.parse.urlsplit(url)
        timestamp = datetime.datetime.fromtimestamp(self.now(), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        headers = {"Host": parsed.netloc, "x-bce-date": timestamp, "Content-Type": "application/json"}
        headers["Authorization"] = bce_authorization(self._baidu_ak, self._baidu_sk, method, parsed.path,
                                                     params, headers, timestamp)
        return headers

    def _send(self, method: str, url: str, *, params: Optional[Dict[str, str]] = None,
              json_body: Any = None, headers: Optional[Dict[str, str]] = None,
              baidu: bool = False) -> requests.Response:
        last_problem = ""
        for attempt in range(self.retry.attempts):
            if baidu:  # re-signed per attempt: the signature carries a timestamp
                headers = self._baidu_headers(method, url, params or {})
            self.attempts_made += 1
            retry_after = None
            try:
                response = self._session.request(method, url, params=params, headers=headers,
                                                 data=None if json_body is None else json.dumps(json_body),
                                                 timeout=self.timeout_s)
                if response.status_code < 300:
                    if response.content:
                        response.json()  # a garbled 200 is a transport problem: retry it
                    return response
                if response.status_code not in RETRYABLE_STATUS:
                    raise _error_from(response)
                retry_after = response.headers.get("Retry-After")
                last_problem = f"HTTP {response.status_code}"
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                    ValueError) as error:
                last_problem = f"{type(error).__name__}: {error}"
            if attempt + 1 < self.retry.attempts:
                self.sleep(self.retry.delay(attempt, retry_after))
        raise ReportError(f"{method} {url} failed after {self.retry.attempts} attempts: {last_problem}")


def _bce_time(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _error_from(response: requests.Response) -> ReportError:
    """The vendor error envelope as a ReportError (CES, APIGW, AOM and BCE shapes)."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    code = message = None
    if isinstance(body, dict):
        inner = body.get("message")
        if isinstance(inner, dict):  # CES {"http_code", "message": {"details", "code"}}
            code, message = inner.get("code"), inner.get("details")
        else:
            code = body.get("error_code") or body.get("code")
            message = body.get("error_msg") or body.get("error_message") or inner
    return ReportError(f"HTTP {response.status_code} {code}: {message}", response.status_code, code)

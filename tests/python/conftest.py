"""Starts the real eventemu binary on port 0 and hands tests its URL."""
import json
import os
import pathlib
import subprocess
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("EVENTEMU_BINARY", str(ROOT / "build" / "eventemu"))


class Running:
    def __init__(self, args=()):
        self.process = subprocess.Popen(
            [BINARY, "--port", "0", "--seed", "7", "--log-level", "warn", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        prefix = "eventemu listening on "
        if not line.startswith(prefix):
            self.process.kill()
            raise RuntimeError(f"no readiness line: {line!r} {self.process.stderr.read()}")
        self.url = line[len(prefix):]

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return response.status, dict(response.headers), json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, dict(error.headers), json.loads(raw) if raw else None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture
def start():
    started = []

    def launch(*args):
        running = Running(args)
        started.append(running)
        return running

    yield launch
    for running in started:
        running.stop()


@pytest.fixture
def server(start):
    return start()

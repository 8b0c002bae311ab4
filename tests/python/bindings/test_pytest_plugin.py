"""eventemu.pytest_plugin through pytester: fixtures, marker, report hook,
--eventemu-url and pytest-xdist."""
import json

import pytest

from bindings_support import call, ces_item, emulator  # noqa: F401 (fixtures)
import eventemu  # noqa: E402 (after the importorskip in bindings_support)

PLUGIN = ("-p", "eventemu.pytest_plugin")

HELPERS = '''
import json, re, urllib.request, urllib.error

def create(emu, name, project=None):
    body = json.dumps([{"event_name": name, "event_source": "financial.System", "time": emu.clock.now_ms,
                        "detail": {"event_level": "Major", "event_state": "normal"}}]).encode()
    request = urllib.request.Request(f"{emu.url}/V1.0/{project or emu.project_id}/events", data=body,
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "X-Auth-Token": "t"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code

def names(emu):
    request = urllib.request.Request(f"{emu.url}/V1.0/{emu.project_id}/events", headers={"X-Auth-Token": "t"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return sorted(e["event_name"] for e in json.loads(response.read())["events"])
'''


@pytest.fixture
def suite(pytester):
    pytester.makepyfile(helpers=HELPERS)
    return pytester


def test_plugin_emu_gives_fresh_ids_and_resets_state(suite):
    suite.makepyfile(test_inner='''
        import re
        from helpers import create, names
        seen = []

        def test_first(emu, eventemu_server):
            assert emu.server is eventemu_server
            assert re.fullmatch("[0-9a-f]{32}", emu.project_id)
            assert re.fullmatch("[0-9a-f]{32}", emu.account_id) and emu.account_id != emu.project_id
            assert create(emu, "one") == 201
            emu.add_fault(operation="aom.*", status=503)
            seen.append((emu.project_id, emu.account_id, emu.url))

        def test_second(emu):
            assert emu.faults() == [] and emu.requests() == []
            assert emu.project_id != seen[0][0] and emu.account_id != seen[0][1]
            assert emu.url == seen[0][2]  # one emulator for the session
            assert names(emu) == []
    ''')
    result = suite.runpytest(*PLUGIN)
    result.assert_outcomes(passed=2)


def test_plugin_eventemu_options_fixture_configures_the_server(suite):
    suite.makeconftest('''
        import pytest

        @pytest.fixture(scope="session")
        def eventemu_options():
            return {"seed": 99, "clock": 1_600_000_000_000}
    ''')
    suite.makepyfile(test_inner='''
        def test_options(emu):
            assert emu.health()["seed"] == 99
            assert emu.clock.now_ms == 1_600_000_000_000
    ''')
    suite.runpytest(*PLUGIN).assert_outcomes(passed=1)


def test_plugin_emu_seed_defaults_to_the_test_project(suite):
    suite.makepyfile(test_inner='''
        import json, urllib.request

        def test_seed(emu):
            emu.clock.freeze(at_ms=1_700_000_000_000)
            ids = emu.seed("ces", [{"event_name": "x", "event_source": "SYS.ECS", "time": 1_699_999_999_000,
                                    "detail": {"event_type": "EVENT.SYS", "event_level": "Info",
                                               "event_state": "normal"}}])
            url = f"{emu.url}/V1.0/{emu.project_id}/event/x?event_type=EVENT.SYS"
            request = urllib.request.Request(url, headers={"X-Auth-Token": "t"})
            body = json.loads(urllib.request.urlopen(request).read())
            assert [e["event_id"] for e in body["event_info"]] == ids
    ''')
    suite.runpytest(*PLUGIN).assert_outcomes(passed=1)


def test_plugin_failing_test_report_has_its_journal(suite):
    suite.makepyfile(test_inner='''
        from helpers import create

        def test_other(emu):
            assert create(emu, "quiet") == 201

        def test_fails(emu):
            with emu.fault(operation="ces.CreateEvents", status=429, times=1):
                assert create(emu, "first") == 429
            assert create(emu, "second") == 500
    ''')
    result = suite.runpytest(*PLUGIN)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*- eventemu journal -*",
        "#* +0ms POST /V1.0/*/events -> 429 ces.CreateEvents code=APIGW.0308 fault=* (* ms)",
        "#* +*ms POST /V1.0/*/events -> 201 ces.CreateEvents (* ms)",
    ])
    assert result.stdout.str().count("eventemu journal") == 1
    assert "quiet" not in result.stdout.str()


def test_plugin_failing_test_without_requests_says_so(suite):
    suite.makepyfile(test_inner='''
        def test_fails(emu):
            assert False
    ''')
    result = suite.runpytest(*PLUGIN)
    result.stdout.fnmatch_lines(["*- eventemu journal -*", "(no requests reached the emulator)"])


def test_plugin_failing_test_without_emu_has_no_journal(suite):
    suite.makepyfile(test_inner='''
        def test_fails():
            assert False
    ''')
    result = suite.runpytest(*PLUGIN)
    result.assert_outcomes(failed=1)
    assert "eventemu journal" not in result.stdout.str()


@pytest.mark.skipif(not hasattr(eventemu._core.Emulator, "load_scenario"),
                    reason="scenario API not in this build yet (issue #7)")
def test_plugin_scenario_marker_loads_and_unloads(suite):
    scenario = {"name": "inner-outage", "description": "every CES call fails",
                "faults": [{"match": {"operation": "ces.*"}, "action": {"status": 503}}]}
    suite.makepyfile(test_inner=f'''
        import pytest
        from helpers import create
        SCENARIO = {scenario!r}

        @pytest.mark.eventemu_scenario(SCENARIO)
        def test_with_scenario(emu):
            assert [s["name"] for s in emu.scenarios()] == ["inner-outage"]
            assert create(emu, "x") == 503

        def test_after(emu):
            assert emu.scenarios() == []
            assert create(emu, "x") == 201
    ''')
    suite.runpytest(*PLUGIN).assert_outcomes(passed=2)


def test_plugin_scenario_marker_without_arguments_is_an_error(suite):
    suite.makepyfile(test_inner='''
        import pytest

        @pytest.mark.eventemu_scenario()
        def test_bad(emu):
            pass
    ''')
    result = suite.runpytest(*PLUGIN)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*eventemu_scenario needs at least one scenario*"])


def test_plugin_marker_is_registered(suite):
    result = suite.runpytest(*PLUGIN, "--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.eventemu_scenario(*scenarios)*"])


def test_plugin_eventemu_url_uses_the_running_emulator(suite, emulator):
    suite.makepyfile(test_inner=f'''
        import eventemu
        from helpers import create, names

        def test_remote(emu, eventemu_server):
            assert isinstance(eventemu_server, eventemu.RemoteEmulator)
            assert emu.shared and emu.url == "{emulator.url}"
            assert create(emu, "remoteOne") == 201
            assert names(emu) == ["remoteOne"]
            emu.add_fault(operation="ces.ListEvents", project=emu.project_id, status=500)
            assert [e["operation"] for e in emu.requests()] == ["ces.CreateEvents", "ces.ListEvents"]
            open("project.txt", "w").write(emu.project_id)
    ''')
    # Another tenant's data and rules on the shared server must survive the test.
    kept_rule = emulator.add_fault(operation="aom.*", status=503)
    assert call(emulator.url, "POST", "/V1.0/tenant/events", [ces_item("kept")])[0] == 201
    result = suite.runpytest(*PLUGIN, f"--eventemu-url={emulator.url}")
    result.assert_outcomes(passed=1)
    project = (suite.path / "project.txt").read_text()
    assert emulator.requests(project=project) == []  # the test cleaned its own project ...
    assert call(emulator.url, "GET", f"/V1.0/{project}/events")[2]["events"] == []
    assert [rule["id"] for rule in emulator.faults()] == [kept_rule]  # ... and its own rule only
    assert [e["event_name"] for e in call(emulator.url, "GET", "/V1.0/tenant/events")[2]["events"]] == ["kept"]


def test_plugin_eventemu_url_from_environment(suite, emulator, monkeypatch):
    monkeypatch.setenv("EVENTEMU_URL", emulator.url)
    suite.makepyfile(test_inner='''
        def test_env(emu):
            assert emu.url == "%s"
    ''' % emulator.url)
    suite.runpytest(*PLUGIN).assert_outcomes(passed=1)


def test_plugin_unreachable_eventemu_url_errors_the_test(suite):
    suite.makepyfile(test_inner='''
        def test_remote(emu):
            pass
    ''')
    result = suite.runpytest(*PLUGIN, "--eventemu-url=http://127.0.0.1:9")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*EmulatorError: cannot reach eventemu at http://127.0.0.1:9*"])


XDIST_TESTS = '''
    import json, os, time
    import pytest
    from helpers import create, names

    @pytest.mark.parametrize("n", range(8))
    def test_isolated(emu, n, tmp_path_factory):
        mine = [f"e{emu.project_id[:6]}_{n}_{i}" for i in range(3)]
        for name in mine:
            assert create(emu, name) == 201
            time.sleep(0.02)  # let the other worker interleave
        assert names(emu) == sorted(mine)
        assert len(emu.requests(operation="ces.CreateEvents")) == 3
        record = {"worker": os.environ.get("PYTEST_XDIST_WORKER"), "project": emu.project_id,
                  "account": emu.account_id, "url": emu.url}
        out = tmp_path_factory.getbasetemp().parent / f"record-{emu.project_id}.json"
        out.write_text(json.dumps(record))
'''


def read_records(suite):
    records = [json.loads(path.read_text()) for path in suite.path.rglob("record-*.json")]
    assert len(records) == 8
    return records


def test_plugin_xdist_workers_each_get_their_own_emulator(suite):
    suite.makepyfile(test_inner=XDIST_TESTS)
    result = suite.runpytest_subprocess(*PLUGIN, "-n", "2", f"--basetemp={suite.path / 'tmp'}")
    result.assert_outcomes(passed=8)
    records = read_records(suite)
    assert {r["worker"] for r in records} == {"gw0", "gw1"}
    assert len({r["url"] for r in records}) == 2
    assert len({r["project"] for r in records} | {r["account"] for r in records}) == 16


def test_plugin_xdist_workers_sharing_one_server_do_not_see_each_other(suite, emulator):
    suite.makepyfile(test_inner=XDIST_TESTS)
    result = suite.runpytest_subprocess(*PLUGIN, "-n", "2", f"--eventemu-url={emulator.url}",
                                        f"--basetemp={suite.path / 'tmp'}")
    result.assert_outcomes(passed=8)
    records = read_records(suite)
    assert {r["worker"] for r in records} == {"gw0", "gw1"}
    assert {r["url"] for r in records} == {emulator.url}
    assert len({r["project"] for r in records}) == 8
    # Every test cleaned its own project afterwards.
    for record in records:
        assert eventemu.RemoteEmulator(emulator.url).requests(project=record["project"]) == []

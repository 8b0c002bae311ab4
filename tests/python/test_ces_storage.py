"""--db files written by earlier eventemu versions (CES schema v1) are converted
on open (docs/ces.md "Storage"; emulator/apis/huawei_ces/store_schema.h)."""
import sqlite3
import subprocess

from conftest import BINARY

NOW = 1_795_000_000_000
PROJECT = "0123456789abcdef0123456789abcdef"

V1_SCHEMA = """
CREATE TABLE ces_events (
  project_id TEXT NOT NULL, event_id TEXT NOT NULL, event_name TEXT NOT NULL, event_source TEXT NOT NULL,
  time INTEGER NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_state TEXT,
  event_level TEXT, event_user TEXT, resource_id TEXT, resource_name TEXT, content TEXT, group_id TEXT,
  dimensions TEXT NOT NULL, same_event_hash INTEGER NOT NULL, PRIMARY KEY (project_id, event_id));
CREATE INDEX ces_events_same ON ces_events (project_id, same_event_hash);
CREATE INDEX ces_events_by_name_cover ON ces_events
  (project_id, event_name, event_type, time DESC, event_source, event_level, event_user, event_state, sub_event_type);
CREATE INDEX ces_events_by_time ON ces_events (project_id, time DESC);
"""


def write_v1_file(path, event_type="EVENT.CUSTOM"):
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
        db.execute("INSERT INTO ces_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            PROJECT, "ev-from-v1", "disk_full", "svc.disk", NOW - 1000, event_type, "SUB_EVENT.CUSTOM",
            "incident", "Critical", "ops", "res-1", "ecs-1", "disk is full", None,
            '[{"name":"instance_id","value":"i-1"}]', 42))
    db.close()


def launch(start, db):
    return start("--auth", "off", "--clock", f"frozen:{NOW}", "--db", str(db))


def v1_event_as_reported():
    return {"event_name": "disk_full", "event_source": "svc.disk", "time": NOW - 1000,
            "detail": {"event_type": "EVENT.CUSTOM", "sub_event_type": "SUB_EVENT.CUSTOM", "event_state": "incident",
                       "event_level": "Critical", "event_user": "ops", "resource_id": "res-1",
                       "resource_name": "ecs-1", "content": "disk is full",
                       "dimensions": [{"name": "instance_id", "value": "i-1"}]}}


def test_v1_file_is_converted_and_its_event_listed(start, tmp_path):
    db = tmp_path / "v1.db"
    write_v1_file(db)
    server = launch(start, db)
    status, _, body = server.call("GET", f"/V1.0/{PROJECT}/event/disk_full?event_type=EVENT.CUSTOM")
    assert status == 200
    assert body["meta_data"]["total"] == 1
    event = body["event_info"][0]
    assert event["event_id"] == "ev-from-v1"
    assert event["detail"]["event_level"] == "Critical"
    assert event["detail"]["event_state"] == "incident"
    assert event["detail"]["dimensions"] == [{"name": "instance_id", "value": "i-1"}]


def test_converted_event_reported_again_keeps_its_id(start, tmp_path):
    db = tmp_path / "v1.db"
    write_v1_file(db)
    server = launch(start, db)
    status, _, body = server.call("POST", f"/V1.0/{PROJECT}/events", [v1_event_as_reported()],
                                  {"Content-Type": "application/json"})
    assert status == 201
    assert body == [{"event_id": "ev-from-v1", "event_name": "disk_full"}]


def test_converted_file_opens_again_with_its_events(start, tmp_path):
    db = tmp_path / "v1.db"
    write_v1_file(db)
    launch(start, db).stop()
    server = launch(start, db)
    status, _, body = server.call("GET", f"/V1.0/{PROJECT}/event/disk_full?event_type=EVENT.CUSTOM")
    assert status == 200
    assert body["meta_data"]["total"] == 1


def test_unconvertible_file_stops_start_up_and_is_left_unchanged(tmp_path):
    db = tmp_path / "bad.db"
    write_v1_file(db, event_type="EVENT.BOGUS")
    result = subprocess.run([BINARY, "--port", "0", "--db", str(db)], capture_output=True, text=True, timeout=20)
    assert result.returncode != 0
    assert "event_type 'EVENT.BOGUS' has no stored code" in result.stderr
    with sqlite3.connect(db) as check:
        columns = [row[1] for row in check.execute("PRAGMA table_info(ces_events)")]
        rows = check.execute("SELECT event_type FROM ces_events").fetchall()
    check.close()
    assert "project_id" in columns
    assert rows == [("EVENT.BOGUS",)]

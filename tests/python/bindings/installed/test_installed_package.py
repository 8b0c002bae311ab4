"""Run by `make test-python-install` against the package pip installed into a
virtualenv: no PYTHONPATH, no -p, so the emu fixture below can only come from
the pytest11 entry point. (In the build-tree run it passes too.)"""
import importlib.metadata
import os
import pathlib

import pytest

if os.environ.get("EVENTEMU_REQUIRE_PYTHON") == "1" or os.environ.get("EVENTEMU_EXPECT_INSTALLED"):
    import eventemu
else:
    eventemu = pytest.importorskip("eventemu", reason="eventemu not installed or not on PYTHONPATH")


def test_installed_package_is_the_one_imported():
    expected = os.environ.get("EVENTEMU_EXPECT_INSTALLED")
    if expected:
        assert pathlib.Path(eventemu.__file__).resolve().is_relative_to(pathlib.Path(expected).resolve())
        assert pathlib.Path(eventemu._core.__file__).resolve().is_relative_to(pathlib.Path(expected).resolve())
        typed = pathlib.Path(eventemu.__file__).parent
        assert (typed / "py.typed").exists() and (typed / "_core.pyi").exists()


def test_installed_entry_point_names_the_plugin():
    if os.environ.get("EVENTEMU_EXPECT_INSTALLED"):
        points = importlib.metadata.entry_points(group="pytest11")
        assert [p.value for p in points if p.name == "eventemu.pytest_plugin"] == ["eventemu.pytest_plugin"]


def test_installed_plugin_provides_emu(emu, pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("eventemu.pytest_plugin")
    assert len(emu.project_id) == 32
    assert emu.health()["status"] == "ok"

"""eventemu: a local emulator of Huawei CES, Huawei AOM v2 and Baidu BCM event APIs.

    from eventemu import Emulator
    with Emulator(port=0, seed=7) as emu:
        emu.url                     # http://127.0.0.1:PORT, served by this process
        with emu.fault(operation="ces.CreateEvents", status=429, times=2):
            ...

``RemoteEmulator(url)`` has the same methods for an emulator running elsewhere.
The pytest plugin is ``eventemu.pytest_plugin`` (docs/python.md).
"""
from ._core import EmulatorError, __version__
from .emulator import Clock, Emulator, EmulatorControls, Fault
from .faults import build_rule
from .remote import RemoteEmulator

__all__ = ["Clock", "Emulator", "EmulatorControls", "EmulatorError", "Fault", "RemoteEmulator",
           "build_rule", "__version__"]

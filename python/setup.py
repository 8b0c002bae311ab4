"""Builds eventemu._core with CMake (the same build as the binary) for pip.

    pip install --no-build-isolation ./python

EVENTEMU_CMAKE_BUILD_DIR=<dir> reuses an existing CMake build tree (make
test-python-install passes the main one, so nothing compiles twice); otherwise a
fresh tree is configured under setuptools' build_temp. Offline: only cmake,
ninja and the Debian -dev packages of scripts/install-deps are needed.
"""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent.parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(os.environ.get("EVENTEMU_CMAKE_BUILD_DIR")
                                 or pathlib.Path(self.build_temp).resolve() / "cmake")
        python = getattr(sys, "_base_executable", sys.executable)
        if not (build_dir / "CMakeCache.txt").exists():
            subprocess.check_call(["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja",
                                   "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DEVENTEMU_BUILD_TESTS=OFF",
                                   f"-DPython3_EXECUTABLE={python}"])
        jobs = os.environ.get("EVENTEMU_BUILD_JOBS", str(os.cpu_count() or 1))
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs])
        built = sorted((build_dir / "python" / "eventemu").glob("_core*.so"))
        if not built:
            raise RuntimeError(f"CMake built no eventemu/_core*.so under {build_dir}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], target)


setup(ext_modules=[CMakeExtension("eventemu._core")], cmdclass={"build_ext": CMakeBuild})

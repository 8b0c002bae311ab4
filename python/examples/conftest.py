# The example suite uses only the eventemu pytest plugin. Installed, the plugin
# registers itself (pytest11 entry point); from a build tree this line does it.
pytest_plugins = ["eventemu.pytest_plugin"]

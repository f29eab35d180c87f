"""Import one of the repository's scripts/ (not a package) as a module, for the tests of the generators."""

import importlib.util
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def load_script(name):
    """scripts/<name>.py as a module named <name>_script."""
    spec = importlib.util.spec_from_file_location(name + "_script", os.path.join(ROOT, "scripts", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

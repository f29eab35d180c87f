"""The collection's Tutor plugin (roles/openedx_instance/files/openedx_ops.py), its patches rendered with
Jinja alone: Tutor is stubbed, so this runs without a Tutor release (test_instances renders real ones)."""

import importlib.util
import os
import sys
import types

import jinja2
import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLUGIN = os.path.join(ROOT, "roles", "openedx_instance", "files", "openedx_ops.py")


class _Items(object):
    def __init__(self):
        self.items = []

    def add_items(self, items):
        self.items.extend(items)


@pytest.fixture(scope="module")
def plugin():
    hooks = types.SimpleNamespace(Filters=types.SimpleNamespace(CONFIG_DEFAULTS=_Items(), ENV_PATCHES=_Items()))
    saved = dict((name, sys.modules.get(name)) for name in ("tutor", "tutor.hooks"))
    sys.modules["tutor"] = types.SimpleNamespace(hooks=hooks)
    sys.modules["tutor.hooks"] = hooks
    try:
        spec = importlib.util.spec_from_file_location("openedx_ops_tutor_plugin", PLUGIN)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        for name, value in saved.items():
            if value is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = value
    return types.SimpleNamespace(defaults=dict(hooks.Filters.CONFIG_DEFAULTS.items),
                                 patches=hooks.Filters.ENV_PATCHES.items)


def namespace_patches(plugin, **config):
    values = dict(plugin.defaults, K8S_NAMESPACE="campus", PLUGINS=[], LMS_HOST="lms.test", CMS_HOST="cms.test",
                  ENABLE_HTTPS=False)
    values.update(config)
    docs = []
    for name, template in plugin.patches:
        if name == "k8s-override":
            docs += [d for d in yaml.safe_load_all(jinja2.Template(template).render(**values)) if d]
    return [d for d in docs if d["kind"] == "Namespace"]


def test_namespace_states_baseline_and_audits_restricted_by_default(plugin):
    assert namespace_patches(plugin) == [{
        "apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": "campus", "labels": {
            "pod-security.kubernetes.io/enforce": "baseline",
            "pod-security.kubernetes.io/enforce-version": "latest",
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": "latest",
        }}}]


def test_levels_from_the_instance_config(plugin):
    [patch] = namespace_patches(plugin, OPENEDX_OPS_POD_SECURITY="privileged", OPENEDX_OPS_POD_SECURITY_AUDIT="")
    assert patch["metadata"]["labels"] == {"pod-security.kubernetes.io/enforce": "privileged",
                                           "pod-security.kubernetes.io/enforce-version": "latest"}


def test_no_label_when_switched_off(plugin):
    assert namespace_patches(plugin, OPENEDX_OPS_POD_SECURITY="") == []

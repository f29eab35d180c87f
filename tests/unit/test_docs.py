"""The documentation agrees with the code: docs/inventory.md against the plan's contract and the roles'
argument specs, the README's content table against the files, links, packaging and changelog fragments."""

import copy
import importlib.util
import os
import re
from collections import OrderedDict

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import topology

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _load_generator():
    spec = importlib.util.spec_from_file_location("inventory_doc", os.path.join(ROOT, "scripts", "inventory_doc.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _load_generator()


def _read(*parts):
    with open(os.path.join(ROOT, *parts)) as handle:
        return handle.read()


def _doc():
    return _read("docs", "inventory.md")


def _documented_names(text):
    """The first cell of every table row that is a code span: the names the page documents."""
    return set(re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE))


def test_inventory_doc_is_what_the_code_makes():
    text = _doc()
    assert GEN.render(text) == text, "docs/inventory.md is out of date: run python scripts/inventory_doc.py"


def test_every_contract_name_is_documented():
    names = _documented_names(_doc())
    expected = set(topology.GROUPS) | set(topology.HOST_VARS) | set(topology.CLUSTER_DEFAULTS) | set(topology.INSTANCE_KEYS)
    expected |= set(topology.SERVICES)
    for role in GEN.ROLES:
        specs, _defaults = GEN.role_spec(role)
        for spec in specs.values():
            expected |= set(spec.get("options") or {})
    assert expected - names == set()


def test_cluster_defaults_in_the_doc_are_the_code_s():
    block = _doc().split("<!-- BEGIN GENERATED: cluster-variables -->")[1].split("<!-- END GENERATED")[0]
    rows = dict(re.findall(r"^\| `([a-z0-9_]+)` \| [^|]+ \| ([^|]+) \|", block, re.MULTILINE))
    assert set(rows) == set(topology.CLUSTER_DEFAULTS)
    for name, default in topology.CLUSTER_DEFAULTS.items():
        if default is not None:
            shown = rows[name].strip()
            assert shown.startswith("`") and shown.endswith("`"), name
            assert yaml.safe_load(shown.strip("`")) == default, name


def test_a_cluster_variable_added_to_the_contract_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    changed["cluster_new_setting"] = 1
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    with pytest.raises(GEN.DocError, match="cluster_new_setting"):
        GEN.render(_doc())


def test_a_cluster_variable_removed_from_the_contract_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    del changed["nfs_storage_class"]
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    with pytest.raises(GEN.DocError, match="nfs_storage_class"):
        GEN.render(_doc())


def test_a_changed_cluster_default_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    changed["ingress_http_nodeport"] = 30081
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    assert GEN.render(_doc()) != _doc()


def test_a_changed_instance_default_fails(monkeypatch):
    autoscaling = copy.deepcopy(topology.DEFAULT_AUTOSCALING)
    autoscaling["lms"]["max_replicas"] = 5
    monkeypatch.setattr(topology, "DEFAULT_AUTOSCALING", autoscaling)
    assert GEN.render(_doc()) != _doc()
    monkeypatch.setattr(topology, "INSTANCE_KEYS", topology.INSTANCE_KEYS + ("replicas",))
    with pytest.raises(GEN.DocError, match="replicas"):
        GEN.render(_doc())


def test_a_changed_role_option_fails(monkeypatch):
    original = GEN.role_spec

    def added(role):
        specs, defaults = original(role)
        specs = copy.deepcopy(specs)
        defaults = dict(defaults)
        if role == "loadbalancer":
            specs["main"]["options"]["loadbalancer_new_option"] = {"type": "int", "default": 1, "description": "New."}
        if role == "rke2":
            defaults["rke2_ready_timeout"] = 900
        return specs, defaults

    monkeypatch.setattr(GEN, "role_spec", added)
    with pytest.raises(GEN.DocError, match="rke2_ready_timeout"):
        # argument_specs and defaults/main.yml now disagree
        GEN.render(_doc())
    monkeypatch.setattr(GEN, "option_default", lambda name, option, defaults: GEN.value_text(defaults.get(name)))
    rendered = GEN.render(_doc())
    assert "`loadbalancer_new_option`" in rendered and "`900`" in rendered
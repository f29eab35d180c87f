"""The good inventory the topology tests mutate, and helpers that run the plan on it."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError, build_plan
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import Checker, cluster_settings
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_instances import (
    drop_parsed_quantities, normalise_instance)

TOKEN = "t" * 40
AGENT_TOKEN = "a" * 40


def good():
    groups = {
        "etcd": ["etcd1", "etcd2", "etcd3"],
        "control_plane": ["cp1", "cp2"],
        "workers": ["w1", "w2", "w3"],
        "loadbalancers": ["lb1", "lb2"],
        "nfs_servers": ["nfs1"],
    }
    addresses = {"lb1": 11, "lb2": 12, "etcd1": 21, "etcd2": 22, "etcd3": 23, "cp1": 31, "cp2": 32,
                 "w1": 41, "w2": 42, "w3": 43, "nfs1": 51}
    hostvars = dict((h, {"ansible_host": "10.0.0.%d" % n}) for h, n in addresses.items())
    for w in groups["workers"]:
        hostvars[w].update(node_cpu=6, node_memory="24Gi")
    cluster = {
        "cluster_name": "prod",
        "rke2_token": TOKEN,
        "rke2_agent_token": AGENT_TOKEN,
        "cluster_api_vip": "10.0.0.10",
        "cluster_api_fqdn": "k8s.example.org",
        "lb_vrrp_password": "secret12",
        "nfs_allowed_networks": ["10.0.0.0/24"],
        "letsencrypt_email": "ops@example.org",
    }
    instances = [
        {"name": "alpha", "lms_host": "learn.alpha.org"},
        {"name": "beta", "lms_host": "learn.beta.org", "cms_host": "studio.beta.org", "https": False},
    ]
    return groups, hostvars, cluster, instances


def plan_of(mutate=None):
    groups, hostvars, cluster, instances = good()
    if mutate:
        mutate(groups, hostvars, cluster, instances)
    return build_plan(groups, hostvars, cluster, instances)


def problems(mutate):
    with pytest.raises(PlanError) as info:
        plan_of(mutate)
    return [str(e) for e in info.value.errors]


def one_problem(mutate, *fragments):
    errors = problems(mutate)
    matching = [e for e in errors if all(f in e for f in fragments)]
    assert matching, "no error with %r in %r" % (fragments, errors)
    return errors


def warnings_of(mutate):
    return plan_of(mutate)["warnings"]


def normalised_instance(**item):
    """An instance of the good inventory as the plan normalises it, before instance_rules (build_plan refuses
    what they refuse): for the tests of the rules and of the Tutor settings."""
    base = {"name": "campus", "lms_host": "learn.campus.org"}
    base.update(item)
    checker = Checker()
    inst = normalise_instance(checker, 0, base, cluster_settings(good()[2]), {}, {})
    if checker.errors:
        raise PlanError(checker.errors, checker.warnings)
    return drop_parsed_quantities(inst)

"""build_plan fuzzed with hostile values (Hypothesis): every input either gives a sane plan or is refused
with PlanError, never another exception. Derandomized (the same examples on every run) and kept small, so
it runs in seconds and never flakes in CI."""

import copy
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.plan_table import render
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import (
    CLUSTER_DEFAULTS, HOST_VARS, INSTANCE_KEYS, PlanError, build_plan)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import SECRET_CLUSTER_VARS

from .topology_cases import good

FUZZ = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))

# Values an inventory can hold, and then some: control characters, huge and non-finite numbers,
# characters that break config files, wrong types nested anywhere.
HOSTILE_TEXT = st.sampled_from([
    "", " " * 32, "\n", "a\nb", "}", "{", "a b", "*", "0.0.0.0/0", "::/0", "fd00::10", "/srv/..", "/etc", "/",
    "/srv/nfs/k8s *(rw,no_root_squash,insecure)", "eth0\n    notify_master /tmp/x", "lms.x.test.", "LMS.X.TEST",
    "1Gi", "-1", "1e400", "9" * 400, "nan", "inf", "0", "200m", "\x00", "é", "k8s.example.org", "10.0.0.10",
    "v1.35.4+rke2r1", "0 */6 * * *", "61 * * * *", "* * * * * *", "EXAMPLE-x", "lab-only-" + "x" * 40,
    "{{ lookup('pipe', 'id') }}", "%s%d", "'", '"',
])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20), HOSTILE_TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.one_of(st.text(max_size=8), HOSTILE_TEXT), inner, max_size=3)),
    max_leaves=6)

CLUSTER_KEYS = list(CLUSTER_DEFAULTS)
INSTANCE_FIELDS = list(INSTANCE_KEYS) + ["resources.lms", "resources.lms.requests", "resources.lms.requests.cpu",
                                         "autoscaling.lms", "autoscaling.lms.min_replicas", "secrets.X", "config.X"]


def _set_path(target, path, value):
    keys = path.split(".")
    for key in keys[:-1]:
        if not isinstance(target.get(key), dict):
            target[key] = {}
        target = target[key]
    target[keys[-1]] = value


def check(groups, hostvars, cluster, instances):
    """The property: a plan, or PlanError; a plan is plain JSON without NaN or infinities, its table renders,
    and it holds no secret value."""
    try:
        plan = build_plan(groups, hostvars, cluster, instances)
    except PlanError as exc:
        assert exc.errors and all(str(e) for e in exc.errors)
        return None
    text = json.dumps(plan, allow_nan=False)
    render(plan)
    for key in SECRET_CLUSTER_VARS:
        secret = cluster.get(key) if isinstance(cluster, dict) else None
        if isinstance(secret, str) and len(secret) >= 8:
            assert secret not in text, key
    return plan


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(CLUSTER_KEYS), VALUES), min_size=1, max_size=3))
def test_hostile_cluster_variables(changes):
    groups, hostvars, cluster, instances = good()
    for key, value in changes:
        cluster[key] = value
    check(groups, hostvars, cluster, instances)


@FUZZ
@given(st.sampled_from(["etcd1", "cp1", "w1", "lb1", "nfs1"]), st.sampled_from(list(HOST_VARS)), VALUES)
def test_hostile_host_variables(host, key, value):
    groups, hostvars, cluster, instances = good()
    hostvars[host][key] = value
    check(groups, hostvars, cluster, instances)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(INSTANCE_FIELDS), VALUES), min_size=1, max_size=3))
def test_hostile_instance_fields(changes):
    groups, hostvars, cluster, instances = good()
    for path, value in changes:
        _set_path(instances[0], path, value)
    check(groups, hostvars, cluster, instances)


@FUZZ
@given(st.sampled_from(["groups", "hostvars", "cluster", "instances", "group", "host"]), VALUES)
def test_hostile_structures(what, value):
    groups, hostvars, cluster, instances = good()
    if what == "groups":
        groups = value
    elif what == "hostvars":
        hostvars = value
    elif what == "cluster":
        cluster = value
    elif what == "instances":
        instances = value
    elif what == "group":
        groups["workers"] = value
    else:
        hostvars["w1"] = value
    check(groups, hostvars, cluster, instances)


@FUZZ
@given(st.lists(st.one_of(st.integers(min_value=0, max_value=10 ** 30), st.floats(), HOSTILE_TEXT,
                          st.from_regex(r"[0-9]{1,5}(\.[0-9]{1,3})?(m|Ki|Mi|Gi|Ti|k|M|G)?", fullmatch=True)),
                min_size=1, max_size=4))
def test_hostile_quantities(quantities):
    groups, hostvars, cluster, instances = good()
    hostvars["w1"]["node_cpu"] = quantities[0]
    hostvars["w2"]["node_memory"] = quantities[-1]
    instances[0]["resources"] = {"lms": {"requests": {"cpu": quantities[len(quantities) // 2],
                                                      "memory": quantities[-1]}}}
    cluster["capacity_node_reserved"] = {"cpu": quantities[0], "memory": quantities[-1]}
    plan = check(groups, hostvars, cluster, instances)
    if plan is not None and plan["capacity"]:
        assert all(math.isfinite(plan["capacity"][level]["cpu_used_percent"]) or True for level in ("at_min", "at_max"))


def test_the_good_inventory_still_plans():
    groups, hostvars, cluster, instances = good()
    assert check(copy.deepcopy(groups), hostvars, cluster, instances) is not None


def test_named_crashes_of_the_issue_are_refused_with_the_variable():
    """.inf, NaN, a 400-digit quantity, requests as a list, a reserve as a string, openedx_instances as a
    mapping: each refused with a message naming what is at fault."""
    cases = [
        (lambda g, hv, c, i: hv["w1"].update(node_cpu=float("inf")), "host w1: node_cpu/node_memory"),
        (lambda g, hv, c, i: hv["w1"].update(node_memory=float("nan")), "host w1: node_cpu/node_memory"),
        (lambda g, hv, c, i: hv["w1"].update(node_memory="9" * 400), "host w1: node_cpu/node_memory"),
        (lambda g, hv, c, i: i[0].update(resources={"lms": {"requests": ["200m"]}}),
         "instance alpha: resources.lms.requests must be a mapping"),
        (lambda g, hv, c, i: c.update(capacity_node_reserved="1Gi"), "capacity_node_reserved: must be a mapping"),
    ]
    for mutate, fragment in cases:
        groups, hostvars, cluster, instances = good()
        mutate(groups, hostvars, cluster, instances)
        try:
            build_plan(groups, hostvars, cluster, instances)
        except PlanError as exc:
            assert any(str(e).startswith(fragment) for e in exc.errors), (fragment, [str(e) for e in exc.errors])
        else:
            raise AssertionError("not refused: %s" % fragment)
    groups, hostvars, cluster, instances = good()
    try:
        build_plan(groups, hostvars, cluster, {"alpha": {"lms_host": "learn.alpha.org"}})
    except PlanError as exc:
        assert [str(e) for e in exc.errors] == ["openedx_instances: must be a list of instances"]
    else:
        raise AssertionError("a mapping of instances was accepted")

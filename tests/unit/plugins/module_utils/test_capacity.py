"""The capacity planner's numbers, checked by hand against the talk's sizing."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError, build_plan
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import GIB

from .topology_cases import good


def talk_cluster(n_instances, **instance):
    """3 workers of 6 vCPU / 24Gi; requests 200m/1Gi, limits 1/2Gi (the collection's defaults)."""
    groups, hostvars, cluster = good()[:3]
    instances = []
    for n in range(n_instances):
        item = {"name": "i%d" % n, "lms_host": "lms.i%d.org" % n}
        item.update(instance)
        instances.append(item)
    return groups, hostvars, cluster, instances


def test_worked_example_numbers():
    # Hand computation:
    #   allocatable per worker: 6 - 0.5 = 5.5 CPU, 24Gi - 1Gi = 23Gi
    #   cluster: 3 x 5.5 - 2 = 14.5 CPU, 3 x 23 - 8 = 61Gi
    #   one instance at min: 4 services x 1 pod x 200m/1Gi = 800m / 4Gi
    #   at max: (4 + 2 + 2 + 2) pods x 200m/1Gi = 2 CPU / 10Gi
    plan = build_plan(*talk_cluster(1))
    cap = plan["capacity"]
    assert cap["workers"][0] == {"host": "w1", "cpu_allocatable": "5.5", "memory_allocatable": "23Gi"}
    assert cap["cpu_allocatable"] == "14.5" and cap["memory_allocatable"] == "61Gi"
    assert cap["at_min"]["pods"] == 4
    assert cap["at_min"]["cpu_requested"] == "800m" and cap["at_min"]["memory_requested"] == "4Gi"
    assert cap["at_max"]["pods"] == 10
    assert cap["at_max"]["cpu_requested"] == "2" and cap["at_max"]["memory_requested"] == "10Gi"
    assert cap["at_min"]["cpu_headroom"] == "13.7" and cap["at_min"]["memory_headroom"] == "57Gi"
    # 0.8 / 14.5 = 5.5 % of CPU, 4 / 61 = 6.6 % of memory: memory runs out first.
    assert cap["at_min"]["cpu_used_percent"] == 5.5 and cap["at_min"]["memory_used_percent"] == 6.6
    assert cap["at_min"]["first_exhausted"] == "memory"


def test_fifteen_fit_at_min_sixteen_do_not():
    # 15 x 4Gi = 60Gi <= 61Gi; 16 x 4Gi = 64Gi > 61Gi.
    plan = build_plan(*talk_cluster(15))
    assert plan["capacity"]["at_min"]["fits"] is True
    assert plan["capacity"]["at_min"]["memory_headroom"] == "1Gi"
    with pytest.raises(PlanError) as info:
        build_plan(*talk_cluster(16))
    message = str(info.value)
    assert "capacity: the present instances do not fit the workers at min_replicas (64 pods)" in message
    assert "memory requests 64Gi > allocatable 61Gi" in message
    assert "memory runs out first" in message


def test_six_fit_at_max_seven_only_warn():
    # at max each instance asks 10Gi: 6 -> 60Gi fits, 7 -> 70Gi does not (a warning only).
    assert build_plan(*talk_cluster(6))["capacity"]["at_max"]["fits"] is True
    plan = build_plan(*talk_cluster(7))
    assert plan["capacity"]["at_max"]["fits"] is False
    assert plan["capacity"]["at_max"]["memory_headroom"] == "-9Gi"
    assert any("at max_replicas (70 pods)" in w for w in plan["warnings"])


def test_cpu_can_run_out_first():
    # requests 1 CPU / 256Mi: at min 4 CPU per instance; 3 instances = 12 <= 14.5; 4 = 16 > 14.5.
    res = {s: {"requests": {"cpu": "1", "memory": "256Mi"}} for s in ("lms", "cms", "lms_worker", "cms_worker")}
    assert build_plan(*talk_cluster(3, resources=res))["capacity"]["at_min"]["fits"]
    with pytest.raises(PlanError) as info:
        build_plan(*talk_cluster(4, resources=res))
    assert "cpu requests 16 > allocatable 14.5" in str(info.value)
    assert "cpu runs out first" in str(info.value)


def test_pod_larger_than_any_worker():
    res = {"lms": {"requests": {"memory": "30Gi"}, "limits": {"memory": "30Gi"}}}
    with pytest.raises(PlanError) as info:
        build_plan(*talk_cluster(1, resources=res))
    assert "a i0/lms pod requests 200m CPU / 30Gi memory, more than the largest worker's allocatable" in \
        str(info.value)


def test_reserves_are_settings():
    groups, hostvars, cluster, instances = talk_cluster(1)
    cluster["capacity_node_reserved"] = {"cpu": "1", "memory": "2Gi"}
    cluster["capacity_addons_reserved"] = {"cpu": "3", "memory": "12Gi"}
    cap = build_plan(groups, hostvars, cluster, instances)["capacity"]
    # 3 x (6 - 1) - 3 = 12 CPU; 3 x (24 - 2) - 12 = 54Gi
    assert cap["cpu_allocatable"] == "12" and cap["memory_allocatable"] == "54Gi"


def test_missing_sizes_skip_capacity_with_warning():
    groups, hostvars, cluster, instances = good()
    del hostvars["w2"]["node_memory"]
    plan = build_plan(groups, hostvars, cluster, instances)
    assert plan["capacity"] is None
    assert any("capacity" in w and "w2" in w for w in plan["warnings"])


def test_bad_node_size_is_named():
    groups, hostvars, cluster, instances = good()
    hostvars["w3"]["node_memory"] = "lots"
    with pytest.raises(PlanError) as info:
        build_plan(groups, hostvars, cluster, instances)
    assert "host w3: node_cpu/node_memory: 'lots' is not a Kubernetes quantity" in str(info.value)


def test_gib_constant():
    assert GIB == 1073741824

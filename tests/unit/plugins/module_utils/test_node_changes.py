"""Which nodes may leave (confirmation, groups, last control plane, etcd count and quorum), which are new."""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.node_changes import (
    capacity_summary, groups_without, new_nodes, node_ready, removal_check, split_nodes)

GROUPS = {
    "all": ["lb1", "etcd1", "etcd2", "etcd3", "cp1", "cp2", "worker1", "worker2", "nfs1"],
    "loadbalancers": ["lb1"],
    "etcd": ["etcd1", "etcd2", "etcd3"],
    "control_plane": ["cp1", "cp2"],
    "workers": ["worker1", "worker2"],
    "nfs_servers": ["nfs1"],
}
FIVE = dict(GROUPS, etcd=["etcd1", "etcd2", "etcd3", "etcd4", "etcd5"])


def check(node, groups=None, confirm="same", ready=None):
    return removal_check(node, groups or GROUPS, node if confirm == "same" else confirm, ready=ready)


def test_a_worker_may_go_and_the_groups_after_leave_it_out_everywhere():
    result = check("worker2")
    assert result["problems"] == []
    assert result["nodes"] == ["worker2"]
    assert result["groups_after"]["workers"] == ["worker1"]
    assert "worker2" not in result["groups_after"]["all"]
    assert result["etcd_after"] == GROUPS["etcd"]


def test_the_confirmation_must_repeat_the_node():
    assert check("worker2", confirm=None)["problems"] == [
        "remove_node_confirm must repeat node exactly (worker2) to confirm the removal; it is not set"]
    assert check("worker2", confirm="worker1")["problems"] == [
        "remove_node_confirm must repeat node exactly (worker2) to confirm the removal; it is 'worker1'"]


def test_an_empty_node_is_refused():
    problems = check("", confirm="")["problems"]
    assert problems[0] == "node is empty: name the inventory host to remove, -e node=<name>"


def test_an_unknown_node_is_refused():
    assert check("worker9")["problems"] == [
        "node worker9 is not in the inventory: remove_node reaches the host through the inventory, so it must "
        "still be listed (in etcd, control_plane or workers)"]


def test_a_host_outside_the_kubernetes_groups_is_refused_naming_its_group():
    assert check("nfs1")["problems"] == [
        "node nfs1 is in nfs_servers, not in etcd, control_plane or workers: it is not a Kubernetes node"]
    assert check("lb1")["problems"][0].startswith("node lb1 is in loadbalancers, not in etcd")


def test_the_last_control_plane_node_is_refused():
    groups = dict(GROUPS, control_plane=["cp1"])
    assert check("cp1", groups)["problems"] == [
        "node cp1 is the last control-plane node (group control_plane: cp1): a cluster needs an API server; add "
        "another control-plane node first"]
    assert check("cp1")["problems"] == []
    assert "last control-plane node" in check("cp1,cp2")["problems"][0]


def test_a_full_server_counts_in_both_groups():
    groups = dict(GROUPS, etcd=["s1", "s2", "s3"], control_plane=["s1", "s2", "s3"])
    problems = check("s3", groups)["problems"]
    assert len(problems) == 1 and "leaves 2 etcd members (s1, s2), an even number" in problems[0]


def test_removing_one_of_three_etcd_members_leaves_an_even_count_and_is_refused():
    assert check("etcd3")["problems"] == [
        "node etcd3: removing it leaves 2 etcd members (etcd1, etcd2), an even number: it tolerates no more "
        "failures than 1 and the inventory contract refuses it. Remove two members in one run (node=a,b), or add "
        "one first"]


def test_the_last_etcd_member_is_refused():
    groups = dict(GROUPS, etcd=["etcd1"])
    assert check("etcd1", groups)["problems"] == [
        "node etcd1: removing it leaves no etcd member (group etcd: etcd1): the cluster's data would be lost"]


def test_two_of_five_members_may_leave_together_when_the_others_are_healthy():
    result = check("etcd4,etcd5", FIVE)
    assert result["problems"] == []
    assert result["nodes"] == ["etcd4", "etcd5"] and result["etcd_after"] == ["etcd1", "etcd2", "etcd3"]
    assert check(" etcd4 , etcd5 ", FIVE, confirm=" etcd4 , etcd5 ")["nodes"] == ["etcd4", "etcd5"]


def test_quorum_is_checked_before_each_removal_from_the_nodes_readiness():
    ready = {"etcd1": True, "etcd2": True, "etcd3": False, "etcd4": True, "etcd5": True}
    # 5 members, etcd5 leaves: etcd1, etcd2, etcd4 healthy = 3 of the 3 needed. Then 4 members, etcd4 leaves:
    # etcd1, etcd2 healthy = 2, fewer than the 3 needed.
    problems = check("etcd5,etcd4", FIVE, ready=ready)["problems"]
    assert problems == [
        "node etcd4: etcd would lose quorum: of 4 members, 2 others are healthy (etcd1, etcd2; not Ready: etcd3), "
        "fewer than the 3 needed. Bring the others back first"]


def test_an_unready_member_may_itself_be_removed_when_the_rest_hold_quorum():
    ready = {"etcd1": True, "etcd2": True, "etcd3": True, "etcd4": False, "etcd5": False}
    assert check("etcd4,etcd5", FIVE, ready=ready)["problems"] == []


def test_a_member_missing_from_the_readiness_counts_as_unhealthy():
    ready = {"etcd1": True}
    problems = check("etcd4,etcd5", FIVE, ready=ready)["problems"]
    assert len(problems) == 1 and "etcd would lose quorum: of 5 members, 1 others are healthy" in problems[0]


def test_every_problem_is_reported_at_once():
    problems = check("etcd3,nosuch", confirm="etcd3")["problems"]
    assert len(problems) == 3
    assert problems[0].startswith("remove_node_confirm must repeat node exactly (etcd3,nosuch)")
    assert problems[1].startswith("node nosuch is not in the inventory")
    assert problems[2].startswith("node etcd3: removing it leaves 2 etcd members")


def test_a_node_named_twice_is_refused():
    assert "node worker1 is named twice" in check("worker1,worker1")["problems"]


def test_split_and_groups_without():
    assert split_nodes("a, b,,c ") == ["a", "b", "c"]
    assert split_nodes(["a", " b"]) == ["a", "b"]
    assert split_nodes(None) == []
    assert groups_without({"workers": ["w1", "w2"], "etcd": None}, "w2") == {"workers": ["w1"], "etcd": []}


def test_node_ready_reads_the_ready_condition():
    nodes = [{"metadata": {"name": "a"}, "status": {"conditions": [{"type": "Ready", "status": "True"}]}},
             {"metadata": {"name": "b"}, "status": {"conditions": [{"type": "Ready", "status": "Unknown"}]}},
             {"metadata": {"name": "c"}}]
    assert node_ready(nodes) == {"a": True, "b": False, "c": False}


def test_new_nodes_are_the_unregistered_kubernetes_hosts_in_join_order():
    groups = dict(GROUPS, workers=["worker1", "worker2", "worker4"], etcd=["etcd1", "etcd2", "etcd3", "etcd4", "etcd5"])
    registered = ["etcd1", "etcd2", "etcd3", "cp1", "cp2", "worker1", "worker2"]
    assert new_nodes(groups, registered) == ["etcd4", "etcd5", "worker4"]
    assert new_nodes(GROUPS, registered) == []
    # Nothing registered yet (no cluster): every Kubernetes host, never a load balancer or NFS server.
    assert new_nodes(GROUPS, []) == ["etcd1", "etcd2", "etcd3", "cp1", "cp2", "worker1", "worker2"]


def test_capacity_summary():
    capacity = {"cpu_allocatable": "14500m", "memory_allocatable": "61Gi",
                "at_min": {"cpu_used_percent": 10.0, "memory_used_percent": 20.0, "fits": True},
                "at_max": {"cpu_used_percent": 50.0, "memory_used_percent": 110.0, "fits": False}}
    assert capacity_summary(capacity, ["w1", "w2"]) == (
        "2 workers (w1, w2): allocatable 14500m CPU / 61Gi; at min replicas 10.0% CPU / 20.0% memory used, "
        "at max 50.0% / 110.0% (max replicas do NOT fit)")
    assert capacity_summary(None, ["w1"]).startswith("1 workers (w1); capacity not planned")

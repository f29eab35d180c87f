"""Adding and removing a node on the lab (issue 16, day-2 operations).

An extra host, oxlab-worker4 (172.30.0.44), is made by `scripts/lab extra-up` exactly as the lab's own
hosts, and listed by a second inventory source next to inventories/lab (a copy of the inventory would move
inventory_dir, and with it the plan's kubeconfig and render paths). The lab's harness
(tests/controlplane/up.yml, its "Simulated kubelets" play limited to worker4) gives it the kwok kubelet that
registers its Node once the rke2 role wrote config.yaml, as RKE2 would.

* scale.yml converges worker4, the load balancers' backends and the NFS exports (to the workers' addresses)
  only; host_prep on the other nodes changes nothing (the lab runs no ufw); it shows the capacity before and
  after; then the host layers over every host report 0 changed (site.yml's path: nothing else had to change),
  and check mode agrees.
* remove_node.yml refuses (before anything is touched) an even etcd count, the last control-plane node, an
  unknown host, a host outside the Kubernetes groups and a wrong confirmation; then removes worker4:
  check mode first (nothing happens), then cordon/drain of a pod pinned to it, deletion of its Node and the
  load balancers re-rendered without it and reloaded; a second run changes nothing. No RKE2 runs in the lab
  (rke2_install: false): the etcd-member wait, the stop and rke2-uninstall.sh are skipped, which the run says.

The lab is shared: everything is undone in a finally block (worker4's namespace, Node and container; the
load balancers converged from the lab's own inventory). Run alone: python -m pytest -q tests/lab/test_day2_nodes.py
"""

import json
import os
import re
import subprocess
import tempfile

import pytest
import yaml
from labtools import KUBECONFIG, ROOT, docker, kubectl, playbook

STATE = os.environ.get("LAB_STATE_DIR", os.path.join(ROOT, ".lab"))
NEW, NEW_ADDRESS = "worker4", "172.30.0.44"
NAMESPACE = "day2-nodes-test"
ENV = {"OXLAB_SSH_KEY": os.path.join(STATE, "ssh", "id_ed25519"), "LAB_STATE_DIR": STATE}


def changed(output):
    """Changed tasks per host, summed over every PLAY RECAP of the run (one per playbook given)."""
    total = {}
    for recap in output.split("PLAY RECAP")[1:]:
        for m in re.finditer(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", recap, re.M):
            total[m.group(1)] = total.get(m.group(1), 0) + int(m.group(2))
    return total


def lab_script(*args):
    result = subprocess.run([os.path.join(ROOT, "scripts", "lab")] + list(args), capture_output=True, text=True,
                            env=dict(os.environ, LAB_STATE_DIR=STATE), check=False)
    assert result.returncode == 0, result.stderr
    return result


def backends(lb):
    cfg = docker("exec", "oxlab-" + lb, "cat", "/etc/haproxy/haproxy.cfg").stdout
    return re.findall(r"^\s*server (\S+) ", cfg, re.M)


@pytest.fixture(scope="module")
def extra_inventory():
    assert os.path.exists(KUBECONFIG), "run `make lab` first: no kubeconfig was fetched"
    handle = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    yaml.safe_dump({"all": {"children": {"lab": {"children": {"k8s_cluster": {"children": {"workers": {
        "hosts": {NEW: {"ansible_host": NEW_ADDRESS}}}}}}}}}}, handle)
    handle.close()
    yield handle.name
    os.unlink(handle.name)


def with_new(inventory, *args, **kwargs):
    return playbook("-i", inventory, *args, env=ENV, **kwargs)


def harness_kubelet(inventory):
    """The lab harness's simulated kubelet on worker4 (only that play of tests/controlplane/up.yml runs)."""
    build = subprocess.run([os.path.join(ROOT, "tests", "controlplane", "build")], capture_output=True, text=True,
                           env=dict(os.environ, LAB_STATE_DIR=STATE), check=True)
    with open(os.path.join(ROOT, "tests", "controlplane", "versions.env")) as handle:
        versions = dict(line.strip().split("=", 1) for line in handle if line.strip() and not line.startswith("#"))
    extra = {"lab_bin": "/opt/oxlab/bin/" + os.path.basename(build.stdout.strip()),
             "lab_versions": versions, "lab_pki_dir": os.path.join(STATE, "pki")}
    with_new(inventory, "tests/controlplane/up.yml", "--limit", NEW, "-e", json.dumps(extra))


def pinned_workload():
    manifest = {"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE}},
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "pinned", "namespace": NAMESPACE},
         "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "pinned"}},
                  "template": {"metadata": {"labels": {"app": "pinned"}},
                               "spec": {"nodeSelector": {"kubernetes.io/hostname": NEW},
                                        "containers": [{"name": "app", "image": "busybox"}]}}}}]}
    subprocess.run(["kubectl", "--kubeconfig", KUBECONFIG, "apply", "-f", "-"], input=json.dumps(manifest),
                   capture_output=True, text=True, check=True)
    kubectl("wait", "-n", NAMESPACE, "--for=condition=Available", "deployment/pinned", "--timeout=60s")
    return [p["metadata"]["name"] for p in json.loads(kubectl("get", "pods", "-n", NAMESPACE, "-o", "json").stdout)["items"]
            if p["spec"].get("nodeName") == NEW]


@pytest.mark.parametrize("extra,says", [
    ("node=etcd3 remove_node_confirm=etcd3",
     "node etcd3: removing it leaves 2 etcd members (etcd1, etcd2), an even number"),
    ("node=cp1,cp2 remove_node_confirm=cp1,cp2",
     "node cp1, cp2 is the last control-plane node (group control_plane: cp1, cp2)"),
    ("node=nosuch remove_node_confirm=nosuch", "node nosuch is not in the inventory"),
    ("node=nfs1 remove_node_confirm=nfs1", "node nfs1 is in nfs_servers, not in etcd, control_plane or workers"),
    ("node=worker3 remove_node_confirm=worker2",
     "remove_node_confirm must repeat node exactly (worker3) to confirm the removal; it is 'worker2'"),
    ("node=worker3", "remove_node_confirm must repeat node exactly (worker3) to confirm the removal; it is not set"),
])
def test_removal_refusals_touch_nothing(extra, says):
    nodes_before = kubectl("get", "nodes", "-o", "jsonpath={.items[*].spec.unschedulable}").stdout
    result = playbook("playbooks/remove_node.yml", "-e", extra, check=False, env=ENV)
    assert result.returncode == 2
    assert says in result.stdout, result.stdout[-3000:]
    assert "Nothing was changed." in result.stdout
    assert sorted(changed(result.stdout)) == ["localhost"] and changed(result.stdout)["localhost"] == 0
    assert kubectl("get", "nodes", "-o", "jsonpath={.items[*].spec.unschedulable}").stdout == nodes_before


def exports():
    """The NFS server's export configuration (NFS-Ganesha's, or the kernel server's exports file)."""
    return docker("exec", "oxlab-nfs1", "sh", "-c",
                  "cat /etc/ganesha/ganesha.conf /etc/exports.d/*.exports 2>/dev/null; true").stdout


def test_add_then_remove_a_worker(extra_inventory):
    lbs = ("lb1", "lb2")
    original = dict((lb, backends(lb)) for lb in lbs)
    assert all(NEW not in names for names in original.values())
    try:
        lab_script("extra-up", NEW, NEW_ADDRESS)
        harness_kubelet(extra_inventory)

        # Add: only worker4 and the load balancers change.
        added = with_new(extra_inventory, "playbooks/scale.yml")
        counts = changed(added.stdout)
        assert counts[NEW] > 0 and counts["lb1"] > 0 and counts["lb2"] > 0 and counts["nfs1"] > 0, counts
        assert counts["localhost"] == 0, counts
        others = set(counts) - {NEW, "lb1", "lb2", "nfs1", "localhost"}
        assert not any(counts[h] for h in others), "scale.yml changed other nodes: %s" % counts
        assert NEW_ADDRESS in exports()
        assert "nodes to add: worker4" in added.stdout
        assert re.search(r"before: 3 workers \(worker1, worker2, worker3\): allocatable 14.5 CPU / 61Gi", added.stdout)
        assert re.search(r"after:  4 workers \(worker1, worker2, worker3, worker4\): allocatable 20 CPU / 84Gi",
                         added.stdout)
        for lb in lbs:
            assert backends(lb).count(NEW) == 2, backends(lb)  # ingress http and https
            assert docker("exec", "oxlab-" + lb, "haproxy", "-c", "-f", "/etc/haproxy/haproxy.cfg").returncode == 0
        node = json.loads(kubectl("get", "node", NEW, "-o", "json").stdout)
        assert [c["status"] for c in node["status"]["conditions"] if c["type"] == "Ready"] == ["True"]

        # site.yml's path over every host: nothing else had to change; scale.yml again and check mode agree.
        layers = with_new(extra_inventory, "playbooks/layers/prepare_hosts.yml", "playbooks/layers/loadbalancers.yml",
                          "playbooks/layers/nfs.yml", "playbooks/layers/rke2.yml")
        counts = changed(layers.stdout)
        assert len(counts) == 13 and not any(counts.values()), counts
        again = with_new(extra_inventory, "playbooks/scale.yml", "--check", "--diff")
        assert "no new node: every Kubernetes host of the inventory is a Node" in again.stdout
        assert not any(changed(again.stdout).values()), changed(again.stdout)

        # Remove: check mode first changes nothing.
        pods = pinned_workload()
        assert pods
        args = ("playbooks/remove_node.yml", "-e", "node=%s remove_node_confirm=%s" % (NEW, NEW))
        preview = with_new(extra_inventory, *(args + ("--check", "--diff")))
        assert changed(preview.stdout)[NEW] > 0
        assert kubectl("get", "node", NEW, check=False).returncode == 0
        assert not json.loads(kubectl("get", "node", NEW, "-o", "json").stdout)["spec"].get("unschedulable")
        assert all(backends(lb).count(NEW) == 2 for lb in lbs)

        removed = with_new(extra_inventory, *args)
        counts = changed(removed.stdout)
        assert counts[NEW] == 2 and counts["lb1"] > 0 and counts["lb2"] > 0, counts  # drain, delete
        assert re.search(r"TASK \[[^\]]*Drain the node, retried while evictions are refused\] \**\nchanged: \[worker4 -> localhost\]",
                         removed.stdout)
        assert "rke2_install is false: no RKE2 runs on worker4" in removed.stdout
        assert "Run rke2-uninstall.sh" not in removed.stdout
        assert kubectl("get", "node", NEW, check=False).returncode != 0, "the Node is still there"
        for pod in pods:
            assert kubectl("get", "pod", "-n", NAMESPACE, pod, check=False).returncode != 0, "not evicted: " + pod
        for lb in lbs:
            assert backends(lb) == original[lb]
        assert counts["nfs1"] > 0 and NEW_ADDRESS not in exports(), counts
        assert "Now delete worker4 from the inventory" in removed.stdout

        second = with_new(extra_inventory, *args)
        assert not any(changed(second.stdout).values()), changed(second.stdout)
    finally:
        kubectl("delete", "namespace", NAMESPACE, "--wait=false", check=False)
        kubectl("delete", "node", NEW, "--wait=false", check=False)
        lab_script("extra-down", NEW)
        restored = playbook("playbooks/layers/loadbalancers.yml", "playbooks/layers/nfs.yml", env=ENV, check=False)
    assert restored.returncode == 0, restored.stdout[-3000:]
    assert NEW_ADDRESS not in exports()
    assert all(backends(lb) == original[lb] for lb in lbs)

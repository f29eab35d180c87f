"""The cluster layers against the lab's real Kubernetes control plane (tests/controlplane):
upstream etcd, kube-apiserver, kube-controller-manager, kube-scheduler and helm-controller,
with kwok simulating the kubelets. Needs `make lab` (the lab converged by site.yml).

Run by tests/lab/run. test_the_api_survives... stops cp1 and the VIP holder and starts them again.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
import yaml
from labtools import (KUBECONFIG, ROOT, changed_by_host, docker, kube_json, kubectl, lab_secrets, playbook, record_result,
                      vip_holder)

LAB_VARS = os.path.join(ROOT, "inventories", "lab", "group_vars", "all", "cluster.yml")
RESULTS = os.path.join(ROOT, "tests", "output", "cluster.json")


def record(key, value):
    record_result(RESULTS, key, value)


def instances_with(change):
    """The lab's openedx_instances with ``change`` applied, as an extra-vars file."""
    with open(LAB_VARS) as handle:
        instances = yaml.safe_load(handle)["openedx_instances"]
    change(instances)
    handle = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, dir=os.path.join(ROOT, "tests", "output"))
    yaml.safe_dump({"openedx_instances": instances}, handle)
    handle.close()
    return handle.name


@pytest.fixture(scope="module", autouse=True)
def converged():
    os.makedirs(os.path.join(ROOT, "tests", "output"), exist_ok=True)
    assert os.path.exists(KUBECONFIG), "run `make lab` first: no kubeconfig was fetched"


def test_the_fetched_kubeconfig_is_named_for_the_cluster_and_points_at_the_fqdn():
    with open(KUBECONFIG) as handle:
        config = yaml.safe_load(handle)
    assert config["current-context"] == "oxlab"
    assert [c["name"] for c in config["clusters"]] == ["oxlab"]
    assert config["clusters"][0]["cluster"]["server"] == "https://k8s.oxlab.test:6443"
    assert config["contexts"][0]["context"] == {"cluster": "oxlab", "user": "oxlab"}
    assert oct(os.stat(KUBECONFIG).st_mode & 0o777) == "0o600"
    assert oct(os.stat(os.path.dirname(KUBECONFIG)).st_mode & 0o777) == "0o700"


def test_secrets_arrive_verbatim_on_the_hosts():
    """The one road: the plan holds no secret; the roles write the inventory's values as they are."""
    secrets = lab_secrets()
    for host in ("etcd1", "cp1", "worker1"):
        config = yaml.safe_load(docker("exec", "oxlab-" + host, "cat", "/etc/rancher/rke2/config.yaml").stdout)
        if host == "worker1":  # agents join with the agent token only
            assert config["token"] == secrets["rke2_agent_token"] and "agent-token" not in config, host
        else:  # servers hold both: their own token, and the agent token they admit agents with
            assert config["token"] == secrets["rke2_token"], host
            assert config["agent-token"] == secrets["rke2_agent_token"], host
    keepalived = docker("exec", "oxlab-lb1", "cat", "/etc/keepalived/keepalived.conf").stdout
    assert re.search(r"auth_pass %s$" % re.escape(secrets["lb_vrrp_password"]), keepalived, re.M)


def test_control_plane_only_servers_register_through_the_etcd_frontend():
    """They reach every etcd server's supervisor port through the load balancers' 9346, not etcd1 alone."""
    for host in ("cp1", "cp2"):
        config = yaml.safe_load(docker("exec", "oxlab-" + host, "cat", "/etc/rancher/rke2/config.yaml").stdout)
        assert config["server"] == "https://k8s.oxlab.test:9346", (host, config["server"])
    for host in ("etcd2", "etcd3"):
        config = yaml.safe_load(docker("exec", "oxlab-" + host, "cat", "/etc/rancher/rke2/config.yaml").stdout)
        assert config["server"] == "https://172.30.0.21:9345", (host, config["server"])
    for lb in ("lb1", "lb2"):
        assert docker("exec", "oxlab-" + lb, "haproxy", "-c", "-f", "/etc/haproxy/haproxy.cfg").returncode == 0
        listening = docker("exec", "oxlab-" + lb, "ss", "-ltnH").stdout
        assert re.search(r":9346\b", listening), listening
        stats = docker("exec", "oxlab-" + lb, "sh", "-c",
                       "echo 'show servers state rke2_register_etcd' | python3 -c \"import socket,sys; s=socket.socket(socket.AF_UNIX);"
                       " s.connect('/run/haproxy/admin.sock'); s.sendall(sys.stdin.buffer.read()); print(s.makefile().read())\"").stdout
        rows = [line.split() for line in stats.splitlines() if line.split()[1:2] == ["rke2_register_etcd"]]
        # Columns: be_id be_name srv_id srv_name srv_addr ... srv_port (19th).
        backends = sorted((row[3], row[4], row[18]) for row in rows)
        assert backends == [("etcd1", "172.30.0.21", "9345"), ("etcd2", "172.30.0.22", "9345"),
                            ("etcd3", "172.30.0.23", "9345")], stats


def test_nodes_registered_from_the_rke2_configuration():
    nodes = dict((n["metadata"]["name"], n) for n in kube_json("get", "nodes")["items"])
    assert sorted(nodes) == ["cp1", "cp2", "etcd1", "etcd2", "etcd3", "worker1", "worker2", "worker3"]
    for name, node in nodes.items():
        config = yaml.safe_load(docker("exec", "oxlab-" + name, "cat", "/etc/rancher/rke2/config.yaml").stdout)
        for label in config.get("node-label", []):
            key, value = label.split("=", 1)
            assert node["metadata"]["labels"].get(key) == value, (name, label)
        taints = ["%s=%s:%s" % (t["key"], t.get("value", ""), t["effect"]) for t in node["spec"].get("taints", [])
                  if not t["key"].startswith("node.kubernetes.io/")]
        assert sorted(taints) == sorted(config.get("node-taint", [])), name
        ready = [c for c in node["status"]["conditions"] if c["type"] == "Ready"][0]
        assert ready["status"] == "True", name


def test_addons_were_applied_and_installed_by_helm_controller():
    charts = dict((c["metadata"]["name"], c) for c in kube_json("get", "helmcharts.helm.cattle.io", "-n", "kube-system")["items"])
    names = ("harmony-cert-manager", "harmony-objects", "harmony", "harmony-traefik", "nfs-provisioner")
    assert set(names) <= set(charts)
    for name in names:
        job = kube_json("get", "job", "-n", "kube-system", "helm-install-" + name)
        assert any(c["type"] == "Complete" and c["status"] == "True" for c in job["status"]["conditions"]), name


def test_a_changed_provisioner_chart_is_waited_for_in_its_new_generation():
    """roles/rke2_helmchart through nfs_provisioner: a changed HelmChart spec makes helm-controller replace its
    install Job; the run goes on only once the new Job (another uid) is complete. Then the original values
    come back the same way."""
    def job_uid():
        return kube_json("get", "job", "-n", "kube-system", "helm-install-nfs-provisioner")["metadata"]["uid"]

    before = job_uid()
    try:
        changed = playbook("playbooks/layers/cluster_addons.yml", "-e", '{"nfs_provisioner_values": {"replicaCount": 2}}')
        assert changed_by_host(changed.stdout)["localhost"] >= 1
        assert "Wait for the install Job of this generation of nfs-provisioner" in changed.stdout
        # One read of the charts and one of the Jobs found the others converged: only this chart was applied.
        assert re.findall(r"TASK \[[^]]*Apply the HelmChart ([\w-]+)\]", changed.stdout) == ["nfs-provisioner"]
        after = job_uid()
        assert after != before
        job = kube_json("get", "job", "-n", "kube-system", "helm-install-nfs-provisioner")
        assert any(c["type"] == "Complete" and c["status"] == "True" for c in job["status"]["conditions"])
        chart = kube_json("get", "helmcharts.helm.cattle.io", "-n", "kube-system", "nfs-provisioner")
        assert yaml.safe_load(chart["spec"]["valuesContent"])["replicaCount"] == 2
    finally:
        playbook("playbooks/layers/cluster_addons.yml")
    assert job_uid() not in (before, after)
    again = playbook("playbooks/layers/cluster_addons.yml")
    assert changed_by_host(again.stdout)["localhost"] == 0
    assert "Apply the HelmChart" not in again.stdout


def test_an_instance_on_the_shared_search_cluster_gets_its_ca_and_nothing_else():
    """roles/openedx_instance copies the ca.crt of harmony's search-cluster-certificates (cert-manager's, in a real
    cluster; a stand-in Secret here, since cert-manager cannot run on simulated kubelets) into the namespace of an
    instance that uses the shared search cluster, where harmony's Tutor plugin mounts it. The key stays behind."""
    ca = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nstand-in CA\n-----END CERTIFICATE-----\n").decode()
    key = base64.b64encode(b"stand-in private key").decode()
    stand_in = {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                "metadata": {"name": "search-cluster-certificates", "namespace": "harmony"},
                "data": {"ca.crt": ca, "tls.crt": ca, "tls.key": key}}
    shared = instances_with(lambda items: [i for i in items if i["name"] == "legacy"][0].setdefault("config", {})
                            .update(K8S_HARMONY_ENABLE_SHARED_SEARCH_CLUSTER=True))
    original = instances_with(lambda items: None)
    try:
        refused = playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + shared, check=False)
        assert refused.returncode == 2
        assert "has no Secret search-cluster-certificates with a ca.crt yet" in refused.stdout
        subprocess.run(["kubectl", "--kubeconfig", KUBECONFIG, "apply", "-f", "-"], input=json.dumps(stand_in),
                       text=True, capture_output=True, check=True)
        first = playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + shared)
        copied = kube_json("get", "secret", "-n", "legacy", "search-cluster-certificates")
        assert copied["data"] == {"ca.crt": ca}
        assert "stand-in private key" not in first.stdout
        again = playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + shared)
        assert changed_by_host(again.stdout)["openedx-instance-legacy"] == 0
    finally:
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + original)
        kubectl("delete", "secret", "-n", "harmony", "search-cluster-certificates", "--ignore-not-found", check=False)
        kubectl("delete", "secret", "-n", "legacy", "search-cluster-certificates", "--ignore-not-found", check=False)
        os.unlink(shared)
        os.unlink(original)


def test_instances_are_running_with_their_settings():
    for name in ("campus", "legacy"):
        deployments = kube_json("get", "deployments", "-n", name)["items"]
        names = sorted(d["metadata"]["name"] for d in deployments)
        assert {"lms", "cms", "lms-worker", "cms-worker"} <= set(names), names
        for deployment in deployments:
            available = [c for c in deployment["status"].get("conditions", []) if c["type"] == "Available"]
            assert available and available[0]["status"] == "True", (name, deployment["metadata"]["name"])
        release = kube_json("get", "configmap", "-n", name, "openedx-ops-release")
        assert release["data"]["tutor_version"] in ("22.0.3", "18.2.2")
    # The lab's declared autoscaling arrived as a HorizontalPodAutoscaler.
    hpa = kube_json("get", "hpa", "-n", "campus", "lms")
    assert hpa["spec"]["maxReplicas"] == 4


def test_second_run_changes_nothing_and_check_diff_agrees():
    result = playbook("site.yml")
    changed = changed_by_host(result.stdout)
    assert changed and all(v == 0 for v in changed.values()), changed
    result = playbook("site.yml", "--check", "--diff")
    changed = changed_by_host(result.stdout)
    assert changed and all(v == 0 for v in changed.values()), changed


def _lms_settings():
    """The settings ConfigMaps the lms Deployment of campus mounts now (Tutor names them by content hash)."""
    deployment = kube_json("get", "deployment", "-n", "campus", "lms")
    names = [v["configMap"]["name"] for v in deployment["spec"]["template"]["spec"].get("volumes", [])
             if "configMap" in v]
    return "".join(json.dumps(kube_json("get", "configmap", "-n", "campus", name)) for name in names)


def test_a_changed_setting_shows_in_check_mode_then_applies():
    changed_file = instances_with(lambda items: items[0]["config"].update(PLATFORM_NAME="Campus (changed)"))
    original = instances_with(lambda items: None)
    assert "Campus (changed)" not in kubectl("get", "configmaps", "-n", "campus", "-o", "yaml").stdout
    try:
        preview = playbook("playbooks/layers/openedx_instances.yml", "--check", "--diff", "-e", "@" + changed_file)
        assert changed_by_host(preview.stdout)["openedx-instance-campus"] > 0
        assert "Campus (changed)" in preview.stdout
        assert "Campus (changed)" not in kubectl("get", "configmaps", "-n", "campus", "-o", "yaml").stdout, \
            "check mode applied something"
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + changed_file)
        assert "Campus (changed)" in _lms_settings()
    finally:
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + original)
        os.unlink(changed_file)
        os.unlink(original)
    assert "Campus (changed)" not in _lms_settings()
    # Tutor names ConfigMaps by content and nothing prunes the one of the changed setting: remove it here,
    # so the lab is as it was.
    for item in kube_json("get", "configmaps", "-n", "campus")["items"]:
        if "Campus (changed)" in json.dumps(item):
            kubectl("delete", "configmap", "-n", "campus", item["metadata"]["name"])


def test_absent_keeps_the_volumes_and_purge_removes_the_namespace():
    extra = {"name": "scratch", "tutor_version": "22.0.3", "lms_host": "learn.scratch.oxlab.test",
             "https": False, "plugins": [{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}]}
    present = instances_with(lambda items: items.append(dict(extra)))
    absent = instances_with(lambda items: items.append(dict(extra, state="absent")))
    purge = instances_with(lambda items: items.append(dict(extra, state="absent", purge=True)))
    try:
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + present)
        assert kube_json("get", "deployment", "-n", "scratch", "lms")["status"]["availableReplicas"] >= 1
        claims = sorted(c["metadata"]["name"] for c in kube_json("get", "pvc", "-n", "scratch")["items"])
        assert "mysql" in claims
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + absent)
        assert kube_json("get", "deployments", "-n", "scratch")["items"] == []
        assert sorted(c["metadata"]["name"] for c in kube_json("get", "pvc", "-n", "scratch")["items"]) == claims
        playbook("playbooks/layers/openedx_instances.yml", "-e", "@" + purge)
        deadline = time.time() + 120
        while kubectl("get", "namespace", "scratch", check=False).returncode == 0 and time.time() < deadline:
            time.sleep(2)
        assert kubectl("get", "namespace", "scratch", check=False).returncode != 0
    finally:
        for path in (present, absent, purge):
            os.unlink(path)


def test_cluster_layers_never_use_the_users_own_kubeconfig(tmp_path):
    """A HOME whose ~/.kube/config names another (unreachable) cluster and a KUBECONFIG that does
    not exist: the add-on and instance layers must still reach the lab, through the fetched file."""
    (tmp_path / ".kube").mkdir()
    (tmp_path / ".kube" / "config").write_text(yaml.safe_dump({
        "apiVersion": "v1", "kind": "Config", "current-context": "wrong",
        "clusters": [{"name": "wrong", "cluster": {"server": "https://127.0.0.1:1"}}],
        "contexts": [{"name": "wrong", "context": {"cluster": "wrong", "user": "wrong"}}],
        "users": [{"name": "wrong", "user": {"token": "not-a-token"}}]}))
    shutil.copytree(os.path.expanduser("~/.ansible"), tmp_path / ".ansible", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("tmp", "cp"))
    # Tutor's init runs again only when its marker is gone: remove it, so Tutor runs under this HOME too.
    kubectl("delete", "configmap", "-n", "legacy", "openedx-ops-release")
    env = {"HOME": str(tmp_path), "KUBECONFIG": str(tmp_path / "missing")}
    result = playbook("playbooks/layers/cluster_addons.yml", "playbooks/layers/openedx_instances.yml", env=env)
    assert re.search(r"TASK \[[^\]]*Run Tutor's init jobs of legacy\] \*+\nchanged: \[openedx-instance-legacy\]",
                     result.stdout), result.stdout[-3000:]
    assert kube_json("get", "configmap", "-n", "legacy", "openedx-ops-release")["data"]["tutor_version"] == "18.2.2"


def _api_outage(action, seconds=20.0, interval=0.2):
    """Seconds during which `kubectl get nodes` through the VIP failed (2 s request timeout) after
    ``action``, and the slowest request."""
    started = time.monotonic()
    action()
    first_failure = last_failure = None
    failures = 0
    slowest = 0.0
    while time.monotonic() - started < seconds:
        sent = time.monotonic()
        try:
            ok = kubectl("get", "nodes", "-o", "name", check=False, timeout=5, request_timeout="2s").returncode == 0
        except subprocess.TimeoutExpired:
            ok = False
        now = time.monotonic() - started
        slowest = max(slowest, time.monotonic() - sent)
        if not ok:
            failures += 1
            first_failure = now if first_failure is None else first_failure
            last_failure = now
        time.sleep(interval)
    return {"failed_requests": failures, "slowest_request_seconds": round(slowest, 2),
            "outage_seconds": round(last_failure, 2) if last_failure is not None else 0.0}


def test_the_api_survives_losing_a_control_plane_node_and_thevip_holder():
    holder = vip_holder()
    assert holder
    try:
        cp = _api_outage(lambda: docker("kill", "oxlab-cp1"))
        lb = _api_outage(lambda: docker("kill", "oxlab-" + holder))
        record("api_failover", {"cp1_killed": cp,
                                "vip_holder_killed": dict(lb, stopped=holder, new_holder=vip_holder())})
        print("API through the VIP: cp1 killed -> %s; %s killed -> %s" % (cp, holder, lb))
        assert cp["outage_seconds"] < 5.0 and lb["outage_seconds"] < 5.0
        assert kubectl("get", "nodes", check=False).returncode == 0
    finally:
        docker("start", "oxlab-cp1", "oxlab-" + holder)
        deadline = time.time() + 120
        while time.time() < deadline:
            ready = docker("exec", "oxlab-cp1", "systemctl", "is-active", "lab-kube-apiserver", check=False).stdout
            if ready.strip() == "active" and kubectl("get", "--raw", "/readyz", check=False).returncode == 0:
                break
            time.sleep(2)
        # keepalived preempts: the restarted balancer (higher priority) takes the VIP back, which cuts
        # the connections opened through the other one meanwhile. Let that happen before going on.
        deadline = time.time() + 60
        while time.time() < deadline and vip_holder() != holder:
            time.sleep(1)
        time.sleep(3)


def test_upgrade_rehearsal_drains_a_worker_and_stops_where_rke2_would_restart():
    """upgrade.yml's checks and its cordon/drain/uncordon (kubernetes.core) against the real API; no RKE2
    is installed in the lab, so the rehearsal stops where RKE2 would be installed and restarted."""
    def pods_on(node):
        items = kube_json("get", "pods", "-A", "--field-selector", "spec.nodeName=%s" % node)["items"]
        return [p for p in items if p["metadata"].get("ownerReferences", [{}])[0].get("kind") == "ReplicaSet"
                and p["status"].get("phase") == "Running"]
    before = set((p["metadata"]["namespace"], p["metadata"]["name"]) for p in pods_on("worker2"))
    assert before, "nothing runs on worker2 to drain"
    result = playbook("playbooks/upgrade.yml", "-e", "upgrade_rehearsal=true", "--limit", "localhost,worker2")
    out = result.stdout
    assert "TASK [Cordon and drain the worker]" in out and "TASK [Uncordon the worker]" in out
    assert ("rehearsal: on worker2 the configuration would be rendered for v1.35.4+rke2r1, the release installed, "
            "the node restarted") in out
    # Every node's release was read first; none runs RKE2 in the lab.
    assert "worker2: no RKE2 runs here (rehearsal)" in out
    assert "Render the configuration for the new release" not in out and "Install the new release" not in out
    node = kube_json("get", "node", "worker2")
    assert not node["spec"].get("unschedulable"), "worker2 was left cordoned"
    # The drain evicted the worker's pods; their deployments are whole again on the other workers.
    deadline = time.time() + 120
    while time.time() < deadline:
        unavailable = [d["metadata"]["name"] for ns in ("campus", "legacy")
                       for d in kube_json("get", "deployments", "-n", ns)["items"]
                       if d["status"].get("availableReplicas", 0) < d["spec"]["replicas"]]
        if not unavailable:
            break
        time.sleep(3)
    assert not unavailable, unavailable
    still = [(ns, name) for ns, name in before if kubectl("get", "pod", "-n", ns, name, check=False).returncode == 0]
    assert not still, "not evicted: %s" % still


def _pdb_blocked_workload(node):
    manifest = {
        "apiVersion": "v1", "kind": "List", "items": [
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "drain-test"}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "guarded", "namespace": "drain-test"},
             "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "guarded"}},
                      "template": {"metadata": {"labels": {"app": "guarded"}},
                                   "spec": {"nodeName": node, "containers": [{"name": "app", "image": "busybox"}]}}}},
            {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "guarded", "namespace": "drain-test"},
             "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "guarded"}}}},
        ]}
    path = os.path.join(ROOT, "tests", "output", "drain-test.json")
    with open(path, "w") as handle:
        json.dump(manifest, handle)
    kubectl("apply", "-f", path)
    deadline = time.time() + 60
    while time.time() < deadline:
        pdb = kube_json("get", "pdb", "-n", "drain-test", "guarded")
        if pdb.get("status", {}).get("currentHealthy") == 1:
            return
        time.sleep(2)
    raise AssertionError("the guarded pod never became healthy: %s" % pdb.get("status"))


def test_a_drain_blocked_by_a_pod_disruption_budget_is_retried_then_stops_the_upgrade():
    _pdb_blocked_workload("worker3")
    try:
        began = time.time()
        result = playbook("playbooks/upgrade.yml", "-e", "upgrade_rehearsal=true", "--limit", "localhost,worker3",
                          "-e", '{"rke2_drain_timeout": 12, "rke2_drain_retry_delay": 3}', check=False)
        seconds = time.time() - began
        out = result.stdout
        assert result.returncode != 0
        # Retried, not failed at the first refused eviction.
        assert re.search(r"FAILED - RETRYING: \[worker3 -> localhost\]: .*Drain the node, retried while evictions are refused", out), out[-4000:]
        assert "the drain did not finish within rke2_drain_timeout (12 s)" in out
        assert "drain-test/guarded-" in out
        assert "would be rendered" not in out, "the upgrade went on past a failed drain"
        assert seconds < 180, seconds
        assert kube_json("get", "node", "worker3")["spec"].get("unschedulable") is True, "the node should stay cordoned"
    finally:
        kubectl("delete", "namespace", "drain-test", "--wait=false", check=False)
        kubectl("uncordon", "worker3", check=False)


@pytest.mark.parametrize("running,says", [
    ("v1.33.9+rke2r1", "skips minor releases from v1.33.9+rke2r1: upgrade one minor at a time (v1.34 first)"),
    ("v1.36.0+rke2r1", "is older than the running v1.36.0+rke2r1: downgrades are not supported"),
])
def test_upgrade_refuses_downgrades_and_skipped_minors_before_touching_any_node(running, says):
    """A stand-in for the rke2 binary (a script printing the version line RKE2 prints; no RKE2 can be had
    here) on one worker: the release check reads it and refuses before any node is cordoned."""
    script = "#!/bin/sh\necho 'rke2 version %s (0000000)'\necho 'go version go1.24.4'\n" % running
    docker("exec", "oxlab-worker3", "python3", "-c",
           "import os; open('/usr/local/bin/rke2', 'w').write(%r); os.chmod('/usr/local/bin/rke2', 0o755)" % script)
    try:
        result = playbook("playbooks/upgrade.yml", "-e", "upgrade_rehearsal=true", check=False)
        out = result.stdout
        assert result.returncode != 0
        assert "host worker3: rke2_version v1.35.4+rke2r1 " + says in out, out[-3000:]
        assert "Cordon and drain the worker" not in out
        assert not any(n["spec"].get("unschedulable") for n in kube_json("get", "nodes")["items"])
    finally:
        docker("exec", "oxlab-worker3", "rm", "-f", "/usr/local/bin/rke2")


def _release_record(name):
    return kube_json("get", "configmap", "-n", name, "openedx-ops-release")["data"]


def _set_release_record(name, **data):
    kubectl("patch", "configmap", "-n", name, "openedx-ops-release", "--type", "merge", "-p",
            json.dumps({"data": data}))


def test_a_changed_plugin_set_runs_tutors_init_again_and_is_recorded():
    recorded = _release_record("legacy")
    assert "pod-autoscaling" in recorded["plugins"], recorded
    _set_release_record("legacy", plugins=json.dumps(["an-old-plugin tutor-contrib-old==1.0"]))
    result = playbook("playbooks/layers/openedx_instances.yml")
    out = result.stdout
    assert re.search(r"TASK \[.*Run Tutor's init jobs of legacy\] \**\nchanged: \[openedx-instance-legacy\]", out), out[-4000:]
    assert not re.search(r"TASK \[.*Run Tutor's init jobs of campus\]", out), "campus's plugins did not change"
    assert _release_record("legacy") == recorded
    assert changed_by_host(playbook("playbooks/layers/openedx_instances.yml").stdout)["openedx-instance-legacy"] == 0


def test_a_tutor_downgrade_is_refused_before_anything_is_applied():
    recorded = _release_record("legacy")
    _set_release_record("legacy", tutor_version="22.0.3")
    try:
        before = kubectl("get", "deployment", "-n", "legacy", "lms", "-o", "jsonpath={.metadata.resourceVersion}").stdout
        result = playbook("playbooks/layers/openedx_instances.yml", check=False)
        assert result.returncode != 0
        assert ("instance legacy: tutor_version 18.2.2 is older than the initialised 22.0.3: Tutor does not support "
                "downgrades") in result.stdout, result.stdout[-3000:]
        assert not re.search(r"TASK \[.*Apply all objects but the jobs, of legacy\]", result.stdout)
        after = kubectl("get", "deployment", "-n", "legacy", "lms", "-o", "jsonpath={.metadata.resourceVersion}").stdout
        assert before == after
    finally:
        _set_release_record("legacy", tutor_version=recorded["tutor_version"])

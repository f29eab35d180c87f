"""An Open edX instance's web tier through a node drain, on the lab's real Kubernetes control plane
(kube-apiserver, the disruption and ReplicaSet controllers, the scheduler; kubelets simulated by kwok).

Both LMS replicas and both Caddy replicas of the campus instance are put on worker2 first (the other workers
cordoned for a rollout), then worker2 is drained the way the collection drains a node before an upgrade
(playbooks/upgrade.yml, rehearsal: cordon, drain, uncordon). The instance's PodDisruptionBudgets (Tutor plugin
openedx_ops, lesson disruption_budgets) must make the API refuse the second eviction until the first pod's
replacement is ready elsewhere: while the drain runs, a watcher reads the pods every quarter second and the web
tier never has fewer than one ready, not terminating pod. Issue 18."""

import re
import subprocess
import threading
import time

from labtools import kube_json, kubectl, playbook

NAMESPACE = "campus"
WEB = ("lms", "caddy")
NODE = "worker2"
OTHERS = ("worker1", "worker3")


def _ready_pods():
    """Per web service: its pods that are Ready and not being deleted, with their nodes."""
    pods = kube_json("get", "pods", "-n", NAMESPACE)["items"]
    ready = dict((name, []) for name in WEB)
    for pod in pods:
        name = pod["metadata"].get("labels", {}).get("app.kubernetes.io/name")
        conditions = dict((c["type"], c["status"]) for c in pod["status"].get("conditions", []))
        if name in ready and conditions.get("Ready") == "True" and not pod["metadata"].get("deletionTimestamp"):
            ready[name].append(pod["spec"].get("nodeName"))
    return ready


def _when(value, test):
    """``value`` when it passes ``test``, else None."""
    return value if test(value) else None


def _wait(predicate, what, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError("timed out waiting for " + what)


class _Watcher(threading.Thread):
    """Reads the ready web pods until stopped; keeps the fewest seen per service."""

    def __init__(self):
        super().__init__(daemon=True)
        self.fewest = dict((name, None) for name in WEB)
        self.samples = 0
        self.last_sample = None
        self.errors = []
        self._done = threading.Event()

    def run(self):
        while not self._done.is_set():
            try:
                ready = _ready_pods()
            except (AssertionError, ValueError, subprocess.TimeoutExpired) as error:  # an API hiccup is no count
                self.errors.append(str(error)[:200])
            else:
                self.samples += 1
                self.last_sample = time.monotonic()
                for name, nodes in ready.items():
                    seen = self.fewest[name]
                    self.fewest[name] = len(nodes) if seen is None else min(seen, len(nodes))
            time.sleep(0.25)

    def stop(self):
        stopped = time.monotonic()
        self._done.set()
        self.join(timeout=30)
        # The watcher read the pods until the end of the drain, not only at its start.
        assert self.last_sample is not None and stopped - self.last_sample < 5, (self.samples, self.errors)


def test_a_drain_keeps_a_ready_web_pod_of_every_instance_service():
    pdbs = dict((p["metadata"]["name"], p) for p in kube_json("get", "pdb", "-n", NAMESPACE)["items"])
    for name in WEB:
        assert pdbs[name]["spec"].get("maxUnavailable") == 1, pdbs.get(name)
        deployment = kube_json("get", "deployment", "-n", NAMESPACE, name)
        assert deployment["spec"]["replicas"] >= 2, "%s runs one replica: nothing to keep during a drain" % name
    try:
        # Every web replica on worker2: cordon the others, restart the web Deployments, wait for the rollouts.
        for node in OTHERS:
            kubectl("cordon", node)
        for name in WEB:
            kubectl("rollout", "restart", "deployment/%s" % name, "-n", NAMESPACE)
        for name in WEB:
            kubectl("rollout", "status", "deployment/%s" % name, "-n", NAMESPACE, "--timeout=180s", timeout=200)
        placed = _wait(lambda: _when(_ready_pods(), lambda r: all(len(n) >= 2 and set(n) == {NODE} for n in r.values())),
                       "every ready web pod on %s" % NODE)
        for node in OTHERS:
            kubectl("uncordon", node)

        watcher = _Watcher()
        watcher.start()
        try:
            result = playbook("playbooks/upgrade.yml", "-e", "upgrade_rehearsal=true", "--limit", "localhost," + NODE)
        finally:
            watcher.stop()
        out = result.stdout
        assert "TASK [Cordon and drain the worker]" in out and "TASK [Uncordon the worker]" in out
        # The API refused an eviction the budget did not allow, and the drain tried again.
        assert re.search(r"FAILED - RETRYING: \[%s -> localhost\]: .*Drain the node" % NODE, out), out[-3000:]
        print("drain of %s: web pods before %s; fewest ready during the drain %s over %d reads (%d read errors)"
              % (NODE, dict((k, len(v)) for k, v in placed.items()), watcher.fewest, watcher.samples,
                 len(watcher.errors)))
        assert watcher.samples >= 8, (watcher.samples, watcher.errors)
        for name in WEB:
            assert watcher.fewest[name] >= 1, "%s had no ready pod during the drain: %s" % (name, watcher.fewest)
        after = _wait(lambda: _when(_ready_pods(), lambda r: all(len(n) >= 2 for n in r.values())),
                      "the web tier whole again")
        assert all(NODE not in nodes for nodes in after.values()), after
    finally:
        for node in OTHERS + (NODE,):
            kubectl("uncordon", node, check=False)

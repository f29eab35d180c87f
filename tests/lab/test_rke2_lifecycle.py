"""The rke2 role's lifecycle paths that run without RKE2, on the lab's real systemd."""

import hashlib
import json
import re
import subprocess
import tarfile
import time

import pytest
import yaml
from labtools import KUBECONFIG, changed_by_host, docker, lab_secrets, playbook

BOUNDED = "tests/lab/files/bounded_start.yml"


def bounded_start(unit, state, timeout):
    began = time.monotonic()
    result = playbook(BOUNDED, "-e", '{"bounded_unit": "%s", "bounded_state": "%s", "bounded_timeout": %d}'
                      % (unit, state, timeout), check=False)
    return result, time.monotonic() - began


def active_state(unit):
    return docker("exec", "oxlab-worker3", "systemctl", "show", "--property=ActiveState", "--value",
                  "oxlab-notify-%s.service" % unit, check=False).stdout.strip()


@pytest.fixture(autouse=True)
def stand_in_units():
    yield
    for unit in ("ready", "never"):
        docker("exec", "oxlab-worker3", "systemctl", "disable", "--now", "oxlab-notify-%s.service" % unit, check=False)
    docker("exec", "oxlab-worker3", "rm", "-f", "/etc/systemd/system/oxlab-notify-ready.service",
           "/etc/systemd/system/oxlab-notify-never.service", check=False)
    docker("exec", "oxlab-worker3", "systemctl", "daemon-reload", check=False)


def test_a_unit_that_never_becomes_ready_stops_the_play_in_bounded_time_with_its_journal():
    result, seconds = bounded_start("never", "started", 8)
    assert result.returncode != 0
    assert "did not become active within rke2_ready_timeout (8 s)" in result.stdout, result.stdout[-3000:]
    # The unit's own output reaches the operator.
    assert "failed to validate token" in result.stdout
    assert seconds < 60, seconds
    assert active_state("never") == "activating"


def test_a_unit_that_becomes_ready_is_waited_for_and_a_restart_waits_for_the_new_process():
    result, seconds = bounded_start("ready", "started", 60)
    assert result.returncode == 0, result.stdout[-3000:]
    assert active_state("ready") == "active"
    before = docker("exec", "oxlab-worker3", "systemctl", "show", "--property=InvocationID", "--value",
                    "oxlab-notify-ready.service").stdout.strip()
    result, seconds = bounded_start("ready", "restarted", 60)
    assert result.returncode == 0, result.stdout[-3000:]
    after = docker("exec", "oxlab-worker3", "systemctl", "show", "--property=InvocationID", "--value",
                   "oxlab-notify-ready.service").stdout.strip()
    assert after and after != before
    # READY comes 2 s after the new process starts: had the wait read the old process, the play
    # would have returned while the new one was still activating.
    assert active_state("ready") == "active"
    # Already active and only to be started: nothing is queued, nothing changes.
    result, seconds = bounded_start("ready", "started", 60)
    assert result.returncode == 0
    assert changed_by_host(result.stdout)["worker3"] == 0


RELEASES = "/opt/oxlab-rke2-releases"


def _publish_stand_in_release(tmp_path, release):
    """A stand-in release directory as RKE2 publishes one (no RKE2 can be had here)."""
    work = tmp_path / release
    (work / "bin").mkdir(parents=True)
    rke2 = work / "bin" / "rke2"
    rke2.write_text("#!/bin/sh\necho 'rke2 version %s (0000000)'\necho 'go version go1.24.4'\n" % release)
    rke2.chmod(0o755)
    tarball = work / "rke2.linux-amd64.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(rke2, arcname="bin/rke2")
    images = work / "rke2-images.linux-amd64.tar.zst"
    images.write_bytes(b"stand-in images of " + release.encode())
    sums = "".join("%s  %s\n" % (hashlib.sha256(path.read_bytes()).hexdigest(), path.name) for path in (tarball, images))
    (work / "sha256sum-amd64.txt").write_text(sums)
    docker("exec", "oxlab-worker3", "mkdir", "-p", "%s/%s" % (RELEASES, release))
    for name in ("rke2.linux-amd64.tar.gz", "rke2-images.linux-amd64.tar.zst", "sha256sum-amd64.txt"):
        docker("cp", str(work / name), "oxlab-worker3:%s/%s/%s" % (RELEASES, release, name))


def _install(release, upgrading):
    return playbook("tests/lab/files/install_release.yml", "-e",
                    json.dumps({"rke2_version": release, "upgrading": upgrading}), check=False)


def _installed_version():
    return docker("exec", "oxlab-worker3", "/opt/oxlab-rke2/bin/rke2", "--version", check=False).stdout


@pytest.fixture()
def release_server():
    docker("exec", "oxlab-worker3", "rm", "-rf", "/opt/oxlab-rke2", RELEASES)
    docker("exec", "oxlab-worker3", "mkdir", "-p", RELEASES)
    docker("exec", "oxlab-worker3", "systemd-run", "--unit", "oxlab-release-server", "--working-directory", RELEASES,
           "python3", "-m", "http.server", "--bind", "127.0.0.1", "8099")
    yield
    docker("exec", "oxlab-worker3", "systemctl", "stop", "oxlab-release-server", check=False)
    docker("exec", "oxlab-worker3", "rm", "-rf", "/opt/oxlab-rke2", RELEASES, check=False)


def test_a_release_is_staged_under_its_own_name_so_an_upgrade_really_installs_it(tmp_path, release_server):
    for release in ("v1.35.4+rke2r1", "v1.35.5+rke2r1"):
        _publish_stand_in_release(tmp_path, release)
    first = _install("v1.35.4+rke2r1", False)
    assert first.returncode == 0, first.stdout[-3000:]
    assert "rke2 version v1.35.4+rke2r1 " in _installed_version()
    assert "restart needed: False" in first.stdout
    # The same release again: nothing to do.
    again = _install("v1.35.4+rke2r1", False)
    assert changed_by_host(again.stdout)["worker3"] == 0, again.stdout[-3000:]
    # Another release through site.yml's road: refused, nothing changed.
    refused = _install("v1.35.5+rke2r1", False)
    assert refused.returncode != 0
    assert "host worker3: RKE2 v1.35.4+rke2r1 runs, the inventory says rke2_version v1.35.5+rke2r1: a release change " \
           "goes through playbooks/upgrade.yml" in refused.stdout
    assert "rke2 version v1.35.4+rke2r1 " in _installed_version()
    # Through the upgrade's road: staged beside the old release (never mistaken for it), unpacked, restart asked.
    upgraded = _install("v1.35.5+rke2r1", True)
    assert upgraded.returncode == 0, upgraded.stdout[-3000:]
    assert "rke2 version v1.35.5+rke2r1 " in _installed_version()
    assert "restart needed: True" in upgraded.stdout
    staged = docker("exec", "oxlab-worker3", "ls", "/opt/oxlab-rke2/artifacts").stdout.split()
    assert staged == ["v1.35.4+rke2r1", "v1.35.5+rke2r1"]


def test_artifacts_that_do_not_match_the_release_checksums_are_not_installed(tmp_path, release_server):
    _publish_stand_in_release(tmp_path, "v1.35.4+rke2r1")
    docker("exec", "oxlab-worker3", "sh", "-c", "echo tampered >> %s/v1.35.4+rke2r1/rke2.linux-amd64.tar.gz" % RELEASES)
    result = _install("v1.35.4+rke2r1", False)
    assert result.returncode != 0
    assert "Verify the artifacts against the release checksums" in result.stdout
    assert docker("exec", "oxlab-worker3", "test", "-e", "/opt/oxlab-rke2/bin/rke2", check=False).returncode != 0


def test_a_node_failing_in_the_start_loop_stops_every_node():
    try:
        result = playbook("tests/lab/files/start_loop.yml", check=False)
        out = result.stdout
        assert result.returncode != 0
        assert "host worker2: oxlab-start.service did not become active within rke2_ready_timeout (6 s)" in out, out[-3000:]
        assert "went on after the start loop" not in out
        states = dict((node, docker("exec", "oxlab-" + node, "systemctl", "show", "--property=ActiveState", "--value",
                                    "oxlab-start.service").stdout.strip()) for node in ("worker1", "worker2", "worker3"))
        assert states == {"worker1": "active", "worker2": "activating", "worker3": "inactive"}, states
    finally:
        for node in ("worker1", "worker2", "worker3"):
            docker("exec", "oxlab-" + node, "sh", "-c", "systemctl disable --now oxlab-start.service; "
                   "rm -f /etc/systemd/system/oxlab-start.service; systemctl daemon-reload", check=False)


def test_the_upgrade_waits_for_the_new_release_with_retries_then_stops_with_what_the_node_reports():
    """kwok reports its own kubelet version, so the wait for v1.35.4+rke2r1 must retry and then stop."""
    result = playbook("tests/lab/files/node_release_ready.yml", check=False)
    out = result.stdout
    assert result.returncode != 0
    assert len(re.findall(r"FAILED - RETRYING: \[worker1 -> localhost\]: .*Wait until the node is Ready on the new release", out)) == 3
    assert re.search(r"node worker1 reports \S+ \(Ready: True\) instead of v1.35.4\+rke2r1 and Ready after rke2_ready_timeout "
                     r"\(6 s\): the upgrade stops here", out), out[-3000:]


def test_every_node_of_the_plan_is_waited_for_in_one_read_and_a_missing_one_is_named():
    """cluster_check.yml reads every Node in one call, repeated until every node of the plan has registered and is
    Ready: the lab's eight nodes pass at once; a node that never registers, or one that registers but never becomes
    Ready, is named after rke2_ready_timeout (6 s here), not after a wait per Node per retry."""
    result = playbook("tests/lab/files/nodes_ready_check.yml")
    assert "TASK [openedx_ops.baremetal.rke2 : Read every node, until each of the plan is Ready]" in result.stdout
    assert "FAILED - RETRYING" not in result.stdout
    result = playbook("tests/lab/files/nodes_ready_check.yml", "-e", "ghost_node=worker9", check=False)
    out = result.stdout
    assert result.returncode != 0
    assert len(re.findall(r"FAILED - RETRYING: \[cp1 -> localhost\]: .*Read every node, until each", out)) == 2
    assert re.search(r"the nodes did not all register and become Ready within rke2_ready_timeout \(6 s\)\. "
                     r"Not registered: worker9\. Not Ready: none\.", out), out[-3000:]
    # A Node object no kubelet reports for (kwok manages only the lab's own nodes): registered, never Ready.
    node = {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "worker9"}}
    subprocess.run(["kubectl", "--kubeconfig", KUBECONFIG, "create", "-f", "-"], input=json.dumps(node), text=True,
                   capture_output=True, check=True)
    try:
        started = time.monotonic()
        result = playbook("tests/lab/files/nodes_ready_check.yml", "-e", "ghost_node=worker9", check=False)
        elapsed = time.monotonic() - started
        assert result.returncode != 0
        assert re.search(r"Not registered: none\. Not Ready: worker9\.", result.stdout), result.stdout[-3000:]
        assert elapsed < 90, "the wait took %.0f s for a 6 s timeout" % elapsed
    finally:
        subprocess.run(["kubectl", "--kubeconfig", KUBECONFIG, "delete", "node", "worker9", "--wait=false"],
                       capture_output=True, check=False)


RKE2_FILES = "/opt/oxlab-rke2-files"
PSA_FILE = "/etc/rancher/rke2/openedx-ops-pss.yaml"


def _write_rke2_files(extra):
    return playbook("tests/lab/files/rke2_files.yml", "-e", json.dumps(extra))


def _node_file(host, path):
    """(mode, owner, content) of ``path`` on the lab host, or None when it does not exist."""
    stat = docker("exec", "oxlab-" + host, "stat", "-c", "%a %U:%G", path, check=False)
    if stat.returncode != 0:
        return None
    return tuple(stat.stdout.split()) + (docker("exec", "oxlab-" + host, "cat", path).stdout,)


def test_the_cis_pod_security_file_and_registries_arrive_and_the_pod_security_file_goes_again():
    """rke2_cis_profile and rke2_registries through configure.yml on a server and an agent: the values
    arrive in the files RKE2 reads; unsetting the CIS profile removes the Pod Security file and takes the
    server's config.yaml back; an empty rke2_registries leaves registries.yaml as it is (documented)."""
    registries = {"mirrors": {"docker.io": {"endpoint": ["https://registry.oxlab.test"]}},
                  "configs": {"registry.oxlab.test": {"auth": {"username": "lab", "password": "lab-registry-secret"}}}}
    if _node_file("cp1", PSA_FILE) is not None:
        pytest.skip("cp1 has a Pod Security file of its own (rke2_cis_profile): this test would remove it")
    for host in ("cp1", "worker1"):
        docker("exec", "oxlab-" + host, "rm", "-rf", RKE2_FILES)
    try:
        first = _write_rke2_files({"rke2_cis_profile": True, "rke2_registries": registries})
        assert "lab-registry-secret" not in first.stdout
        for host in ("cp1", "worker1"):
            mode, owner, content = _node_file(host, RKE2_FILES + "/registries.yaml")
            assert (mode, owner) == ("600", "root:root") and yaml.safe_load(content) == registries, host
            config = yaml.safe_load(_node_file(host, RKE2_FILES + "/config.yaml")[2])
            assert config["profile"] == "cis", host
        server = yaml.safe_load(_node_file("cp1", RKE2_FILES + "/config.yaml")[2])
        assert server["pod-security-admission-config-file"] == PSA_FILE
        mode, owner, content = _node_file("cp1", PSA_FILE)
        admission = yaml.safe_load(content)
        assert (mode, owner, admission["kind"]) == ("600", "root:root", "AdmissionConfiguration")
        pod_security = admission["plugins"][0]["configuration"]
        assert pod_security["defaults"]["enforce"] == "restricted"
        assert {"kube-system", "harmony", "nfs-provisioner"} <= set(pod_security["exemptions"]["namespaces"])
        assert _node_file("worker1", PSA_FILE) is None  # agents run no API server
        assert re.search(r'\[cp1\] => \{\s*"msg": "restart needed: True"', first.stdout)

        again = _write_rke2_files({"rke2_cis_profile": True, "rke2_registries": registries})
        assert changed_by_host(again.stdout)["cp1"] == 0 and changed_by_host(again.stdout)["worker1"] == 0

        back = _write_rke2_files({"rke2_cis_profile": False, "rke2_registries": {}})
        assert _node_file("cp1", PSA_FILE) is None
        server = yaml.safe_load(_node_file("cp1", RKE2_FILES + "/config.yaml")[2])
        assert "profile" not in server and "pod-security-admission-config-file" not in server
        assert yaml.safe_load(_node_file("cp1", RKE2_FILES + "/registries.yaml")[2]) == registries
        assert changed_by_host(back.stdout)["cp1"] == 1

        emptied = _write_rke2_files({"rke2_registries": {"mirrors": {}}})
        assert yaml.safe_load(_node_file("worker1", RKE2_FILES + "/registries.yaml")[2]) == {"mirrors": {}}
        assert changed_by_host(emptied.stdout)["worker1"] == 1
    finally:
        for host in ("cp1", "worker1"):
            docker("exec", "oxlab-" + host, "rm", "-rf", RKE2_FILES, PSA_FILE, check=False)


def test_an_agent_token_equal_to_the_server_token_is_refused_by_name_before_any_file():
    token = lab_secrets()["rke2_token"]
    for host in ("cp1", "worker1"):
        docker("exec", "oxlab-" + host, "rm", "-rf", RKE2_FILES)
    # --check: should the refusal ever break, the role's later tasks change nothing on the shared lab.
    refused = playbook("tests/lab/files/rke2_files.yml", "--check", "-e",
                       json.dumps({"rke2_files_tasks": "main.yml", "rke2_agent_token": token}), check=False)
    assert refused.returncode != 0
    for host in ("cp1", "worker1"):
        assert "host %s: rke2_agent_token is rke2_token" % host in refused.stdout, refused.stdout[-3000:]
        assert _node_file(host, RKE2_FILES) is None
    assert token not in refused.stdout + refused.stderr

"""Safety checks on the lab: upgrade, snapshot and restore refuse because no RKE2 is installed there
(rke2_install: false); example secrets are refused; check mode on a fresh controller. Nothing on the
hosts changes."""

import os
import re
import subprocess
import sys

from labtools import docker

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)


def playbook(name, *extra):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    return subprocess.run([os.path.join(BIN, "ansible-playbook"), "playbooks/%s" % name, "-i", "inventories/lab"]
                          + list(extra), cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def touched(result):
    recap = result.stdout.split("PLAY RECAP")[-1]
    return sorted(line.split()[0] for line in recap.splitlines() if " : ok=" in line)


def test_restore_needs_the_confirmation():
    result = playbook("etcd_restore.yml")
    assert result.returncode == 2
    assert "Set etcd_restore_snapshot to the snapshot's path on etcd1 and etcd_restore_confirm to the cluster name (oxlab)" \
        in result.stdout
    assert touched(result) == ["localhost"]


def test_restore_with_a_wrong_confirmation_changes_nothing():
    result = playbook("etcd_restore.yml", "-e", "etcd_restore_confirm=prod", "-e", "etcd_restore_snapshot=/tmp/x")
    assert result.returncode == 2 and touched(result) == ["localhost"]


def test_upgrade_refuses_without_rke2():
    result = playbook("upgrade.yml")
    assert result.returncode == 2
    assert "rke2_install is false: RKE2 is not installed on these hosts (the lab)" in result.stdout
    assert touched(result) == ["localhost"]


def test_snapshot_refuses_without_rke2():
    result = playbook("etcd_snapshot.yml")
    assert result.returncode == 2
    assert "rke2_install is false: no etcd runs on etcd1" in result.stdout


def _sha(host, path):
    return subprocess.run(["docker", "exec", "oxlab-" + host, "sha256sum", path],
                          capture_output=True, text=True, check=True).stdout


def test_example_secrets_are_refused_before_anything_is_written():
    """The marked example values of inventories/baremetal never reach a host."""
    before = (_sha("lb1", "/etc/keepalived/keepalived.conf"), _sha("etcd1", "/etc/rancher/rke2/config.yaml"))
    result = playbook("layers/loadbalancers.yml", "-e", '{"lb_vrrp_password": "EXAMPLE1"}')
    assert result.returncode == 2
    assert "host lb1: lb_vrrp_password still holds the example value" in result.stdout
    result = playbook("layers/rke2.yml", "-e", '{"rke2_token": "EXAMPLE-ONLY-replace-with-a-vaulted-random-token"}')
    assert result.returncode == 2
    assert re.search(r"host (etcd|cp|worker)\d: rke2_token or rke2_agent_token still holds the example value",
                     result.stdout)
    assert (_sha("lb1", "/etc/keepalived/keepalived.conf"), _sha("etcd1", "/etc/rancher/rke2/config.yaml")) == before


def test_check_mode_on_a_fresh_controller_says_the_nodes_are_not_checked(tmp_path):
    kubeconfig = tmp_path / "artifacts" / "oxlab.kubeconfig"
    result = playbook("layers/rke2.yml", "--check", "-e", '{"cluster_kubeconfig": "%s"}' % kubeconfig)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "%s does not exist yet (check mode): the nodes are not checked" % kubeconfig in result.stdout
    assert not kubeconfig.exists()


K8S_NODES = ("etcd1", "etcd2", "etcd3", "cp1", "cp2", "worker1", "worker2", "worker3")


def _stand_in_rke2(nodes, release):
    """A stand-in for the rke2 binary that only prints the version line RKE2 prints (no RKE2 can be
    had here), so the restore's checks can be reached on the lab."""
    script = "#!/bin/sh\necho 'rke2 version %s (0000000)'\n" % release
    for node in nodes:
        docker("exec", "oxlab-" + node, "python3", "-c",
               "import os; open('/usr/local/bin/rke2', 'w').write(%r); os.chmod('/usr/local/bin/rke2', 0o755)" % script)


def _remove_stand_ins():
    for node in K8S_NODES:
        docker("exec", "oxlab-" + node, "rm", "-f", "/usr/local/bin/rke2", check=False)


RESTORE = ("etcd_restore.yml", "-e", '{"rke2_install": true}', "-e", "etcd_restore_confirm=oxlab")


def test_restore_checks_the_snapshot_before_any_node_is_stopped():
    _stand_in_rke2(K8S_NODES, "v1.35.4+rke2r1")
    try:
        result = playbook(*RESTORE, "-e", "etcd_restore_snapshot=/var/lib/rancher/rke2/server/db/snapshots/typo")
        assert result.returncode != 0
        assert ("host etcd1: etcd_restore_snapshot /var/lib/rancher/rke2/server/db/snapshots/typo is not a file on "
                "this node") in result.stdout, result.stdout[-3000:]
        assert "PLAY [Stop every RKE2 node]" not in result.stdout
    finally:
        _remove_stand_ins()


def test_restore_refuses_nodes_without_the_plans_release_before_any_node_is_stopped():
    _stand_in_rke2(["etcd1"], "v1.35.4+rke2r10")
    try:
        result = playbook(*RESTORE, "-e", "etcd_restore_snapshot=/tmp/snapshot")
        assert result.returncode != 0
        # By exact token: r10 is not r1.
        assert ("host etcd1: RKE2 v1.35.4+rke2r10 runs, the inventory says rke2_version v1.35.4+rke2r1") in result.stdout
        assert "host worker1: no RKE2 at /usr/local/bin/rke2" in result.stdout
        assert "PLAY [Stop every RKE2 node]" not in result.stdout
    finally:
        _remove_stand_ins()

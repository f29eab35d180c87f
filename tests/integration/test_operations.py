"""Upgrade, snapshot and restore on the lab: their safety checks run for real and refuse,
because no RKE2 is installed there (rke2_install: false); nothing on the hosts changes."""

import os
import subprocess
import sys

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

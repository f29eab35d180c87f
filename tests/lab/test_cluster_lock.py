"""The cluster's operation lock (playbooks/lock.yml, module cluster_lock) on the lab: it lives on etcd1, a run
holds it from validation to its end, another controller's run is refused before any host is touched, the
operator breaks it by run id, a gone run of this controller is taken over, and check mode leaves it alone.
scale.yml with no new node is the operation run here (it converges nothing but takes the lock). Issue 17."""

import json
import os
import subprocess
import sys

import pytest

from labtools import ROOT, docker, playbook

LOCK = "/var/lib/openedx-ops/locks/cluster"


def write_holder(holder):
    subprocess.run(["docker", "exec", "-i", "oxlab-etcd1", "sh", "-c",
                    "mkdir -p -m 0700 %s && cat > %s/holder.json" % (LOCK, LOCK)],
                   input=json.dumps(holder), text=True, check=True, capture_output=True)


def holder_now():
    result = docker("exec", "oxlab-etcd1", "cat", LOCK + "/holder.json", check=False)
    return json.loads(result.stdout) if result.returncode == 0 else None


@pytest.fixture(autouse=True)
def no_lock_left():
    docker("exec", "oxlab-etcd1", "rm", "-rf", LOCK)
    yield
    docker("exec", "oxlab-etcd1", "rm", "-rf", LOCK)


def test_a_run_holds_the_lock_and_leaves_none():
    result = playbook("playbooks/scale.yml")
    assert "TASK [Take the lock]" in result.stdout and "TASK [Give back the lock]" in result.stdout
    assert holder_now() is None


def test_another_controllers_run_is_refused_before_any_host_then_broken_by_its_run_id():
    other = {"run_id": "4242-777", "controller": "ops-laptop", "user": "alice", "since": "2026-11-28T18:00:00Z"}
    write_holder(other)
    refused = playbook("playbooks/scale.yml", check=False)
    out = refused.stdout
    assert refused.returncode != 0
    assert ("the cluster is locked by run 4242-777 of alice@ops-laptop, since 2026-11-28T18:00:00Z" in out
            and "-e openedx_ops_break_lock=4242-777" in out), out[-3000:]
    # No host was reached: the lock is the first thing the run does after validation, on localhost.
    recap = out.split("PLAY RECAP")[-1]
    assert all(line.startswith("localhost") for line in recap.splitlines() if ": ok=" in line), recap
    assert holder_now() == other

    # Check mode reports the lock and leaves it alone.
    checked = playbook("playbooks/scale.yml", "--check", check=False)
    assert "the cluster is locked by run 4242-777" in checked.stdout + checked.stderr
    assert holder_now() == other

    broken = playbook("playbooks/scale.yml", "-e", "openedx_ops_break_lock=4242-777")
    assert "TASK [Give back the lock]" in broken.stdout
    assert holder_now() is None


def test_a_gone_run_of_this_very_controller_is_taken_over_and_a_look_alike_is_not():
    if os.path.join(ROOT, ".collections") not in sys.path:
        sys.path.insert(0, os.path.join(ROOT, ".collections"))
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import controller_identity
    here = controller_identity()
    # pid 1 runs here, but it started long before "1": the run 1-1 is gone.
    gone = dict(here, run_id="1-1", since="2026-11-28T17:00:00Z")
    look_alike = dict(gone, boot_id="another-boot")  # same host name and user, another machine or boot
    write_holder(look_alike)
    refused = playbook("playbooks/scale.yml", check=False)
    assert refused.returncode != 0 and "the cluster is locked by run 1-1" in refused.stdout
    assert holder_now() == look_alike
    write_holder(gone)
    result = playbook("playbooks/scale.yml")
    assert "the lock of run 1-1 (2026-11-28T17:00:00Z) is taken over: that run is gone" in result.stdout
    assert holder_now() is None

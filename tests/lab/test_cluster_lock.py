"""The cluster's operation lock (playbooks/lock.yml, module cluster_lock) on the lab, where it lives on etcd1.

- scale.yml (no new node: it converges nothing, but nests two layer playbooks) takes the lock once, holds it from
  its first play to its last - etcd1 is watched during the run - and leaves none;
- another controller's lock stops scale.yml, site.yml and layers/nfs.yml before any host is reached, naming the
  holder and the lock host; check mode warns and leaves it; a wrong break id is refused; the holder's run id
  breaks it;
- check mode leaves no lock;
- a gone run of this very controller (same host name, boot, pid namespace and user) is taken over, and the run
  says so; a look-alike (same host name and user, another boot) is refused, not taken over.

The lab is shared: a lock of another run (another helper's, CI's) is never removed; the tests wait until the
lock is free, make their records with mkdir (which fails when a run holds it), and remove only their own record.
Issue 17."""

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from labtools import ROOT, changed_by_host, docker

if os.path.join(ROOT, ".collections") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, ".collections"))

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (  # noqa: E402
    SAME_CONTROLLER, controller_identity, run_alive, stale)

BIN = os.path.dirname(sys.executable)
LOCK = "/var/lib/openedx-ops/locks/cluster"
OTHER = {"run_id": "4242-777", "playbook": "playbooks/site.yml", "controller": "ops-laptop", "user": "alice",
         "since": "2026-11-28T18:00:00Z", "boot_id": "x", "pid_namespace": "1"}


def run(*args):
    """ansible-playbook on the lab; returns (result, the run's id prefix "<pid>-")."""
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    proc = subprocess.Popen([os.path.join(BIN, "ansible-playbook"), "-i", "inventories/lab"] + list(args), cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=1800)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), "%d-" % proc.pid


def holder_now():
    result = docker("exec", "oxlab-etcd1", "cat", LOCK + "/holder.json", check=False)
    if result.returncode == 0:
        return json.loads(result.stdout)
    return None if docker("exec", "oxlab-etcd1", "test", "-d", LOCK, check=False).returncode else "no record"


def make_lock(holder, wait=900):
    """Make the lock for ``holder`` as soon as no run holds it (mkdir, which fails while one does). A stale lock of
    this controller (a failed run of another test) is taken over first, by a run of layers/nfs.yml."""
    if holder_now() is not None:
        wait_until_free(wait)
        if holder_now() is not None:
            assert run("playbooks/layers/nfs.yml")[0].returncode == 0
    script = "mkdir -p -m 0700 %s && mkdir -m 0700 %s && cat > %s/holder.json" % (os.path.dirname(LOCK), LOCK, LOCK)
    deadline = time.time() + wait
    while subprocess.run(["docker", "exec", "-i", "oxlab-etcd1", "sh", "-c", script], input=json.dumps(holder),
                         text=True, capture_output=True, check=False).returncode != 0:
        assert time.time() < deadline, "the lab's lock stayed held by %s" % holder_now()
        time.sleep(5)


def remove_lock_of(run_id):
    """Remove the lock if (and only if) ``run_id`` holds it."""
    docker("exec", "oxlab-etcd1", "sh", "-c", "grep -q '\"run_id\": \"%s\"' %s/holder.json && rm -rf %s || true"
           % (run_id, LOCK, LOCK))


def wait_until_free(wait=900):
    """Until no run holds the lock, or only a stale one of this very controller (a failed run: taken over)."""
    deadline = time.time() + wait
    while True:
        now = holder_now()
        if now is None or isinstance(now, dict) and stale(now, controller_identity(), run_alive):
            return
        assert time.time() < deadline, "the lab's lock stayed held by %s" % now
        time.sleep(5)


def recap_hosts(result):
    return sorted(changed_by_host(result.stdout))


@pytest.fixture
def other_controllers_lock():
    make_lock(OTHER)
    yield OTHER
    remove_lock_of(OTHER["run_id"])


def test_scale_holds_the_lock_from_its_first_play_to_its_last_and_leaves_none():
    wait_until_free()
    seen, done = [], threading.Event()

    def watch():
        while not done.is_set():
            seen.append(holder_now())
            time.sleep(0.5)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result, mine = run("playbooks/scale.yml")
    finally:
        done.set()
        watcher.join()
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    out = result.stdout
    # Two layers imported (load balancers, NFS), each importing lock.yml and unlock.yml: one take, one give-back.
    assert out.count("TASK [Take the lock]") == 1 and out.count("TASK [Give back the lock]") == 1, out[-6000:]
    assert out.index("TASK [Give back the lock]") > out.rindex("PLAY [NFS server]")
    assert changed_by_host(out)["localhost"] == 0  # the lock is bookkeeping: never changed
    # Watched on etcd1: from the first sight of this run's lock to the end, nobody else's and never free but at the
    # very end (the give-back is the last task).
    ours = [i for i, h in enumerate(seen) if isinstance(h, dict) and h["run_id"].startswith(mine)]
    assert ours, "this run's lock was never seen on etcd1: %s" % seen
    held = seen[ours[0]:ours[-1] + 1]
    assert all(isinstance(h, dict) and h["run_id"].startswith(mine) for h in held), held
    assert len(held) >= 4, seen  # held for seconds, across the layers (sampled every 0.5 s)
    # The record names the playbook and carries this controller's identity (what a later run judges it by).
    record, here = seen[ours[0]], controller_identity()
    assert record["playbook"] == "playbooks/scale.yml", record
    assert all(record[key] == here[key] for key in SAME_CONTROLLER), (record, here)
    now = holder_now()
    assert now is None or not now["run_id"].startswith(mine), now


def test_another_controllers_lock_stops_a_run_before_any_host_until_broken(other_controllers_lock):
    expected = ("the cluster is locked by run 4242-777 of playbooks/site.yml, alice@ops-laptop since "
                "2026-11-28T18:00:00Z (lock %s on etcd1)" % LOCK)
    # --limit leaves etcd1 out: the lock is reached by delegation all the same.
    for args in (["playbooks/scale.yml"], ["playbooks/site.yml"],
                 ["playbooks/layers/nfs.yml", "--limit", "localhost,nfs1"]):
        refused, _mine = run(*args)
        assert refused.returncode != 0
        assert expected in refused.stdout and "-e openedx_ops_break_lock=4242-777" in refused.stdout, \
            refused.stdout[-3000:]
        # Stopped at the lock: the lock task is delegated to etcd1 from localhost, so the recap holds localhost only.
        assert recap_hosts(refused) == ["localhost"], refused.stdout[-3000:]
        assert holder_now() == OTHER

    # Check mode reports the lock and leaves it alone (an operation and a layer alone).
    for name in ("playbooks/scale.yml", "playbooks/layers/nfs.yml"):
        checked, _mine = run(name, "--check")
        assert checked.returncode == 0, checked.stdout[-3000:]
        assert "the cluster is locked by run 4242-777" in checked.stdout + checked.stderr
        assert "a real run would stop" in checked.stdout + checked.stderr
        assert holder_now() == OTHER

    wrong, _mine = run("playbooks/layers/nfs.yml", "-e", "openedx_ops_break_lock=4242-778")
    assert wrong.returncode != 0 and "openedx_ops_break_lock=4242-778 is not the holder's run id" in wrong.stdout
    assert recap_hosts(wrong) == ["localhost"] and holder_now() == OTHER

    broken, mine = run("playbooks/scale.yml", "-e", "openedx_ops_break_lock=4242-777")
    assert broken.returncode == 0, broken.stdout[-3000:]
    assert "the lock of run 4242-777 of playbooks/site.yml, alice@ops-laptop" in broken.stdout + broken.stderr
    assert "TASK [Give back the lock]" in broken.stdout
    now = holder_now()
    assert now is None or now["run_id"] not in ("4242-777",) and not now["run_id"].startswith(mine), now


def test_check_mode_takes_no_lock():
    wait_until_free()
    checked, mine = run("playbooks/layers/nfs.yml", "--check")
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert "TASK [Take the lock]" in checked.stdout and "TASK [Give back the lock]" not in checked.stdout
    now = holder_now()
    assert now is None or not now["run_id"].startswith(mine), now


def test_a_gone_run_of_this_very_controller_is_taken_over_and_a_look_alike_is_not():
    here = controller_identity()
    # No process 999999 here: the run 999999-1 is gone.
    gone = dict(here, run_id="999999-1", playbook="playbooks/upgrade.yml", since="2026-11-28T17:00:00Z")
    look_alike = dict(gone, boot_id="another-boot")  # same host name and user, another machine or boot
    make_lock(look_alike)
    try:
        refused, _mine = run("playbooks/scale.yml")
        assert refused.returncode != 0 and "the cluster is locked by run 999999-1" in refused.stdout, \
            refused.stdout[-3000:]
        assert recap_hosts(refused) == ["localhost"] and holder_now() == look_alike
    finally:
        remove_lock_of("999999-1")
    make_lock(gone)
    try:
        result, mine = run("playbooks/scale.yml")
    finally:
        remove_lock_of("999999-1")
    assert result.returncode == 0, result.stdout[-3000:]
    assert ("the lock of run 999999-1 (playbooks/upgrade.yml, %s@%s since 2026-11-28T17:00:00Z) is stale: that "
            "ansible-playbook process is gone from this controller" % (here["user"], here["controller"])) \
        in result.stdout, result.stdout[-3000:]
    assert "TASK [Give back the lock]" in result.stdout
    now = holder_now()
    assert now is None or now["run_id"] != "999999-1" and not now["run_id"].startswith(mine), now

"""The cluster's operation lock: taken once per run, refused to another run with the holder named, taken over
only by the holder's run id, given back only by its holder; a holder is stale only for a gone run of this very
controller; every check-and-change under the guard."""

import json
import os
import threading

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import cluster_lock
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    LockHeld, acquire, controller_identity, describe, read, refusal, release, run_alive, stale)

HERE = {"controller": "ctl", "boot_id": "b1", "pid_namespace": "4026531836", "user": "ops"}


def holder(run_id, controller="ctl", **more):
    record = dict(HERE, run_id=run_id, controller=controller, playbook="playbooks/site.yml",
                  since="2026-11-28T19:00:00Z")
    record.update(more)
    return record


def test_a_run_takes_the_lock_once_and_gives_it_back(tmp_path):
    path = str(tmp_path / "locks" / "cluster")
    assert read(path) is None
    assert acquire(path, holder("1-10")) == (True, None)
    assert read(path) == holder("1-10")
    assert oct(os.stat(path).st_mode & 0o777) == "0o700"
    assert oct(os.stat(os.path.dirname(path)).st_mode & 0o777) == "0o700"
    assert acquire(path, holder("1-10")) == (False, None)  # the same run again: nothing happens
    assert release(path, "1-10") == (True, None)
    assert read(path) is None and release(path, "1-10") == (False, None)
    assert os.listdir(str(tmp_path / "locks")) == [".guard"]  # no lock left, only the guard file


def test_another_run_is_refused_with_the_holder_named(tmp_path):
    path = str(tmp_path / "cluster")
    acquire(path, holder("1-10"))
    with pytest.raises(LockHeld, match=r"run 1-10 of playbooks/site.yml, ops@ctl since 2026-11-28T19:00:00Z") as info:
        acquire(path, holder("2-20", "other"))
    assert info.value.holder == holder("1-10")
    with pytest.raises(LockHeld):
        acquire(path, holder("2-20"), take_over="9-99")  # taking over needs the holder's own run id
    assert read(path) == holder("1-10")
    assert release(path, "2-20") == (False, holder("1-10"))  # not its lock: left alone
    assert read(path) == holder("1-10")
    assert acquire(path, holder("2-20"), take_over="1-10") == (True, holder("1-10"))
    assert read(path)["run_id"] == "2-20"


def test_the_refusal_names_holder_place_and_the_way_to_break_it():
    text = refusal(holder("4242-777", "ops-laptop", user="alice"), "/var/lib/openedx-ops/locks/cluster", "etcd1")
    assert text.startswith("the cluster is locked by run 4242-777 of playbooks/site.yml, alice@ops-laptop since "
                           "2026-11-28T19:00:00Z (lock /var/lib/openedx-ops/locks/cluster on etcd1).")
    assert "stops before touching any host" in text and text.endswith("-e openedx_ops_break_lock=4242-777")
    wrong = refusal(holder("4242-777"), "/l", "etcd1", take_over="4242-778")
    assert wrong.startswith("openedx_ops_break_lock=4242-778 is not the holder's run id. the cluster is locked")
    # What a record lacks is shown as unknown, never a crash: a hand-made lock directory, an older record.
    assert describe({"run_id": "unknown"}) == "run unknown, ?@? since ?"
    assert describe(None) == "run unknown, ?@? since ?"


def test_a_lock_without_a_readable_holder_is_held_by_an_unknown_run_and_breaks_by_that_name(tmp_path):
    path = tmp_path / "cluster"
    path.mkdir()
    assert read(str(path)) == {"run_id": "unknown"}
    for text in ("[1, 2]", "{}", "{not json"):
        (path / "holder.json").write_text(text)
        assert read(str(path)) == {"run_id": "unknown"}
    (path / "holder.json").write_text(json.dumps(holder("1-10")))
    assert read(str(path)) == holder("1-10")
    (path / "holder.json").unlink()
    with pytest.raises(LockHeld, match="run unknown"):
        acquire(str(path), holder("1-10"))
    assert acquire(str(path), holder("1-10"), take_over="unknown") == (True, {"run_id": "unknown"})
    assert read(str(path)) == holder("1-10")


def test_only_a_gone_run_of_this_very_controller_is_stale():
    alive = {"42-20"}.__contains__
    mine = dict(HERE, run_id="43-20")
    assert stale(mine, HERE, alive) and not stale(dict(HERE, run_id="42-20"), HERE, alive)
    # Another host, boot, process namespace (a container with the same host name) or user: never guessed gone.
    for key, other in (("controller", "ops-laptop"), ("boot_id", "b2"), ("pid_namespace", "4026532000"),
                       ("user", "alice")):
        assert not stale(dict(mine, **{key: other}), HERE, alive), key
    # Recorded without the identity (a record of the lock's first version: host name and user only), or with
    # part of it: never taken over, its process cannot be told from another controller's.
    assert not stale({"run_id": "43-20", "controller": "ctl"}, HERE, alive)
    assert not stale({"run_id": "43-20", "controller": "ctl", "user": "ops"}, HERE, alive)
    assert not stale(dict(mine, pid_namespace=None), HERE, alive)
    # An identity this controller cannot read: nothing is guessed.
    assert not stale(dict(mine, boot_id=None), dict(HERE, boot_id=None), alive)
    assert not stale(None, HERE, alive) and not stale({"run_id": "unknown"}, HERE, alive)


def _stat(tmp_path, pid, started):
    fields = ["S"] + [str(n) for n in range(1, 30)]
    fields[19] = started
    (tmp_path / str(pid)).mkdir(parents=True, exist_ok=True)
    # /proc/<pid>/stat: the start time is the 22nd field, the 20th after the command's closing parenthesis
    (tmp_path / str(pid) / "stat").write_text("%d (ansible-pl (x)) %s\n" % (pid, " ".join(fields)))


def test_a_run_is_gone_only_when_its_process_is(tmp_path):
    def gone(pid, signal):
        raise ProcessLookupError()

    def foreign(pid, signal):
        raise PermissionError()

    def exists(pid, signal):
        return None
    _stat(tmp_path, 42, "777")
    assert run_alive("42-777", proc=str(tmp_path), kill=exists)
    assert not run_alive("42-999", proc=str(tmp_path), kill=exists)  # the pid now belongs to a later process
    assert not run_alive("42-777", proc=str(tmp_path), kill=gone)
    assert run_alive("43-1", proc=str(tmp_path), kill=foreign)  # another user's process (hidepid): running
    assert run_alive("44-1", proc=str(tmp_path), kill=exists)  # exists but /proc cannot be read: running
    assert run_alive("garbage", proc=str(tmp_path), kill=gone)  # not a run id of ours: never gone
    assert run_alive("", proc=str(tmp_path), kill=gone)
    with open("/proc/self/stat") as handle:
        started = handle.read().rsplit(")", 1)[1].split()[19]
    assert run_alive("%d-%s" % (os.getpid(), started))


def test_two_runs_taking_over_the_same_gone_holder_cannot_both_win(tmp_path):
    """The take-over is checked and done under the guard: the second run finds the first one's lock."""
    path = str(tmp_path / "cluster")
    acquire(path, holder("1-10"))
    assert acquire(path, holder("2-20"), take_over="1-10") == (True, holder("1-10"))
    with pytest.raises(LockHeld, match="run 2-20"):
        acquire(path, holder("3-30"), take_over="1-10")
    assert read(path)["run_id"] == "2-20"
    assert sorted(os.listdir(str(tmp_path))) == [".guard", "cluster"]


def test_a_take_over_waits_for_the_guard_and_only_one_of_two_wins(tmp_path, monkeypatch):
    """Two runs both saw the same stale holder: under the guard the second finds the first's record and fails."""
    path = str(tmp_path / "cluster")
    acquire(path, holder("1-10"))
    results = {}
    rmtree = cluster_lock.shutil.rmtree
    started = threading.Event()

    def slow_rmtree(target):
        started.set()
        threading.Event().wait(0.3)  # hold the guard while the other run tries
        rmtree(target)

    monkeypatch.setattr(cluster_lock.shutil, "rmtree", slow_rmtree)

    def run(run_id):
        try:
            results[run_id] = acquire(path, holder(run_id), take_over="1-10")
        except LockHeld as exc:
            results[run_id] = exc.holder["run_id"]

    first = threading.Thread(target=run, args=("2-20",))
    first.start()
    started.wait(5)
    run("3-30")
    first.join()
    assert results == {"2-20": (True, holder("1-10")), "3-30": "2-20"}
    assert read(path)["run_id"] == "2-20"


def test_a_lock_directory_made_outside_the_guard_refuses(tmp_path, monkeypatch):
    path = str(tmp_path / "cluster")
    real_mkdir = os.mkdir

    def racing_mkdir(target, mode=0o777):
        if target == path:
            real_mkdir(target, mode)  # someone else made it between the read and our mkdir
        real_mkdir(target, mode)

    monkeypatch.setattr(cluster_lock.os, "mkdir", racing_mkdir)
    with pytest.raises(LockHeld, match="run unknown"):
        acquire(path, holder("1-10"))


def test_controller_identity_names_this_controller(tmp_path):
    here = controller_identity()
    assert here["controller"] and here["user"]
    assert here["boot_id"] and here["pid_namespace"]  # Linux: /proc/sys/kernel/random/boot_id, /proc/self/ns/pid
    proc = tmp_path / "proc"
    (proc / "sys" / "kernel" / "random").mkdir(parents=True)
    (proc / "sys" / "kernel" / "random" / "boot_id").write_text("b1\n")
    (proc / "self" / "ns").mkdir(parents=True)
    (proc / "self" / "ns" / "pid").write_text("")
    faked = controller_identity(proc=str(proc))
    assert faked["boot_id"] == "b1" and faked["pid_namespace"] == str(os.stat(str(proc / "self" / "ns" / "pid")).st_ino)
    unknown = controller_identity(proc=str(tmp_path / "none"))
    assert unknown["boot_id"] is None and unknown["pid_namespace"] is None


def test_the_record_is_json_on_disk(tmp_path):
    path = str(tmp_path / "cluster")
    acquire(path, holder("1-10"))
    with open(os.path.join(path, "holder.json")) as handle:
        assert json.load(handle) == holder("1-10")
    assert sorted(os.listdir(path)) == ["holder.json"]


def test_reading_creates_nothing(tmp_path):
    path = tmp_path / "locks" / "cluster"
    assert read(str(path)) is None and not (tmp_path / "locks").exists()
    path.mkdir(parents=True)  # a lock made by hand, without the guard file
    assert read(str(path)) == {"run_id": "unknown"}
    assert os.listdir(str(tmp_path / "locks")) == ["cluster"]


def _take_over(args):
    path, run_id = args
    try:
        return acquire(path, holder(run_id), take_over="1-10")[0]
    except LockHeld:
        return False


def test_concurrent_take_overs_leave_exactly_one_holder(tmp_path, monkeypatch):
    import multiprocessing
    import shutil
    import time
    real_rmtree = shutil.rmtree

    def slow_rmtree(path, *args, **kwargs):  # widens the window between reading the holder and replacing it
        time.sleep(0.05)
        real_rmtree(path, *args, **kwargs)
    monkeypatch.setattr(cluster_lock.shutil, "rmtree", slow_rmtree)
    for attempt in range(5):
        path = str(tmp_path / ("cluster%d" % attempt))
        acquire(path, holder("1-10"))
        with multiprocessing.get_context("fork").Pool(8) as pool:
            won = pool.map(_take_over, [(path, "%d-1" % n) for n in range(2, 10)])
        assert won.count(True) == 1, won
        assert read(path)["run_id"] == "%d-1" % (won.index(True) + 2)

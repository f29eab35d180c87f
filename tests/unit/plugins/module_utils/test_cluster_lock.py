"""The cluster's operation lock: taken once per run, refused to another run with the holder named, taken over
only by the holder's run id, given back only by its holder."""

import json
import os

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    LockHeld, acquire, controller_identity, read, release, run_alive, stale)


def holder(run_id, controller="ctl"):
    return {"run_id": run_id, "controller": controller, "user": "ops", "since": "2026-11-28T19:00:00Z"}


def test_a_run_takes_the_lock_once_and_gives_it_back(tmp_path):
    path = str(tmp_path / "locks" / "cluster")
    assert read(path) is None
    assert acquire(path, holder("1-10")) == (True, None)
    assert read(path) == holder("1-10")
    assert oct(os.stat(path).st_mode & 0o777) == "0o700"
    assert acquire(path, holder("1-10")) == (False, None)  # the same run again: nothing happens
    assert release(path, "1-10") == (True, None)
    assert read(path) is None and release(path, "1-10") == (False, None)


def test_another_run_is_refused_with_the_holder_named(tmp_path):
    path = str(tmp_path / "cluster")
    acquire(path, holder("1-10"))
    with pytest.raises(LockHeld, match=r"run 1-10 of ops@ctl, since 2026-11-28T19:00:00Z") as info:
        acquire(path, holder("2-20", "other"))
    assert info.value.holder == holder("1-10")
    with pytest.raises(LockHeld):
        acquire(path, holder("2-20"), take_over="9-99")  # taking over needs the holder's own run id
    assert read(path) == holder("1-10")
    assert release(path, "2-20") == (False, holder("1-10"))  # not its lock: left alone
    assert acquire(path, holder("2-20"), take_over="1-10") == (True, holder("1-10"))
    assert read(path)["run_id"] == "2-20"


def test_a_lock_without_a_readable_holder_is_held_by_an_unknown_run(tmp_path):
    path = tmp_path / "cluster"
    path.mkdir()
    assert read(str(path)) == {"run_id": "unknown"}
    (path / "holder.json").write_text("[1, 2]")
    assert read(str(path)) == {"run_id": "unknown"}
    (path / "holder.json").write_text(json.dumps(holder("1-10")))
    assert read(str(path)) == holder("1-10")


HERE = {"controller": "ctl", "boot_id": "b1", "pid_namespace": "4026531836", "user": "ops"}


def test_only_a_gone_run_of_this_very_controller_is_stale():
    alive = {"42-20"}.__contains__
    mine = dict(HERE, run_id="43-20")
    assert stale(mine, HERE, alive) and not stale(dict(HERE, run_id="42-20"), HERE, alive)
    # Another host, boot, process namespace (a container with the same host name) or user: never guessed gone.
    for key, other in (("controller", "ops-laptop"), ("boot_id", "b2"), ("pid_namespace", "4026532000"),
                       ("user", "alice")):
        assert not stale(dict(mine, **{key: other}), HERE, alive), key
    assert not stale({"run_id": "43-20", "controller": "ctl"}, HERE, alive)  # recorded without the identity
    assert not stale(None, HERE, alive)


def _stat(tmp_path, pid, started):
    fields = ["S"] + [str(n) for n in range(1, 30)]
    fields[19] = started
    (tmp_path / str(pid)).mkdir(parents=True, exist_ok=True)
    (tmp_path / str(pid) / "stat").write_text("%d (ansible-playboo) %s\n" % (pid, " ".join(fields)))


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
    started = open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19]
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


def test_controller_identity_names_this_controller():
    here = controller_identity()
    assert here["controller"] and here["user"]
    assert here["boot_id"] and here["pid_namespace"]  # Linux: /proc/sys/kernel/random/boot_id, /proc/self/ns/pid


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
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils import cluster_lock
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

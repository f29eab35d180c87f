"""The cluster's operation lock: taken once per run, refused to another run with the holder named, taken over
only by the holder's run id, given back only by its holder."""

import json
import os

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    LockHeld, acquire, read, release, run_alive, stale)


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


def test_only_a_gone_run_of_this_controller_is_stale(tmp_path):
    proc = tmp_path / "proc"
    (proc / "42").mkdir(parents=True)
    # /proc/<pid>/stat: the start time is the 22nd field, the 20th after the command's closing parenthesis
    fields = ["S"] + [str(n) for n in range(1, 30)]
    fields[19] = "777"
    (proc / "42" / "stat").write_text("42 (ansible-playboo) " + " ".join(fields) + "\n")
    assert run_alive("42-777", proc=str(proc))
    assert not run_alive("42-999", proc=str(proc)) and not run_alive("43-20", proc=str(proc))
    assert not run_alive("garbage", proc=str(proc))
    assert run_alive("%d-%s" % (os.getpid(), open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19]))
    alive = {"42-20"}.__contains__
    assert stale(holder("43-20"), "ctl", alive) and not stale(holder("42-20"), "ctl", alive)
    assert not stale(holder("43-20", "other"), "ctl", alive)  # another controller's run: never guessed
    assert not stale(None, "ctl", alive)

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The cluster's operation lock: pure logic of module cluster_lock and filter cluster_lock_stale.

One run at a time changes a cluster. The lock is a directory made with mkdir (atomic on a local file system) on
one host of the cluster (the first etcd server), holding ``holder.json``: the run id (plan_args.run_id: the
ansible-playbook process and its start time), the controller's host name, the user and the time. A run takes the
lock before it touches any host and gives it back at its end; taking it again in the same run is a no-op. A run
that failed leaves it: the next run on the same controller finds that process gone and takes the lock over; a
run from another controller is refused, with the holder named, until the operator breaks it by its run id.
"""

from __future__ import annotations

import errno
import json
import os
import shutil

HOLDER_FILE = "holder.json"


class LockHeld(RuntimeError):
    def __init__(self, holder):
        self.holder = holder
        RuntimeError.__init__(self, describe(holder))


def describe(holder):
    fields = tuple(holder.get(key, "?") for key in ("run_id", "user", "controller", "since"))
    return "run %s of %s@%s, since %s" % fields


def read(path):
    """The holder recorded in the lock at ``path``, or None when the lock is free. A lock directory without a
    readable holder (a run killed between mkdir and the write) reads as held by an unknown run."""
    if not os.path.isdir(path):
        return None
    try:
        with open(os.path.join(path, HOLDER_FILE)) as handle:
            holder = json.load(handle)
        return holder if isinstance(holder, dict) else {"run_id": "unknown"}
    except (OSError, ValueError):
        return {"run_id": "unknown"}


def acquire(path, holder, take_over=None):
    """Take the lock for ``holder`` (a dict with at least run_id). Returns (taken, previous): taken is False when
    this run already held it; previous is the holder replaced (``take_over`` names its run id) or None. Raises
    LockHeld naming the holder otherwise."""
    parent = os.path.dirname(path)
    os.makedirs(parent, 0o700, exist_ok=True)
    previous = None
    try:
        os.mkdir(path, 0o700)
    except OSError as exc:
        if exc.errno != errno.EEXIST:
            raise
        current = read(path) or {}
        if current.get("run_id") == holder["run_id"]:
            return False, None
        if take_over is None or current.get("run_id") != take_over:
            raise LockHeld(current)
        shutil.rmtree(path)
        os.mkdir(path, 0o700)  # another run may win the race here: then this one fails, as it should
        previous = current
    scratch = os.path.join(path, HOLDER_FILE + ".new")
    with open(scratch, "w") as handle:
        json.dump(holder, handle, sort_keys=True)
    os.replace(scratch, os.path.join(path, HOLDER_FILE))
    return True, previous


def release(path, run_id):
    """Give the lock back if ``run_id`` holds it. Returns (released, holder): holder is the other run that holds
    it (left alone) or None."""
    current = read(path)
    if current is None:
        return False, None
    if current.get("run_id") != run_id:
        return False, current
    shutil.rmtree(path)
    return True, None


def stale(holder, controller, run_alive):
    """Whether ``holder`` is a run of this ``controller`` whose process is gone (``run_alive(run_id)`` says)."""
    return bool(holder) and holder.get("controller") == controller and not run_alive(holder.get("run_id", ""))


def run_alive(run_id, proc="/proc"):
    """Whether the ansible-playbook process named by ``run_id`` (``<pid>-<start time>``) still runs here."""
    try:
        pid, started = run_id.split("-", 1)
        with open(os.path.join(proc, str(int(pid)), "stat")) as handle:
            return handle.read().rsplit(")", 1)[1].split()[19] == started
    except (OSError, ValueError, IndexError):
        return False

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

import contextlib
import errno
import fcntl
import json
import os
import shutil

HOLDER_FILE = "holder.json"
# Serialises every check-and-change of the lock (take, take over, give back) among runs on the lock host.
GUARD_FILE = ".guard"
# What must match for a holder to count as a run of this very controller (same host, boot, process namespace
# and user): only such a run's process can be looked up here.
SAME_CONTROLLER = ("controller", "boot_id", "pid_namespace", "user")


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


@contextlib.contextmanager
def _guard(path):
    parent = os.path.dirname(path)
    os.makedirs(parent, 0o700, exist_ok=True)
    fd = os.open(os.path.join(parent, GUARD_FILE), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def acquire(path, holder, take_over=None):
    """Take the lock for ``holder`` (a dict with at least run_id). Returns (taken, previous): taken is False when
    this run already held it; previous is the holder replaced (``take_over`` names its run id) or None. Raises
    LockHeld naming the holder otherwise. The check and the change happen under the guard, so two runs taking
    over the same gone holder cannot both succeed."""
    with _guard(path):
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
            os.mkdir(path, 0o700)
            previous = current
        scratch = os.path.join(path, HOLDER_FILE + ".new")
        with open(scratch, "w") as handle:
            json.dump(holder, handle, sort_keys=True)
        os.replace(scratch, os.path.join(path, HOLDER_FILE))
        return True, previous


def release(path, run_id):
    """Give the lock back if ``run_id`` holds it. Returns (released, holder): holder is the other run that holds
    it (left alone) or None."""
    if not os.path.isdir(path):
        return False, None
    with _guard(path):
        current = read(path)
        if current is None:
            return False, None
        if current.get("run_id") != run_id:
            return False, current
        shutil.rmtree(path)
        return True, None


def stale(holder, here, run_alive):
    """Whether ``holder`` is a run of this very controller whose process is gone: ``here`` (this controller's
    controller, boot_id, pid_namespace and user, as controller_identity gives them) must match the holder's in
    every field, and ``run_alive(run_id)`` say no. A run of any other host, boot, process namespace (another
    container with the same host name) or user is never guessed to be gone."""
    if not holder or not all(holder.get(key) is not None and holder.get(key) == here.get(key)
                             for key in SAME_CONTROLLER):
        return False
    return not run_alive(holder.get("run_id", ""))


def controller_identity(proc="/proc"):
    """What identifies this controller for stale(): host name, boot, process namespace and user."""
    import getpass
    import socket
    try:
        with open(os.path.join(proc, "sys", "kernel", "random", "boot_id")) as handle:
            boot_id = handle.read().strip()
    except OSError:
        boot_id = None
    try:
        pid_namespace = str(os.stat(os.path.join(proc, "self", "ns", "pid")).st_ino)
    except OSError:
        pid_namespace = None
    return {"controller": socket.gethostname(), "boot_id": boot_id, "pid_namespace": pid_namespace,
            "user": getpass.getuser()}


def run_alive(run_id, proc="/proc", kill=os.kill):
    """Whether the ansible-playbook process named by ``run_id`` (``<pid>-<start time>``) may still run here. Only a
    process that does not exist, or a pid now used by a process started at another time, counts as gone; a process
    that cannot be signalled or read (another user's, /proc mounted hidepid) counts as running."""
    try:
        pid, started = run_id.split("-", 1)
        pid = int(pid)
    except ValueError:
        return True  # not a run id of ours: never taken for gone
    try:
        kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(os.path.join(proc, str(pid), "stat")) as handle:
            return handle.read().rsplit(")", 1)[1].split()[19] == started
    except (OSError, IndexError):
        return True

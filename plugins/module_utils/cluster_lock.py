# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The cluster's operation lock: pure logic of module cluster_lock and filters lock_holder / lock_stale.

One run at a time changes a cluster. The lock is a directory made with mkdir on one host of the cluster (the
first etcd server, or openedx_ops_lock_host), holding ``holder.json``: the run id (plan_args.run_id: the
ansible-playbook process and its start time), the playbook, the controller (host name, boot id, pid namespace),
the user and the time. Every operation on it (read, take, take over, give back) runs under an ``flock`` of a guard
file next to it, so a take-over or a reader never races another run's take. A run takes the lock before it
touches any host and gives it back at its end. A run that failed leaves it: the next run of this very controller
(same host name, boot, pid namespace and user) finds that process gone and takes the lock over, saying so; any
other run is refused, with the holder named, until the operator breaks it by its run id.
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
    """``run <id> of <playbook>, <user>@<controller> since <time>`` (the parts the holder records)."""
    holder = holder or {}
    text = "run %s" % holder.get("run_id", "unknown")
    if holder.get("playbook"):
        text += " of %s" % holder["playbook"]
    text += ", %s@%s" % (holder.get("user", "?"), holder.get("controller", "?"))
    return text + " since %s" % holder.get("since", "?")


def refusal(holder, path, host, take_over=None, check_mode=False):
    """The message of a run refused by ``holder``: who holds the lock, where, and how to break it (in check mode,
    that a real run would stop)."""
    run_id = (holder or {}).get("run_id", "unknown")
    wrong = ""
    if take_over and take_over != run_id:
        wrong = "openedx_ops_break_lock=%s is not the holder's run id. " % take_over
    stops = "a real run would stop" if check_mode else "this run stops"
    return ("%sthe cluster is locked by %s (lock %s on %s). Another run is changing this cluster, or one failed and "
            "left its lock; %s before touching any host. Once that run has ended, break the lock with "
            "-e openedx_ops_break_lock=%s" % (wrong, describe(holder), path, host, stops, run_id))


@contextlib.contextmanager
def guard(path, exclusive=True):
    """Hold the flock of the guard file next to the lock at ``path``: one lock operation at a time. Exclusive (a
    take or a give-back) creates the parent directory 0700 and the guard file; shared (a read) creates nothing (no
    guard file: no lock made through it either)."""
    guard_file = os.path.join(os.path.dirname(path), GUARD_FILE)
    if not exclusive and not os.path.exists(guard_file):
        yield
        return
    os.makedirs(os.path.dirname(path), 0o700, exist_ok=True)
    fd = os.open(guard_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the flock


def _read(path):
    if not os.path.isdir(path):
        return None
    try:
        with open(os.path.join(path, HOLDER_FILE)) as handle:
            holder = json.load(handle)
        return holder if isinstance(holder, dict) and holder.get("run_id") else {"run_id": "unknown"}
    except (OSError, ValueError):
        return {"run_id": "unknown"}


def read(path):
    """The holder recorded in the lock at ``path``, or None when the lock is free. A lock directory without a
    readable holder (made by hand, or a run killed between mkdir and the write) reads as held by run "unknown"."""
    if not os.path.isdir(path):
        return None
    with guard(path, exclusive=False):
        return _read(path)


def acquire(path, holder, take_over=None):
    """Take the lock for ``holder`` (a dict with at least run_id). Returns (taken, previous): taken is False when
    this run already held it; previous is the holder replaced (``take_over`` names its run id) or None. Raises
    LockHeld naming the holder otherwise. The check and the change happen under the guard, so two runs taking
    over the same gone holder cannot both succeed."""
    with guard(path):
        current = _read(path)
        if current is not None:
            if current.get("run_id") == holder["run_id"]:
                return False, None
            if take_over is None or current.get("run_id") != take_over:
                raise LockHeld(current)
            shutil.rmtree(path)
        try:
            os.mkdir(path, 0o700)
        except OSError as exc:  # someone made it by hand, not through the guard
            if exc.errno != errno.EEXIST:
                raise
            raise LockHeld(_read(path))
        scratch = os.path.join(path, HOLDER_FILE + ".new")
        with open(scratch, "w") as handle:
            json.dump(holder, handle, sort_keys=True)
        os.replace(scratch, os.path.join(path, HOLDER_FILE))
        return True, current


def release(path, run_id):
    """Give the lock back if ``run_id`` holds it. Returns (released, holder): holder is the other run that holds
    it (left alone) or None."""
    if not os.path.isdir(path):
        return False, None
    with guard(path):
        current = _read(path)
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

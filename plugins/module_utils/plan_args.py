# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options of cluster_plan and the computation behind them, shared by its module (documentation, direct
use) and its action plugin (which computes the plan inside the controller's process)."""

from __future__ import annotations

import multiprocessing
import os
import socket

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.plan_table import render
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import build_plan

PLAN_ARGUMENT_SPEC = dict(
    groups=dict(type="dict", required=True),
    hosts=dict(type="dict", default={}),
    cluster=dict(type="dict", required=True),
    # raw, not list: an openedx_instances that is not a list is the plan's to report, naming the variable.
    instances=dict(type="raw", default=[]),
    inventory_dir=dict(type="path"),
    resolve_names=dict(type="bool", default=True),
)


def resolve(name):
    """The first address ``name`` resolves to with the controller's resolver, or None."""
    try:
        return socket.getaddrinfo(name, None)[0][4][0]
    except (socket.gaierror, UnicodeError, IndexError):
        return None


def run_id():
    """What identifies this ansible-playbook run: the process id and start time of its main process (the
    parent of the worker processes that run tasks and template their conditions). A plan carries the id of
    the run that computed it, so a plan from anywhere else (an inventory variable, a cache) is recomputed."""
    pid = os.getpid() if multiprocessing.parent_process() is None else os.getppid()
    try:
        with open("/proc/%d/stat" % pid) as handle:
            started = handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        started = "?"
    return "%d-%s" % (pid, started)


def plan_and_table(params):
    """The plan and its text table for validated cluster_plan options; raises topology.PlanError."""
    plan = build_plan(params["groups"], params["hosts"], params["cluster"], params["instances"],
                      resolve=resolve if params["resolve_names"] else None, inventory_dir=params["inventory_dir"])
    return plan, render(plan)

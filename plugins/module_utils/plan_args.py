# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options of cluster_plan, shared by its module (documentation, direct use) and its action plugin
(which computes the plan inside the controller's process), and the resolver both use."""

from __future__ import annotations

import socket

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

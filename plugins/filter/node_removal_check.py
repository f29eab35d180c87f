# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.node_changes import (
    capacity_summary, groups_without, new_nodes, node_ready, removal_check)


def node_removal_check(node, groups, confirm=None, nodes=None):
    return removal_check(node, groups, confirm, ready=None if nodes is None else node_ready(nodes))


def ready_node_names(nodes):
    return sorted(name for name, ready in node_ready(nodes).items() if ready)


class FilterModule(object):
    def filters(self):
        return {
            "node_removal_check": node_removal_check,
            "groups_without": groups_without,
            "new_nodes": new_nodes,
            "capacity_summary": capacity_summary,
            "ready_node_names": ready_node_names,
        }

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: node_removal_check
short_description: Whether Kubernetes nodes may be removed (confirmation, groups, last control plane, etcd quorum)
version_added: "0.3.0"
description:
  - Used by playbooks/remove_node.yml before anything is touched. O(_input) is the C(node) extra variable, one
    inventory name, or several separated by commas, removed one after the other.
  - Refuses when O(confirm) does not repeat O(_input) exactly, when a node is not in the inventory or not in
    C(etcd), C(control_plane) or C(workers), when no control-plane node would remain, and for etcd members when
    none would remain, when an even number would remain, or when a removal would lose quorum (healthy members
    other than the one removed fewer than a majority of the current membership; health from O(ready)).
  - The same file provides C(groups_without) (the groups without some hosts), C(new_nodes) (the Kubernetes
    hosts of the inventory not yet registered as Nodes, in join order) and C(capacity_summary) (one line of a
    plan's capacity report).
options:
  _input:
    description: The node or nodes to remove (comma-separated).
    type: str
    required: true
  groups:
    description: The inventory's groups (the C(groups) magic variable).
    type: dict
    required: true
  confirm:
    description: The confirmation variable, C(remove_node_confirm).
    type: str
  nodes:
    description:
      - The cluster's Node objects (as C(kubernetes.core.k8s_info) returns them); a member counts as healthy when
        its Node's Ready condition is True. Omitted, every member counts as healthy.
    type: list
    elements: dict
"""

EXAMPLES = r"""
- name: Refuse what may not be removed
  ansible.builtin.assert:
    that: check.problems | length == 0
    fail_msg: "{{ check.problems | join('; ') }}"
  vars:
    check: "{{ node | openedx_ops.baremetal.node_removal_check(groups, remove_node_confirm | default(none)) }}"

- name: The plan's groups without the removed node
  ansible.builtin.debug:
    msg: "{{ groups | openedx_ops.baremetal.groups_without('worker3') }}"
"""

RETURN = r"""
_value:
  description: The decision.
  type: dict
  contains:
    nodes:
      description: The node names, in removal order.
      type: list
      elements: str
    problems:
      description: Every reason to refuse, each naming the node and group; empty when the removal is allowed.
      type: list
      elements: str
    etcd_after:
      description: The etcd members that remain.
      type: list
      elements: str
    control_plane_after:
      description: The control-plane nodes that remain.
      type: list
      elements: str
    groups_after:
      description: The groups without the removed nodes.
      type: dict
"""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.node_changes import (
    capacity_summary, groups_without, new_nodes, node_ready, removal_check)


def node_removal_check(node, groups, confirm=None, nodes=None):
    return removal_check(node, groups, confirm, ready=None if nodes is None else node_ready(nodes))


class FilterModule(object):
    def filters(self):
        return {
            "node_removal_check": node_removal_check,
            "groups_without": groups_without,
            "new_nodes": new_nodes,
            "capacity_summary": capacity_summary,
        }

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: plan_inputs
short_description: Pick the host variables the cluster plan reads
version_added: "0.1.0"
description:
  - From C(hostvars), keep for each host only the variables that
    M(openedx_ops.baremetal.cluster_plan) reads, so the plan's input stays small on large inventories.
options:
  _input:
    description: The C(hostvars) magic variable.
    type: dict
    required: true
  hosts:
    description: The hosts to pick, usually C(groups['all']).
    type: list
    elements: str
    required: true
"""

EXAMPLES = r"""
- name: Host inputs of the plan
  ansible.builtin.set_fact:
    plan_hosts: "{{ hostvars | openedx_ops.baremetal.plan_inputs(groups['all']) }}"
"""

RETURN = r"""
_value:
  description: Host name to a dict of the picked variables that are set.
  type: dict
"""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import CLUSTER_DEFAULTS, HOST_VARS


def plan_inputs(hostvars, hosts):
    picked = {}
    for host in hosts:
        values = hostvars[host]
        picked[host] = dict((key, values[key]) for key in HOST_VARS if key in values and values[key] is not None)
    return picked


def cluster_inputs(variables):
    """The cluster variables of the inventory contract that are set in ``variables``."""
    return dict((key, variables[key]) for key in CLUSTER_DEFAULTS if key in variables and variables[key] is not None)


class FilterModule(object):
    def filters(self):
        return {"plan_inputs": plan_inputs, "cluster_inputs": cluster_inputs}

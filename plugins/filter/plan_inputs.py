# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.plan_args import run_id
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import (
    CLUSTER_DEFAULTS, HOST_VARS, OPAQUE_CLUSTER_VARS, SECRET_CLUSTER_VARS, secret_shape)


def plan_inputs(hostvars, hosts):
    picked = {}
    for host in hosts:
        values = hostvars[host]
        picked[host] = dict((key, values[key]) for key in HOST_VARS if key in values and values[key] is not None)
    return picked


def cluster_inputs(variables):
    """The cluster variables of the inventory contract that are set in ``variables``; secrets only as
    their shapes (type, length, blank, example), never their values."""
    picked = dict((key, variables[key]) for key in CLUSTER_DEFAULTS if key in variables and variables[key] is not None)
    for key in SECRET_CLUSTER_VARS + OPAQUE_CLUSTER_VARS:
        if key in picked:
            picked[key] = secret_shape(picked[key])
    return picked


def instance_inputs(instances):
    """``openedx_instances`` with each instance's ``secrets`` reduced to their shapes."""
    if not isinstance(instances, list):
        return instances
    result = []
    for item in instances:
        if isinstance(item, dict) and "secrets" in item:
            item = dict(item)
            if isinstance(item["secrets"], dict):
                item["secrets"] = dict((key, secret_shape(value)) for key, value in item["secrets"].items())
            elif item["secrets"] is not None:
                # Not a mapping: the plan reports it; its value must not reach the invocation either.
                item["secrets"] = secret_shape(item["secrets"])
        result.append(item)
    return result


def plan_run_id(plan):
    """Whether ``plan`` was computed by cluster_plan in this ansible-playbook run (its run_id is this run's)."""
    return isinstance(plan, dict) and plan.get("run_id") == run_id()


class FilterModule(object):
    def filters(self):
        return {"plan_inputs": plan_inputs, "cluster_inputs": cluster_inputs, "instance_inputs": instance_inputs,
                "plan_of_this_run": plan_run_id}

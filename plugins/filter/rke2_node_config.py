# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: rke2_node_config
short_description: The RKE2 config.yaml of one node, from the cluster plan
version_added: "0.1.0"
description:
  - Builds C(/etc/rancher/rke2/config.yaml) for a host from the plan of M(openedx_ops.baremetal.cluster_plan)
    - etcd-only servers (API server, controller-manager and scheduler disabled, etcd taint),
    control-plane-only servers (etcd disabled, control-plane taint, joining an etcd server) and agents.
  - Every key is checked against RKE2's documented option names; an unknown key fails.
options:
  _input:
    description: The cluster plan.
    type: dict
    required: true
  host:
    description: The inventory name of the node.
    type: str
    required: true
  token:
    description: The cluster token (never printed; mark the task C(no_log)).
    type: str
    required: true
  extra:
    description: Additional documented RKE2 options, e.g. C(kubelet-arg).
    type: dict
    default: {}
  agent_token:
    description:
      - The agents' token (the cluster variable C(rke2_agent_token); never printed). Servers get it as
        C(agent-token), agents join with it as their C(token), so no agent holds the server token, which
        joins servers too. Empty or omitted, agents use O(token).
    type: str
"""

EXAMPLES = r"""
- name: Write the RKE2 configuration
  ansible.builtin.copy:
    content: "{{ openedx_ops_plan | openedx_ops.baremetal.rke2_node_config(inventory_hostname, rke2_token) | to_nice_yaml }}"
    dest: /etc/rancher/rke2/config.yaml
    mode: "0600"
  no_log: true
"""

RETURN = r"""
_value:
  description: Option name to value, sorted by name.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.rke2_config import ConfigError, node_config


def rke2_node_config(plan, host, token, extra=None, agent_token=None):
    try:
        return node_config(plan, host, token, extra, agent_token or None)
    except ConfigError as exc:
        raise AnsibleFilterError(str(exc))


def taint_string(taint):
    """A Node's spec.taints item as RKE2's node-taint string, key=value:Effect."""
    value = taint.get("value")
    return "%s%s:%s" % (taint["key"], "" if value in (None, "") else "=" + str(value), taint["effect"])


class FilterModule(object):
    def filters(self):
        return {"rke2_node_config": rke2_node_config, "taint_string": taint_string}

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

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

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: chart_unknown_keys
short_description: Value keys a Helm chart does not have
version_added: "0.1.0"
description:
  - Returns the dotted paths of O(_input) that the chart at that version does not read, from the key lists
    the collection keeps for the charts it deploys. An empty list means every key exists.
options:
  _input:
    description: The values given to the chart.
    type: dict
    required: true
  chart:
    description: Chart name.
    type: str
    required: true
  version:
    description: Chart version.
    type: str
    required: true
"""

EXAMPLES = r"""
- name: Refuse values the chart would silently ignore
  ansible.builtin.assert:
    that: values | openedx_ops.baremetal.chart_unknown_keys('nfs-subdir-external-provisioner', '4.0.18') == []
"""

RETURN = r"""
_value:
  description: Unknown dotted paths, for example C(storageClass.defaultClas).
  type: list
  elements: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.chart_keys import UnknownChart, unknown_value_keys


def chart_unknown_keys(values, chart, version):
    try:
        return unknown_value_keys(chart, version, values)
    except UnknownChart as exc:
        raise AnsibleFilterError(str(exc))


class FilterModule(object):
    def filters(self):
        return {"chart_unknown_keys": chart_unknown_keys}

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
  - >-
    Also returns, marked C(unescaped {{ in a value passed through tpl), the paths of strings that the chart (or
    one of its dependencies) passes through Helm's tpl and that hold a C({{) not escaped as C({{ "{{" }}), which
    Helm would read as Go templates.
  - >-
    Also returns, marked C(null below a subchart), the paths of nulls below one of the chart's dependencies, since
    Helm does not remove a subchart key that the parent chart sets when it is given as null.
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

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.chart_keys import (
    UnknownChart, null_subchart_values, unescaped_tpl_values, unknown_value_keys)


def chart_unknown_keys(values, chart, version):
    try:
        found = unknown_value_keys(chart, version, values)
    except UnknownChart as exc:
        raise AnsibleFilterError(str(exc))
    return found + ["%s (unescaped {{ in a value passed through tpl)" % path
                    for path in unescaped_tpl_values(chart, version, values)] + [
        "%s (null below a subchart: Helm does not remove a key the parent chart sets)" % path
        for path in null_subchart_values(chart, version, values)]


class FilterModule(object):
    def filters(self):
        return {"chart_unknown_keys": chart_unknown_keys}

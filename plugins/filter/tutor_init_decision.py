# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: tutor_init_decision
short_description: Whether an instance's Tutor init and upgrade jobs must run
version_added: "0.2.0"
description:
  - Compares what was initialised (the data of the instance's ConfigMap C(openedx-ops-release)) with the
    instance's Tutor release and plugin set.
  - C(init) is true on the first run, after a Tutor release change and after a plugin-set change (a new plugin
    may bring init tasks). C(upgrade_from) names the Open edX release for C(tutor k8s upgrade --from) when the
    major version grew. C(refuse) says why a downgrade (or an upgrade from a release older than Tutor 15) is
    refused.
options:
  _input:
    description: The recorded data (C(tutor_version), C(plugins)); an empty mapping when none was recorded.
    type: dict
    required: true
  tutor_version:
    description: The instance's Tutor release.
    type: str
    required: true
  plugins:
    description: The instance's plugins (C(name), C(pip)).
    type: list
    elements: dict
    required: true
"""

EXAMPLES = r"""
- name: Decide
  ansible.builtin.set_fact:
    decision: "{{ recorded_data | openedx_ops.baremetal.tutor_init_decision(instance.tutor_version, instance.plugins) }}"
"""

RETURN = r"""
_value:
  description: The decision.
  type: dict
  contains:
    init:
      description: Whether C(tutor k8s init) runs.
      type: bool
    upgrade_from:
      description: The release name for C(tutor k8s upgrade --from), or null.
      type: str
    refuse:
      description: Why nothing may be applied, or null.
      type: str
    reason:
      description: Why init runs or not.
      type: str
    plugins:
      description: The plugin set to record once init ran.
      type: str
"""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_release import init_decision, plugin_set


def tutor_init_decision(recorded, tutor_version, plugins):
    decision = init_decision(recorded or {}, tutor_version, plugins)
    decision["plugins"] = plugin_set(plugins)
    return decision


class FilterModule(object):
    def filters(self):
        return {"tutor_init_decision": tutor_init_decision}

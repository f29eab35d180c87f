# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: rke2_version_change
short_description: What may happen to a node's RKE2 release, from the output of C(rke2 --version)
version_added: "0.2.0"
description:
  - Reads the running release from the output of C(rke2 --version) by exact token (C(v1.35.4+rke2r1) never
    matches C(v1.35.4+rke2r10)) and decides what a run may do to reach O(target).
  - C(install) when nothing runs, C(none) for the same release, C(upgrade) inside playbooks/upgrade.yml for a
    newer patch, revision or the next minor, C(refuse) otherwise (a change outside upgrade.yml, a downgrade,
    a skipped minor or a major change), with a message that says why and what to run instead.
options:
  _input:
    description: The standard output of C(rke2 --version); empty when RKE2 is not installed.
    type: str
    required: true
  target:
    description: The release the plan asks for (C(rke2_version)).
    type: str
    required: true
  upgrading:
    description: Whether the caller is the rolling upgrade (playbooks/upgrade.yml).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Refuse a release change outside the upgrade playbook
  ansible.builtin.assert:
    that: change.action != 'refuse'
    fail_msg: "{{ change.message }}"
  vars:
    change: "{{ rke2_version_output.stdout | openedx_ops.baremetal.rke2_version_change('v1.35.4+rke2r1') }}"
"""

RETURN = r"""
_value:
  description: The decision.
  type: dict
  contains:
    installed:
      description: The running release, or null when none was found.
      type: str
    action:
      description: One of C(install), C(none), C(upgrade), C(refuse).
      type: str
    message:
      description: What happens, or why it is refused and what to run instead.
      type: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.rke2_versions import (
    VersionError, installed_release, version_change)


def rke2_version_change(version_output, target, upgrading=False):
    installed = installed_release(version_output)
    try:
        decision = version_change(installed, target, upgrading=bool(upgrading))
    except VersionError as exc:
        raise AnsibleFilterError("rke2_version_change: %s" % exc)
    decision["installed"] = installed
    return decision


class FilterModule(object):
    def filters(self):
        return {"rke2_version_change": rke2_version_change}

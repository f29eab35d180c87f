# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: rke2_kubeconfig
short_description: RKE2's admin kubeconfig, renamed for the cluster and pointed at its API endpoint
version_added: "0.2.0"
description:
  - RKE2 writes C(/etc/rancher/rke2/rke2.yaml) with a cluster, context and user all named C(default) and the
    server C(https://127.0.0.1:6443). This filter renames all three and C(current-context) to O(name) and sets
    the server to O(server), consistently, so the file works from the controller and merges with others.
  - Fails when the input does not have exactly one cluster, context and user, as RKE2 writes it.
options:
  _input:
    description: The kubeconfig as a mapping (for example C(slurp) content, C(b64decode), C(from_yaml)).
    type: dict
    required: true
  name:
    description: The name for the cluster, context and user (the cluster's name).
    type: str
    required: true
  server:
    description: The API endpoint, for example C(https://k8s.example.org:6443).
    type: str
    required: true
"""

EXAMPLES = r"""
- name: Write the kubeconfig on the controller
  ansible.builtin.copy:
    content: "{{ rke2_yaml | from_yaml | openedx_ops.baremetal.rke2_kubeconfig('prod', 'https://k8s.example.org:6443') | to_nice_yaml }}"
    dest: artifacts/prod.kubeconfig
    mode: "0600"
"""

RETURN = r"""
_value:
  description: The rewritten kubeconfig.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.kubeconfig import (
    KubeconfigError, rewrite_kubeconfig)


def rke2_kubeconfig(config, name, server):
    try:
        return rewrite_kubeconfig(config, name, server)
    except KubeconfigError as exc:
        raise AnsibleFilterError("rke2_kubeconfig: %s" % exc)


class FilterModule(object):
    def filters(self):
        return {"rke2_kubeconfig": rke2_kubeconfig}

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # How instance_backup and instance_restore reach an instance's databases (module_utils
    # instance_backup.DATABASE_ACCESS_SPEC is their argument spec).
    DOCUMENTATION = r"""
options:
  transport:
    description:
      - C(kubectl) runs the database tools in the instance's Deployments C(mysql) / C(mongodb) (C(kubectl exec -i));
        C(local) runs them on the host itself, for a database reachable from it (the tests use it).
    type: str
    choices: [kubectl, local]
    default: kubectl
  kubeconfig:
    description: Kubeconfig for C(kubectl).
    type: path
  namespace:
    description: Namespace of the instance's pods (default O(instance)).
    type: str
  client_options:
    description:
      - Per engine (C(mysql), C(mongodb)), connection options for the tools. mysql - option-file options such
        as C(socket) or C(host)/C(port) (they go into the private option file); mongodb - C(host), C(port).
      - Empty by default - the tools' defaults inside the pods.
    type: dict
    default: {}
"""

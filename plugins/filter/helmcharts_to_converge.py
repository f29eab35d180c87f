# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: helmcharts_to_converge
short_description: The RKE2 HelmCharts that need applying or waiting for
version_added: "0.2.0"
description:
  - Compares HelmChart definitions with one read of the cluster's HelmCharts and one of its Jobs in C(kube-system),
    and returns the names of those that are not converged, in the definitions' order.
  - A chart is converged when it exists, every field of its C(spec) that the definition sets has the definition's
    value, its labels and annotations include the definition's, and helm-controller's install Job
    C(helm-install-NAME) has completed. Fields the API server or others add are not compared.
  - The Job must be the current spec's - helm-controller replaces it after a spec change, and until then the previous
    Job, complete with the previous values, is still there. So a Job created before the chart's spec was last
    written (the newest C(metadata.managedFields) entry that owns spec fields) does not count, nor does any Job when
    the chart has no such entry.
  - A spec key, label or annotation that the last apply set (C(kubectl.kubernetes.io/last-applied-configuration))
    and the definition no longer has makes the chart pending too - applying removes it.
  - A failed or running Job, a missing chart or Job, and any difference make the chart's name part of the result.
options:
  _input:
    description: The HelmChart objects as this collection would apply them.
    type: list
    elements: dict
    required: true
  charts:
    description: The cluster's HelmCharts in C(kube-system) (C(resources) of a C(kubernetes.core.k8s_info) read).
    type: list
    elements: dict
    required: true
  jobs:
    description: The cluster's Jobs in C(kube-system).
    type: list
    elements: dict
    required: true
"""

EXAMPLES = r"""
- name: Note which charts a run must apply or wait for
  ansible.builtin.set_fact:
    pending: "{{ helmcharts | openedx_ops.baremetal.helmcharts_to_converge(charts.resources, jobs.resources) }}"
"""

RETURN = r"""
_value:
  description: Names of the charts that are not converged, in the order of the input.
  type: list
  elements: str
"""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.helmchart_state import charts_to_converge


def helmcharts_to_converge(definitions, charts, jobs):
    return charts_to_converge(definitions, charts, jobs)


class FilterModule(object):
    def filters(self):
        return {"helmcharts_to_converge": helmcharts_to_converge}

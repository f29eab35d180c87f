# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which RKE2 HelmCharts need applying or waiting for, from one read of the HelmCharts and one of the Jobs.

helm-controller keeps one install Job per chart, helm-install-NAME, and replaces it when the chart's spec changes.
A chart whose fields set by this collection match the cluster's, and whose Job has completed, is converged: a
no-op run need not apply it or read its Job again. Every other chart goes through the one-chart path (apply,
then wait for the Job of this generation)."""

from __future__ import annotations


def _by_name(objects):
    return {(obj.get("metadata") or {}).get("name"): obj for obj in objects or []}


def _subset_differs(wanted, actual):
    """True when a key of wanted has another value in actual (keys only actual has are the server's or others')."""
    actual = actual or {}
    return any(actual.get(key) != value for key, value in (wanted or {}).items())


def _job_complete(job):
    conditions = (job.get("status") or {}).get("conditions") or []
    return any(c.get("type") == "Complete" and c.get("status") == "True" for c in conditions)


def chart_converged(definition, chart, job):
    """Whether the cluster's chart (None when absent) holds the definition and its install Job completed."""
    if chart is None or job is None or not _job_complete(job):
        return False
    if _subset_differs(definition.get("spec"), chart.get("spec")):
        return False
    meta, actual = definition.get("metadata") or {}, chart.get("metadata") or {}
    return not any(_subset_differs(meta.get(key), actual.get(key)) for key in ("labels", "annotations"))


def charts_to_converge(definitions, charts, jobs):
    """Names of the definitions, in their order, that are not converged in the cluster."""
    charts, jobs = _by_name(charts), _by_name(jobs)
    return [d["metadata"]["name"] for d in definitions
            if not chart_converged(d, charts.get(d["metadata"]["name"]), jobs.get("helm-install-%s" % d["metadata"]["name"]))]

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which RKE2 HelmCharts need applying or waiting for, from one read of the HelmCharts and one of the Jobs.

helm-controller keeps one install Job per chart, helm-install-NAME, and replaces it when the chart's spec changes.
A chart whose fields set by this collection match the cluster's, and whose Job has completed, is converged: a
no-op run need not apply it or read its Job again. Every other chart goes through the one-chart path (apply,
then wait for the Job of this generation)."""

from __future__ import annotations

import datetime
import json

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


def _by_name(objects):
    return {(obj.get("metadata") or {}).get("name"): obj for obj in objects or []}


def _subset_differs(wanted, actual):
    """True when a key of wanted has another value in actual (keys only actual has are the server's or others')."""
    actual = actual or {}
    return any(actual.get(key) != value for key, value in (wanted or {}).items())


def _job_complete(job):
    conditions = (job.get("status") or {}).get("conditions") or []
    return any(c.get("type") == "Complete" and c.get("status") == "True" for c in conditions)


def _time(text):
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return None


def spec_written_at(chart):
    """When the chart's spec was last written: the newest managedFields entry that owns spec fields (a controller's
    metadata or status updates do not count). None when the API server keeps no such record."""
    times = [_time(entry.get("time")) for entry in (chart.get("metadata") or {}).get("managedFields") or []
             if "f:spec" in (entry.get("fieldsV1") or {})]
    times = [t for t in times if t is not None]
    return max(times) if times else None


def _dropped(definition, chart):
    """True when the last apply set a spec key or label that the definition no longer has (an apply removes it)."""
    try:
        last = json.loads(((chart.get("metadata") or {}).get("annotations") or {}).get(LAST_APPLIED) or "{}")
    except ValueError:
        return True
    if not isinstance(last, dict):
        return True
    if set((last.get("spec") or {})) - set(definition.get("spec") or {}):
        return True
    last_meta, meta = last.get("metadata") or {}, definition.get("metadata") or {}
    return any(set(last_meta.get(key) or {}) - set(meta.get(key) or {}) for key in ("labels", "annotations"))


def chart_converged(definition, chart, job):
    """Whether the cluster's chart (None when absent) holds the definition and the install Job of its current spec
    completed. helm-controller replaces the Job after a spec change; until then the previous Job, complete with the
    previous values, is still there: a Job created before the spec was last written does not count (nor does any
    Job when the API server does not say when the spec was written)."""
    if chart is None or job is None or not _job_complete(job):
        return False
    written, created = spec_written_at(chart), _time((job.get("metadata") or {}).get("creationTimestamp"))
    if written is None or created is None or created < written:
        return False
    if _subset_differs(definition.get("spec"), chart.get("spec")) or _dropped(definition, chart):
        return False
    meta, actual = definition.get("metadata") or {}, chart.get("metadata") or {}
    return not any(_subset_differs(meta.get(key), actual.get(key)) for key in ("labels", "annotations"))


def charts_to_converge(definitions, charts, jobs):
    """Names of the definitions, in their order, that are not converged in the cluster."""
    charts, jobs = _by_name(charts), _by_name(jobs)
    return [d["metadata"]["name"] for d in definitions
            if not chart_converged(d, charts.get(d["metadata"]["name"]), jobs.get("helm-install-%s" % d["metadata"]["name"]))]

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Validation rules of one normalised Open edX instance that concern what Tutor gets: settings the
collection owns, plugin requirements, search, uWSGI and Celery sizing against the pods' limits.

Pure functions. ``check_instance(where, inst, context)`` returns a list of ``(severity, message)``
with severity ``"error"`` or ``"warning"``; ``where`` names the instance in messages (``"instance
campus"``). ``inst`` is an instance as topology_instances normalises it (name, tutor_version,
plugins as ``{name, pip}``, config, resources per service with requests/limits, uwsgi_workers, ...).
``context`` is a mapping, every key optional:

- ``shared_search_deployed``: whether harmony's shared search cluster (OpenSearch) is deployed:
  ``harmony_values.opensearch.enabled`` when the inventory sets it (``harmony_search_override``
  reads it), else ``None``: the harmony role then deploys it exactly when an instance enables it.
"""

from __future__ import annotations

import re

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, format_memory, memory_bytes)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    CELERY_PROCESS_MEMORY, HARMONY_PLUGIN, OWNED_KEYS, SERVICE_NAMES, SHARED_SEARCH_SETTING, TUTOR_UWSGI_WORKERS,
    UWSGI_WORKER_MEMORY, WEB_SERVICES, WORKER_SERVICES, celery_concurrency)

# A pinned requirement: name==version (extras allowed), nothing after.
_PINNED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!_-]+")


def harmony_search_override(harmony_values):
    """``harmony_values.opensearch.enabled`` as a bool, or None when the inventory does not set it."""
    if not isinstance(harmony_values, dict):
        return None
    opensearch = harmony_values.get("opensearch")
    if not isinstance(opensearch, dict) or "enabled" not in opensearch:
        return None
    return bool(opensearch["enabled"])


def check_instance(where, inst, context=None):
    """Problems of ``inst`` as (severity, message); an empty list when there is none."""
    context = context or {}
    problems = []
    config = inst.get("config") if isinstance(inst.get("config"), dict) else {}
    owned = sorted(str(k) for k in config if k in OWNED_KEYS)
    for key in owned:
        problems.append(("error", "%s: config.%s is set by the collection itself (from the instance's name, hosts, "
                         "https, resources, autoscaling, uwsgi_workers or the cluster); remove it from config"
                         % (where, key)))
    problems += _plugin_problems(where, inst)
    problems += _search_problems(where, inst, config, context)
    problems += _sizing_problems(where, inst, config)
    return problems


def _plugin_problems(where, inst):
    problems = []
    for index, plugin in enumerate(inst.get("plugins") or []):
        pip = str(plugin.get("pip", "")).strip()
        if pip.startswith("-"):
            problems.append(("error", "%s: plugins[%d] pip '%s' starts with '-': a pip option, not a requirement "
                             "(it could point pip at another index or file); give a requirement like "
                             "'tutor-mfe==22.1.0'" % (where, index, pip)))
        elif not _PINNED.fullmatch(pip):
            problems.append(("warning", "%s: plugins[%d] pip '%s' is not pinned to one release (name==version): "
                             "the plugin may change under the instance on the next virtualenv build"
                             % (where, index, pip)))
    return problems


def _search_problems(where, inst, config, context):
    if not config.get(SHARED_SEARCH_SETTING):
        return []
    names = [p.get("name") for p in inst.get("plugins") or []]
    if HARMONY_PLUGIN not in names:
        return [("error", "%s: config.%s is true but the instance has no harmony plugin (%s), which is what "
                 "points Tutor at the shared search cluster" % (where, SHARED_SEARCH_SETTING, HARMONY_PLUGIN))]
    if context.get("shared_search_deployed") is False:
        return [("error", "%s: config.%s is true but harmony_values sets opensearch.enabled: false, so the shared "
                 "search cluster is not deployed and search would fail; drop the setting (the instance runs its "
                 "own search) or enable opensearch" % (where, SHARED_SEARCH_SETTING))]
    return []


def _budget(where, config, key, default, problems):
    try:
        value = memory_bytes(config.get(key, default))
    except QuantityError as exc:
        problems.append(("error", "%s: config.%s: %s" % (where, key, exc)))
        return None
    if value <= 0:
        problems.append(("error", "%s: config.%s must be a positive memory quantity" % (where, key)))
        return None
    return value


def _limit(inst, service):
    try:
        return memory_bytes(inst["resources"][service]["limits"]["memory"])
    except (KeyError, TypeError, QuantityError):
        return None  # topology_instances reports a bad quantity


def _sizing_problems(where, inst, config):
    problems = []
    per_worker = _budget(where, config, "OPENEDX_OPS_UWSGI_WORKER_MEMORY", UWSGI_WORKER_MEMORY, problems)
    per_process = _budget(where, config, "OPENEDX_OPS_CELERY_PROCESS_MEMORY", CELERY_PROCESS_MEMORY, problems)
    workers = inst.get("uwsgi_workers") or TUTOR_UWSGI_WORKERS
    if per_worker and isinstance(workers, int):
        for service in WEB_SERVICES:
            limit = _limit(inst, service)
            if limit is not None and workers * per_worker > limit:
                problems.append((
                    "error", "%s: %d uWSGI workers x %s each need %s, more than the %s pod's memory limit %s: the "
                    "pod would be OOM-killed under load. Lower uwsgi_workers to %d, or raise "
                    "resources.%s.limits.memory" % (
                        where, workers, format_memory(per_worker), format_memory(workers * per_worker), service,
                        inst["resources"][service]["limits"]["memory"], max(1, limit // per_worker), service)))
    given = config.get("OPENEDX_OPS_CELERY_CONCURRENCY")
    if given is not None:
        if not isinstance(given, dict) or any(k not in [SERVICE_NAMES[s] for s in WORKER_SERVICES] for k in given):
            problems.append(("error", "%s: config.OPENEDX_OPS_CELERY_CONCURRENCY must map lms-worker and/or "
                             "cms-worker to a number of processes, got %r" % (where, given)))
            return problems
        for name, value in given.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                problems.append(("error", "%s: config.OPENEDX_OPS_CELERY_CONCURRENCY.%s must be a positive "
                                 "integer, got %r" % (where, name, value)))
                return problems
    try:
        concurrency = celery_concurrency(inst) if per_process else None
    except (KeyError, TypeError, QuantityError):
        concurrency = None  # topology_instances reports a bad quantity
    if concurrency:
        for service in WORKER_SERVICES:
            name = SERVICE_NAMES[service]
            limit = _limit(inst, service)
            # One budget for Celery's parent process, one per child.
            need = (concurrency[name] + 1) * per_process
            if limit is not None and need > limit:
                problems.append((
                    "error", "%s: Celery concurrency %d of %s (+1 parent) x %s each need %s, more than its memory "
                    "limit %s; lower config.OPENEDX_OPS_CELERY_CONCURRENCY.%s or raise resources.%s.limits.memory"
                    % (where, concurrency[name], name, format_memory(per_process), format_memory(need),
                       inst["resources"][service]["limits"]["memory"], name, service)))
    return problems

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Will the Open edX instances fit on the workers?

The model (documented for operators in the cluster_plan module):

* Allocatable per worker = declared size - ``node_reserved`` (OS, kubelet,
  containerd, CNI and the per-node DaemonSets such as the log shipper).
* Cluster allocatable = sum over workers - ``addons_reserved`` (ingress,
  cert-manager, monitoring, search: the harmony add-ons, whose pods run on the
  workers because the servers are tainted).
* Demand = sum over present instances and their four services
  (lms, cms, lms_worker, cms_worker) of request x replicas, at ``min_replicas``
  and at ``max_replicas``. The scheduler places pods by requests, so requests,
  not limits, decide whether they fit.
* Aggregate sums ignore fragmentation, so each single pod must also fit on the
  largest worker's allocatable.
* Not fitting at min is an error (pods would stay Pending on day one); not
  fitting at max is a warning (the autoscaler would stop short).
"""

from __future__ import annotations

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    cpu_millicores, format_cpu, format_memory, memory_bytes)

SERVICES = ("lms", "cms", "lms_worker", "cms_worker")


def _demand(instances, key):
    cpu = mem = pods = 0
    largest = (0, 0, None)
    for inst in instances:
        for service in SERVICES:
            res = inst["resources"][service]
            replicas = inst["autoscaling"][service][key]
            m = res.get("_millicores") or cpu_millicores(res["requests"]["cpu"])
            b = res.get("_bytes") or memory_bytes(res["requests"]["memory"])
            cpu += m * replicas
            mem += b * replicas
            pods += replicas
            if m > largest[0] or b > largest[1]:
                largest = (max(m, largest[0]), max(b, largest[1]), "%s/%s" % (inst["name"], service))
    return cpu, mem, pods, largest


def _level(name, cpu_total, mem_total, cpu_need, mem_need, pods):
    cpu_left, mem_left = cpu_total - cpu_need, mem_total - mem_need
    ratio_cpu = cpu_need / float(cpu_total) if cpu_total > 0 else float("inf")
    ratio_mem = mem_need / float(mem_total) if mem_total > 0 else float("inf")
    return {
        "replicas": name,
        "pods": pods,
        "cpu_requested": format_cpu(cpu_need),
        "memory_requested": format_memory(mem_need),
        "cpu_headroom": format_cpu(cpu_left) if cpu_left >= 0 else "-" + format_cpu(-cpu_left),
        "memory_headroom": format_memory(mem_left) if mem_left >= 0 else "-" + format_memory(-mem_left),
        "cpu_used_percent": round(100 * ratio_cpu, 1),
        "memory_used_percent": round(100 * ratio_mem, 1),
        "fits": cpu_left >= 0 and mem_left >= 0,
        "first_exhausted": "cpu" if ratio_cpu >= ratio_mem else "memory",
        "_cpu_left": cpu_left,
        "_mem_left": mem_left,
    }


def plan_capacity(worker_sizes, instances, node_reserved, addons_reserved):
    """Capacity report for ``worker_sizes`` [(host, millicores, bytes)] and present ``instances``.

    Returns a dict with the allocatable totals, a report at min and at max
    replicas, and ``problems`` (severity error/warning, message).
    """
    node_cpu = cpu_millicores(node_reserved.get("cpu", 0) or "1m")
    node_mem = memory_bytes(node_reserved.get("memory", 0) or "1Mi")
    addon_cpu = cpu_millicores(addons_reserved.get("cpu", 0) or "1m")
    addon_mem = memory_bytes(addons_reserved.get("memory", 0) or "1Mi")
    per_worker = []
    for host, cpu, mem in worker_sizes:
        per_worker.append({"host": host, "cpu": max(cpu - node_cpu, 0), "memory": max(mem - node_mem, 0)})
    cpu_total = sum(w["cpu"] for w in per_worker) - addon_cpu
    mem_total = sum(w["memory"] for w in per_worker) - addon_mem
    biggest_cpu = max(w["cpu"] for w in per_worker)
    biggest_mem = max(w["memory"] for w in per_worker)
    problems = []
    levels = {}
    for key, label in (("min_replicas", "min"), ("max_replicas", "max")):
        cpu_need, mem_need, pods, largest = _demand(instances, key)
        level = _level(label, cpu_total, mem_total, cpu_need, mem_need, pods)
        levels[label] = level
        if not level["fits"]:
            short = []
            if level["_cpu_left"] < 0:
                short.append("cpu requests %s > allocatable %s" % (format_cpu(cpu_need), format_cpu(cpu_total)))
            if level["_mem_left"] < 0:
                short.append("memory requests %s > allocatable %s"
                             % (format_memory(mem_need), format_memory(mem_total)))
            message = ("the present instances do not fit the workers at %s_replicas (%d pods): %s; %s runs "
                       "out first. Add workers, lower requests or %s replicas"
                       % (label, pods, "; ".join(short), level["first_exhausted"], label))
            problems.append({"severity": "error" if label == "min" else "warning", "message": message})
    # Aggregates hide fragmentation: the biggest single pod must fit one worker.
    if largest[2] and (largest[0] > biggest_cpu or largest[1] > biggest_mem):
        problems.append({"severity": "error", "message":
                         "a %s pod requests %s CPU / %s memory, more than the largest worker's allocatable "
                         "%s / %s; it can never be scheduled"
                         % (largest[2], format_cpu(largest[0]), format_memory(largest[1]),
                            format_cpu(biggest_cpu), format_memory(biggest_mem))})
    for level in levels.values():
        level.pop("_cpu_left")
        level.pop("_mem_left")
    return {
        "workers": [{"host": w["host"], "cpu_allocatable": format_cpu(w["cpu"]),
                     "memory_allocatable": format_memory(w["memory"])} for w in per_worker],
        "node_reserved": {"cpu": format_cpu(node_cpu), "memory": format_memory(node_mem)},
        "addons_reserved": {"cpu": format_cpu(addon_cpu), "memory": format_memory(addon_mem)},
        "cpu_allocatable": format_cpu(max(cpu_total, 0)),
        "memory_allocatable": format_memory(max(mem_total, 0)),
        "at_min": levels["min"],
        "at_max": levels["max"],
        "problems": problems,
    }

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The cluster plan as text tables a person can check at a glance."""

from __future__ import annotations


def _table(headers, rows):
    rows = [[("" if cell is None else str(cell)) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    line = "  ".join("%-*s" % (w, h) for w, h in zip(widths, headers)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join("%-*s" % (w, c) for w, c in zip(widths, row)).rstrip())
    return out


def render(plan):
    """Lines of text: hosts by role, load-balancer ports, instances, capacity, warnings."""
    cluster = plan["cluster"]
    out = ["Cluster %s: API %s, RKE2 %s, apply to cluster: %s"
           % (cluster["cluster_name"], plan["api_endpoint"], cluster["rke2_version"],
              "yes" if cluster["cluster_apply"] else "no (render and validate only)"), ""]
    rows = []
    for name, host in plan["hosts"].items():
        role = host["rke2_role"] or "/".join(host["groups"])
        join = "" if host.get("join_index") is None else host["join_index"] + 1
        via = "bootstrap" if host.get("bootstrap") else (host.get("server_url") or "")
        rows.append([name, role, host["address"], join, via, ",".join(host["taints"]) or "-"])
    out += _table(["HOST", "ROLE", "ADDRESS", "JOIN", "REGISTERS VIA", "TAINTS"], rows)
    out.append("")
    lb = plan["loadbalancer"]
    rows = []
    for port, entry in lb["ports"].items():
        targets = ", ".join("%s:%s" % (b["name"], b["port"]) for b in entry["backends"])
        rows.append([port, entry["name"], targets])
    out.append("Load balancers %s, VIP %s" % (", ".join(lb["hosts"]), lb["vip"] or "none (single load balancer)"))
    out += _table(["PORT", "FRONTEND", "BACKENDS"], rows)
    out.append("")
    nfs = plan["nfs"]
    out.append("NFS: %s (%s) exports %s to %s, StorageClass %s (default)"
               % (nfs["server"], nfs["address"], nfs["export_path"], ", ".join(nfs["clients"]),
                  cluster["nfs_storage_class"]))
    out.append("")
    rows = []
    for inst in plan["instances"]:
        res = inst["resources"]["lms"]
        scale = inst["autoscaling"]
        rows.append([inst["name"], inst["state"], inst["tutor_version"], inst["lms_host"], inst["cms_host"],
                     ("%d-%d" % (scale["lms"]["min_replicas"], scale["lms"]["max_replicas"]))
                     if inst.get("autoscaled", True) else "%d (no HPA)" % scale["lms"]["min_replicas"],
                     "%s/%s" % (res["requests"]["cpu"], res["requests"]["memory"]),
                     "%s/%s" % (res["limits"]["cpu"], res["limits"]["memory"])])
    if rows:
        out += _table(["INSTANCE", "STATE", "TUTOR", "LMS", "CMS", "LMS PODS", "LMS REQUEST", "LMS LIMIT"], rows)
    else:
        out.append("No Open edX instances declared.")
    cap = plan.get("capacity")
    out.append("")
    if cap:
        out.append("Capacity: workers allocatable %s CPU / %s after node (%s/%s each) and add-on (%s/%s) reserves"
                   % (cap["cpu_allocatable"], cap["memory_allocatable"], cap["node_reserved"]["cpu"],
                      cap["node_reserved"]["memory"], cap["addons_reserved"]["cpu"],
                      cap["addons_reserved"]["memory"]))
        rows = []
        for level in (cap["at_min"], cap["at_max"]):
            rows.append([level["replicas"], level["pods"],
                         "%s (%s%%)" % (level["cpu_requested"], level["cpu_used_percent"]),
                         "%s (%s%%)" % (level["memory_requested"], level["memory_used_percent"]),
                         "%s / %s" % (level["cpu_headroom"], level["memory_headroom"]),
                         "yes" if level["fits"] else "NO", level["first_exhausted"]])
        out += _table(["REPLICAS", "PODS", "CPU REQUESTED", "MEMORY REQUESTED", "HEADROOM CPU / MEM", "FITS",
                       "RUNS OUT FIRST"], rows)
    else:
        out.append("Capacity: not planned (declare node_cpu and node_memory on every worker)")
    if plan["warnings"]:
        out.append("")
        out.append("Warnings:")
        out += ["  - %s" % w for w in plan["warnings"]]
    return out

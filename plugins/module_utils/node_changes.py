# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Adding and removing Kubernetes nodes: may these nodes leave the cluster, which nodes does a scale-out
add, and the capacity plan before and after.

Pure logic behind playbooks/remove_node.yml and playbooks/scale.yml; no Ansible, no I/O.

``removal_check(node, groups, confirm, ready=None)`` answers for ``node`` (one inventory name, or
several separated by commas, removed one after the other in that order) with a dict:

* ``nodes``: the names, in order;
* ``problems``: every reason to refuse, each naming the node and the group at fault (empty: allowed);
* ``etcd_before``/``etcd_after`` and ``control_plane_before``/``control_plane_after``: the members;
* ``groups_after``: the groups without the nodes (the plan the load balancers follow afterwards).

The rules:

* the confirmation must equal ``node`` exactly (the operator names what is removed);
* every node must be in the inventory, in ``etcd``, ``control_plane`` or ``workers``;
* at least one control-plane server (API server: a host of ``control_plane``) must remain;
* etcd: at least one member must remain, the number left must be odd (an even number tolerates no
  more failures than the odd number below it, and the inventory contract refuses it), and every
  removal must keep quorum. A member is removed by the remaining members, which need a majority of the
  current membership healthy: before each removal, healthy members (``ready``: node name to bool, from
  the Nodes' Ready condition; absent names count as healthy when ``ready`` is None, unhealthy
  otherwise) other than the ones being removed must be a majority of the current member count. A
  pair removed together (``a,b``: 5 -> 3) passes through an even count inside one run only.
"""

from __future__ import annotations

from collections import OrderedDict

K8S_GROUPS = ("etcd", "control_plane", "workers")


def split_nodes(node):
    """The node names of ``node`` (a string with commas, or a list), stripped, empty items dropped."""
    if node is None:
        return []
    items = node.split(",") if isinstance(node, str) else list(node)
    return [str(item).strip() for item in items if str(item).strip()]


def groups_without(groups, nodes):
    """``groups`` (name to host list) with ``nodes`` left out of every group, order kept."""
    gone = set(split_nodes(nodes))
    return OrderedDict((name, [h for h in (hosts or []) if h not in gone]) for name, hosts in (groups or {}).items())


def _majority(count):
    return count // 2 + 1


def removal_check(node, groups, confirm, ready=None):
    """Decide whether ``node`` may be removed; see the module's docstring."""
    groups = dict((g, list((groups or {}).get(g) or [])) for g in set(K8S_GROUPS) | set(groups or {}))
    nodes = split_nodes(node)
    problems = []
    if not nodes:
        problems.append("node is empty: name the inventory host to remove, -e node=<name>")
    if str(confirm if confirm is not None else "") != str(node if node is not None else "") or not nodes:
        problems.append("remove_node_confirm must repeat node exactly (%s) to confirm the removal; it is %s"
                        % ((node or "(empty)"), ("'%s'" % confirm) if confirm else "not set"))
    seen = []
    for name in nodes:
        if name in seen:
            problems.append("node %s is named twice" % name)
            continue
        seen.append(name)
        member = [g for g in K8S_GROUPS if name in groups[g]]
        if member:
            continue
        others = sorted(g for g, hosts in groups.items() if name in hosts and g in ("loadbalancers", "nfs_servers"))
        others = others or sorted(g for g, hosts in groups.items() if name in hosts and g not in ("all", "ungrouped"))
        if others:
            problems.append("node %s is in %s, not in etcd, control_plane or workers: it is not a Kubernetes node"
                            % (name, ", ".join(others)))
        else:
            problems.append("node %s is not in the inventory: remove_node reaches the host through the "
                            "inventory, so it must still be listed (in etcd, control_plane or workers)" % name)
    nodes = seen
    etcd_before = list(groups["etcd"])
    cp_before = list(groups["control_plane"])
    etcd_after = [h for h in etcd_before if h not in nodes]
    cp_after = [h for h in cp_before if h not in nodes]
    removed_cp = [h for h in nodes if h in cp_before]
    if removed_cp and not cp_after:
        problems.append("node %s is the last control-plane node (group control_plane: %s): a cluster needs an "
                        "API server; add another control-plane node first"
                        % (", ".join(removed_cp), ", ".join(cp_before)))
    removed_etcd = [h for h in nodes if h in etcd_before]
    if removed_etcd:
        problems += _etcd_problems(removed_etcd, etcd_before, etcd_after, ready)
    return {
        "nodes": nodes,
        "problems": problems,
        "etcd_before": etcd_before,
        "etcd_after": etcd_after,
        "control_plane_before": cp_before,
        "control_plane_after": cp_after,
        "groups_after": groups_without(groups, nodes),
    }


def _healthy(host, ready):
    return True if ready is None else bool(ready.get(host, False))


def _etcd_problems(removed, before, after, ready):
    label = ", ".join(removed)
    if not after:
        return ["node %s: removing it leaves no etcd member (group etcd: %s): the cluster's data would be lost"
                % (label, ", ".join(before))]
    problems = []
    if len(after) % 2 == 0:
        problems.append(
            "node %s: removing it leaves %d etcd members (%s), an even number: it tolerates no more failures than "
            "%d and the inventory contract refuses it. Remove two members in one run (node=a,b), or add one first"
            % (label, len(after), ", ".join(after), len(after) - 1))
    members = list(before)
    for host in removed:
        # The remaining members process the removal: a majority of the current membership must be healthy
        # among them, or etcd refuses (or, worse, the removed member was needed for quorum).
        healthy = [h for h in members if h != host and _healthy(h, ready)]
        if len(healthy) < _majority(len(members)):
            unhealthy = [h for h in members if h != host and not _healthy(h, ready)]
            problems.append(
                "node %s: etcd would lose quorum: of %d members, %d others are healthy (%s; not Ready: %s), "
                "fewer than the %d needed. Bring the others back first"
                % (host, len(members), len(healthy), ", ".join(healthy) or "none", ", ".join(unhealthy) or "none",
                   _majority(len(members))))
            break
        members.remove(host)
    return problems


def node_ready(nodes):
    """Node name to whether its Ready condition is True, from Node objects as the API returns them."""
    ready = {}
    for item in nodes or []:
        conditions = (item.get("status") or {}).get("conditions") or []
        ready[item["metadata"]["name"]] = any(c.get("type") == "Ready" and c.get("status") == "True"
                                              for c in conditions)
    return ready


def new_nodes(groups, registered):
    """The Kubernetes hosts of ``groups`` not among the ``registered`` Node names, in join order
    (etcd, control-plane-only, workers)."""
    groups = groups or {}
    registered = set(registered or [])
    order = []
    for group in K8S_GROUPS:
        for host in groups.get(group) or []:
            if host not in order:
                order.append(host)
    return [h for h in order if h not in registered]


def capacity_summary(capacity, workers):
    """One line of a plan's capacity report (``plan.capacity``), for before/after comparisons."""
    if not capacity:
        return "%d workers (%s); capacity not planned (node_cpu/node_memory not declared on every worker)" % (
            len(workers or []), ", ".join(workers or []) or "none")
    at_min, at_max = capacity["at_min"], capacity["at_max"]
    return ("%d workers (%s): allocatable %s CPU / %s; at min replicas %s%% CPU / %s%% memory used, "
            "at max %s%% / %s%%%s" % (
                len(workers or []), ", ".join(workers or []), capacity["cpu_allocatable"],
                capacity["memory_allocatable"], at_min["cpu_used_percent"], at_min["memory_used_percent"],
                at_max["cpu_used_percent"], at_max["memory_used_percent"],
                "" if at_max["fits"] else " (max replicas do NOT fit)"))

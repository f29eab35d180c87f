# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Inventory validation and the cluster plan, as plain Python.

The contract (groups, cluster variables, defaults, patterns) is in topology_contract, the checks of
groups and hosts in topology_hosts, those of the instances in topology_instances; this module runs them
and derives the plan.

``build_plan()`` takes what an inventory declares (groups, the host variables
that matter, the cluster variables and ``openedx_instances``) and returns the
normalised plan every later play reads: each host's RKE2 role, the bootstrap
server, the join order, registration addresses, TLS SANs, taints and labels,
load-balancer backends per port, NFS clients and the instances with their
defaults filled in. Every broken rule becomes one ``Problem`` naming what is at
fault; all of them are collected before ``PlanError`` is raised.
"""

from __future__ import annotations

import ipaddress
from collections import OrderedDict

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import capacity
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.manifests import kubernetes_version
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import QuantityError
# The contract is re-exported: callers import the plan and its contract from here.
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import (  # noqa: F401 pylint: disable=unused-import
    CLUSTER_DEFAULTS, CONTROL_PLANE_TAINT, DEFAULT_AUTOSCALING, DEFAULT_RESOURCES, DEFAULT_TUTOR_VERSION,
    ETCD_REGISTER_PORT, ETCD_TAINT, GROUPS, HOST_VARS, INSTANCE_KEYS, LABEL_KEY, OPAQUE_CLUSTER_VARS,
    ROLE_LABEL, SECRET_CLUSTER_VARS, SERVICES, SUPERVISOR_PORT, TAINT, Checker, PlanError, Problem,
    cluster_settings, check_cluster, format_errors, ip_or_none, is_fqdn, is_secret_shape, secret_shape)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_hosts import (
    check_api_fqdn, check_groups, check_vip, membership, plan_hosts, worker_capacity)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_instances import drop_parsed_quantities, plan_instances


def build_plan(groups, hostvars, cluster, instances, resolve=None, inventory_dir=None):
    """Validate an inventory and return its plan (a dict), or raise PlanError with every problem.

    ``inventory_dir`` gives render_dir its default, <inventory_dir>/rendered/<cluster_name>, and
    cluster_kubeconfig its default, <inventory_dir>/artifacts/<cluster_name>.kubeconfig.
    """
    c = Checker()
    groups = _groups(c, groups)
    hostvars = hostvars if isinstance(hostvars, dict) else {}
    s = cluster_settings(cluster or {})
    check_cluster(c, s)
    member_of = membership(groups)
    check_groups(c, groups, member_of)
    hosts, by_address = plan_hosts(c, member_of, hostvars, resolve)
    lbs = groups["loadbalancers"]
    vip = check_vip(c, s, lbs, by_address)
    check_api_fqdn(c, s["cluster_api_fqdn"], vip, hosts, lbs, resolve)
    normalised, plannable = plan_instances(c, instances, s)
    capacity_report = _plan_capacity(c, s, groups["workers"], hostvars, plannable)
    _check_nfs_clients(c, s, groups, hosts)
    if c.errors:
        raise PlanError(c.errors, c.warnings)

    front = s["cluster_api_fqdn"] or vip or hosts[lbs[0]]["address"]
    join = _join(groups, hosts, front)
    _default_paths(s, inventory_dir)
    public = dict((k, v) for k, v in s.items() if k not in SECRET_CLUSTER_VARS + OPAQUE_CLUSTER_VARS)
    example_secrets = [k for k in SECRET_CLUSTER_VARS if s[k]["example"]]
    for inst in normalised:
        example_secrets += ["instance %s secrets.%s" % (inst["name"], k) for k in inst["example_secret_keys"]]
        drop_parsed_quantities(inst)  # they were for the capacity plan only
    return OrderedDict([
        ("cluster", public),
        ("hosts", hosts),
        ("groups", groups),
        ("bootstrap_node", join["bootstrap"]),
        ("join_order", join["order"]),
        ("api_endpoint", "https://%s:6443" % url_host(front)),
        # Where control-plane-only servers register (the etcd servers' frontend on the load balancers);
        # etcd servers join the bootstrap server at etcd_registration_url.
        ("server_registration_url", join["server_url"]),
        ("etcd_registration_url", join["etcd_url"]),
        ("agent_registration_url", join["agent_url"]),
        ("tls_san", _tls_san(vip, s["cluster_api_fqdn"], [hosts[h]["address"] for h in lbs])),
        ("loadbalancer", OrderedDict([
            ("hosts", list(lbs)),
            ("vip", vip),
            ("priorities", OrderedDict((h, 150 - 10 * i) for i, h in enumerate(lbs))),
            ("ports", _lb_ports(s, groups, hosts, join["api_nodes"])),
        ])),
        ("nfs", OrderedDict([
            ("server", groups["nfs_servers"][0]),
            ("address", hosts[groups["nfs_servers"][0]]["address"]),
            ("export_path", s["nfs_export_path"]),
            ("clients", list(groups["workers"])),
            # The export goes to these addresses only (each inside nfs_allowed_networks).
            ("client_addresses", [hosts[h]["address"] for h in groups["workers"]]),
        ])),
        ("firewall", _firewall(s, groups, hosts)),
        ("render_dir", s["render_dir"]),
        ("kubeconfig", s["cluster_kubeconfig"]),
        ("kubernetes_version", kubernetes_version(s["rke2_version"])),
        ("instances", normalised),
        ("capacity", capacity_report),
        # Names (never values) of secrets that still hold the marked example values.
        ("example_secrets", example_secrets),
        ("warnings", [str(w) for w in c.warnings]),
    ])


def _groups(c, given):
    """The inventory's groups as lists of host names (anything else is a problem)."""
    given = given if isinstance(given, dict) else {}
    groups = {}
    for group in GROUPS:
        members = given.get(group) or []
        if not isinstance(members, (list, tuple)):
            c.error("group %s" % group, "must be a list of host names, got %r" % (members,))
            members = []
        groups[group] = []
        for host in members:
            if isinstance(host, str) and host:
                groups[group].append(host)
            else:
                c.error("group %s" % group, "%r is not a host name" % (host,))
    return groups


def _check_nfs_clients(c, s, groups, hosts):
    """Every worker mounts the export from its address: each must be inside nfs_allowed_networks."""
    try:
        networks = [ipaddress.ip_network(str(n)) for n in s["nfs_allowed_networks"] or []]
    except (ValueError, TypeError):
        return  # reported by check_cluster
    if not networks or c.errors:
        return
    for host in groups["workers"]:
        address = hosts[host]["address"]
        if address and ip_or_none(address) and not any(ip_or_none(address) in n for n in networks
                                                       if n.version == ip_or_none(address).version):
            c.error("nfs_allowed_networks", "worker %s (%s) is outside every network listed, so it could not "
                    "mount the volumes; add its network" % (host, address))


# Inbound rules of the nodes' host firewall, by RKE2 role: port, protocol, the peers (address sets of
# _firewall) allowed to connect, and why. From RKE2's inbound network rules (docs.rke2.io, install/
# requirements): etcd client, peer and metrics (2379-2381) between the servers, the Kubernetes API (6443)
# and the supervisor (9345) for every node and the load balancers, kubelet (10250), Canal's VXLAN (8472/udp)
# and health checks (9099) between the nodes, and the ingress NodePorts for the load balancers.
FIREWALL_RULES = (
    ("2379:2381", "tcp", "servers", "etcd client, peer and metrics", ("etcd", "server")),
    ("6443", "tcp", "nodes_and_loadbalancers", "Kubernetes API", ("control_plane", "server")),
    ("9345", "tcp", "nodes_and_loadbalancers", "RKE2 supervisor (registration)", ("etcd", "control_plane", "server")),
    ("10250", "tcp", "nodes", "kubelet", ("etcd", "control_plane", "server", "agent")),
    ("8472", "udp", "nodes", "Canal VXLAN", ("etcd", "control_plane", "server", "agent")),
    ("9099", "tcp", "nodes", "Canal health checks", ("etcd", "control_plane", "server", "agent")),
    ("http_nodeport", "tcp", "loadbalancers", "ingress HTTP NodePort", ("agent",)),
    ("https_nodeport", "tcp", "loadbalancers", "ingress HTTPS NodePort", ("agent",)),
)


def _firewall(s, groups, hosts):
    """The nodes' inbound firewall rules: address sets by name, and per RKE2 role the rules that use them
    (a rule per role, not per host, keeps the plan linear in the number of hosts)."""
    nodes = [h for h in hosts if hosts[h]["rke2_role"]]
    servers = [h for h in nodes if hosts[h]["rke2_role"] != "agent"]
    lbs = groups["loadbalancers"]
    peers = OrderedDict([
        ("nodes", [hosts[h]["address"] for h in nodes]),
        ("servers", [hosts[h]["address"] for h in servers]),
        ("loadbalancers", [hosts[h]["address"] for h in lbs]),
    ])
    peers["nodes_and_loadbalancers"] = peers["nodes"] + [a for a in peers["loadbalancers"] if a not in peers["nodes"]]
    ports = {"http_nodeport": str(s["ingress_http_nodeport"]), "https_nodeport": str(s["ingress_https_nodeport"])}
    roles = OrderedDict()
    for role in ("etcd", "control_plane", "server", "agent"):
        roles[role] = [OrderedDict([("port", ports.get(port, port)), ("proto", proto), ("from", peer),
                                    ("purpose", purpose)])
                       for port, proto, peer, purpose, for_roles in FIREWALL_RULES if role in for_roles]
    return OrderedDict([("peers", peers), ("rules", roles)])


def _plan_capacity(c, s, workers, hostvars, plannable):
    """The capacity plan of the valid, present instances on the workers' declared sizes (None when a
    worker has no declared size); its problems become errors or warnings."""
    sizes = worker_capacity(c, workers, hostvars) if workers else None
    if not sizes or not all(isinstance(s[k], dict) for k in ("capacity_node_reserved", "capacity_addons_reserved")):
        return None  # a reserve that is not a mapping is reported by check_cluster
    try:
        report = capacity.plan_capacity(sizes, plannable, s["capacity_node_reserved"], s["capacity_addons_reserved"])
    except QuantityError as exc:
        c.error("capacity_node_reserved/capacity_addons_reserved", str(exc))
        return None
    for problem in report.pop("problems"):
        (c.error if problem["severity"] == "error" else c.warn)("capacity", problem["message"])
    return report


def _join(groups, hosts, front):
    """Join order and registration URLs; sets join_index, bootstrap and server_url on each host entry.

    The first etcd host bootstraps; the other etcd servers join it, then the control-plane servers (never
    first: they have no datastore of their own), then the agents. Full servers (etcd + control_plane)
    count as etcd here. Registration (the server URL in each node's config.yaml):
    - etcd servers join the bootstrap server directly. Only their first start uses it: once their etcd
      member exists, RKE2 (k3s) starts from the local member and ignores an unreachable server URL.
    - control-plane-only servers have no datastore of their own and validate their server URL on every
      start, so it must not be one etcd server: they register through the load balancers' frontend
      ETCD_REGISTER_PORT, whose backends are the supervisor ports of all etcd servers (health-checked, so
      at the first bootstrap it forwards to the only etcd server up, later to any that is).
    - agents register through the frontend SUPERVISOR_PORT, whose backends are the API servers.
    """
    etcd_hosts = groups["etcd"]
    bootstrap = etcd_hosts[0]
    cp_only = [h for h in groups["control_plane"] if h not in etcd_hosts]
    order = list(etcd_hosts) + cp_only + list(groups["workers"])
    urls = {
        "etcd": "https://%s:%d" % (url_host(hosts[bootstrap]["address"]), SUPERVISOR_PORT),
        "control_plane": "https://%s:%d" % (url_host(front), ETCD_REGISTER_PORT),
        "agent": "https://%s:%d" % (url_host(front), SUPERVISOR_PORT),
    }
    urls["server"] = urls["etcd"]
    for position, host in enumerate(order):
        entry = hosts[host]
        entry["join_index"] = position
        entry["bootstrap"] = host == bootstrap
        entry["server_url"] = None if host == bootstrap else urls[entry["rke2_role"]]
    return {
        "bootstrap": bootstrap,
        "order": order,
        "api_nodes": [h for h in order if hosts[h]["rke2_role"] in ("server", "control_plane")],
        "etcd_url": urls["etcd"],
        "server_url": urls["control_plane"],
        "agent_url": urls["agent"],
    }


def _tls_san(vip, fqdn, lb_addresses):
    """The API certificate's extra names: the VIP, the API name and the load balancers' addresses."""
    tls_san = []
    for value in [vip, fqdn] + lb_addresses:
        if value and value not in tls_san:
            tls_san.append(value)
    return tls_san


def _lb_ports(s, groups, hosts, api_nodes):
    """The load balancers' frontends by port, each with its backends and the sources it accepts (None:
    anyone, the ingress): the API from the nodes and lb_api_allowed_networks, agents' registration from the
    nodes, control-plane servers' registration from the servers."""
    workers = groups["workers"]
    nodes = [hosts[h]["address"] for h in hosts if hosts[h]["rke2_role"]]
    servers = [hosts[h]["address"] for h in hosts if hosts[h]["rke2_role"] not in (None, "agent")]
    admin = [str(n) for n in s["lb_api_allowed_networks"] or []]
    return OrderedDict([
        ("6443", {"name": "kube_api", "backends": [backend(h, hosts, 6443) for h in api_nodes],
                  "sources": nodes + [n for n in admin if n not in nodes]}),
        (str(SUPERVISOR_PORT), {"name": "rke2_register",
                                "backends": [backend(h, hosts, SUPERVISOR_PORT) for h in api_nodes],
                                "sources": nodes}),
        (str(ETCD_REGISTER_PORT), {"name": "rke2_register_etcd",
                                   "backends": [backend(h, hosts, SUPERVISOR_PORT) for h in groups["etcd"]],
                                   "sources": servers}),
        ("80", {"name": "ingress_http",
                "backends": [backend(h, hosts, s["ingress_http_nodeport"]) for h in workers], "sources": None}),
        ("443", {"name": "ingress_https",
                 "backends": [backend(h, hosts, s["ingress_https_nodeport"]) for h in workers], "sources": None}),
    ])


def _default_paths(s, inventory_dir):
    """render_dir and cluster_kubeconfig default to the inventory's rendered/ and artifacts/."""
    base = (inventory_dir or ".").rstrip("/")
    if not s["render_dir"]:
        s["render_dir"] = "%s/rendered/%s" % (base, s["cluster_name"])
    if not s["cluster_kubeconfig"]:
        s["cluster_kubeconfig"] = "%s/artifacts/%s.kubeconfig" % (base, s["cluster_name"])


def url_host(address):
    ip = ip_or_none(address)
    return "[%s]" % address if ip is not None and ip.version == 6 else address


def backend(host, hosts, port):
    return {"name": host, "address": hosts[host]["address"], "port": port}

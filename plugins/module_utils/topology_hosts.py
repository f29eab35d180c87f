# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks of the groups and hosts of an inventory: group sizes and quorum, node names, addresses,
the API name, node labels and taints, and the workers' declared sizes for the capacity plan."""

from __future__ import annotations

import ipaddress
import re
from collections import OrderedDict

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, cpu_millicores, memory_bytes)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import (
    CONTROL_PLANE_TAINT, ETCD_TAINT, GROUPS, HOST_NAME, K8S_GROUPS, LABEL_KEY, LABEL_VALUE, RESERVED_DOMAINS,
    ROLE_LABEL, SUPERVISOR_PORT, TAINT, ip_or_none, is_dns1123_subdomain, is_fqdn)


def _node_name_hint(name):
    """A DNS-1123 subdomain close to ``name``, to suggest in an error (None when there is none)."""
    hint = re.sub(r"[^a-z0-9.-]+", "-", str(name).lower())
    hint = ".".join(label.strip("-")[:63].strip("-") for label in hint.split("."))
    hint = re.sub(r"\.{2,}", ".", hint).strip(".")[:253].strip(".-")
    return hint if is_dns1123_subdomain(hint) else None


def _is_reserved_name(name):
    name = name.lower().rstrip(".")
    return any(name == d or name.endswith("." + d) for d in RESERVED_DOMAINS)


def membership(groups):
    member_of = OrderedDict()
    for group in GROUPS:
        for host in groups.get(group) or []:
            if not isinstance(host, str):
                continue
            member_of.setdefault(host, [])
            if group not in member_of[host]:
                member_of[host].append(group)
    return member_of


def check_groups(c, groups, member_of):
    counts = dict((g, len(groups.get(g) or [])) for g in GROUPS)
    etcd = counts["etcd"]
    if etcd == 0:
        c.error("group etcd", "has no hosts; it needs an odd number of hosts (3 or 5 for production, 1 for a test)")
    elif etcd % 2 == 0:
        c.error("group etcd", "has %d hosts; etcd needs an odd number (3 or 5) to keep quorum" % etcd)
    elif etcd == 1:
        c.warn("group etcd", "has 1 host: losing it loses the cluster; use 3 or 5 for production")
    if counts["control_plane"] == 0:
        c.error("group control_plane", "has no hosts; at least 1 is required (2 or more for HA)")
    elif counts["control_plane"] == 1:
        c.warn("group control_plane", "has 1 host: the Kubernetes API is not highly available; use 2 or more")
    if counts["workers"] == 0:
        c.error("group workers", "has no hosts; at least 1 is required to run Open edX")
    if counts["loadbalancers"] == 0:
        c.error("group loadbalancers", "has no hosts; at least 1 is required (2 with cluster_api_vip for HA)")
    elif counts["loadbalancers"] == 1:
        c.warn("group loadbalancers", "has 1 host: it is a single point of failure; use 2 with cluster_api_vip")
    if counts["nfs_servers"] != 1:
        c.error("group nfs_servers", "has %d hosts; exactly 1 is required" % counts["nfs_servers"])
    for group in GROUPS:
        for host in groups.get(group) or []:
            if not isinstance(host, str):
                c.error("group %s" % group, "%r is not a host name" % (host,))
    for host, in_groups in member_of.items():
        k8s = [g for g in in_groups if g in K8S_GROUPS]
        if not k8s and not HOST_NAME.fullmatch(host):
            c.error("host %s" % host, "the inventory name '%s' is written into the %s configuration; use letters, "
                    "digits, '.', '_' and '-' only (starting and ending with a letter or digit)"
                    % (host, "keepalived and HAProxy" if "loadbalancers" in in_groups else "NFS server"))
        if k8s and not is_dns1123_subdomain(host):
            hint = _node_name_hint(host)
            c.error("host %s" % host, "the inventory name (inventory_hostname) '%s' becomes the RKE2 node-name, "
                    "and Kubernetes refuses a Node whose name is not a DNS-1123 subdomain (lower-case letters, "
                    "digits, '-' and '.'; labels of at most 63 characters that start and end with a letter or "
                    "digit; at most 253 in all); rename the host in the inventory%s"
                    % (host, ", e.g. to '%s'" % hint if hint and hint != host else ""))
        if "workers" in in_groups and ("etcd" in in_groups or "control_plane" in in_groups):
            c.error("host %s" % host, "is in workers and in %s; a worker must not be an RKE2 server"
                    % " and ".join(g for g in k8s if g != "workers"))
        if "loadbalancers" in in_groups and k8s:
            c.error("host %s" % host, "is in loadbalancers and in %s; a load balancer must not be a "
                    "Kubernetes node" % ", ".join(k8s))
        if "nfs_servers" in in_groups and k8s:
            c.error("host %s" % host, "is in nfs_servers and in %s; the NFS server must not be a "
                    "Kubernetes node" % ", ".join(k8s))
        if "nfs_servers" in in_groups and "loadbalancers" in in_groups:
            c.warn("host %s" % host, "serves NFS and load balancing; a busy load balancer slows storage")


def check_api_fqdn(c, fqdn, vip, hosts, lbs, resolve):
    """cluster_api_fqdn must resolve: agents register through it and the controller's kubeconfig names it.

    It is resolved with the controller's resolver (``resolve``; no check without one). Not resolving is an
    error, except below a domain reserved for documentation or testing (a placeholder, or a name that
    /etc/hosts provides once a lab is up), where it is a warning. Resolving to an address other than the
    VIP (or the single load balancer) is a warning: with split-horizon DNS or a NAT in front of the VIP the
    controller may rightly see another address than the nodes do, and the certificate covers the name.
    """
    if not fqdn or not is_fqdn(fqdn) or resolve is None:
        return
    expected = vip
    if expected is None and len(lbs) == 1 and lbs[0] in hosts:
        expected = hosts[lbs[0]]["address"]
    if vip:
        target = "the VIP %s" % expected
    else:
        target = "load balancer %s (%s)" % (lbs[0], expected) if expected else "the load balancer"
    resolved = resolve(str(fqdn))
    if resolved is None:
        message = ("'%s' does not resolve on the controller; agents register through https://%s:%d and the "
                   "controller reaches the API through https://%s:6443, so add a DNS record (or an /etc/hosts "
                   "entry on the controller and every node) pointing it at %s"
                   % (fqdn, fqdn, SUPERVISOR_PORT, fqdn, target))
        if _is_reserved_name(fqdn):
            c.warn("cluster_api_fqdn", message + " (it is below a domain reserved for examples and tests, so "
                   "this is only a warning)")
        else:
            c.error("cluster_api_fqdn", message)
        return
    if expected is not None and ip_or_none(resolved) is not None and str(ip_or_none(resolved)) != expected:
        c.warn("cluster_api_fqdn", "'%s' resolves to %s on the controller, not to %s; agents and the controller "
               "reach the API through this name, so unless a NAT or split-horizon DNS maps %s to %s, point "
               "the record at %s" % (fqdn, resolved, target, resolved, expected, expected))


def host_address(c, host, hv, resolve):
    """The address Ansible and the cluster use for a host, checked: an IPv4 address a host can have (the
    collection supports IPv4 only: keepalived's VIP, HAProxy's backends, the exports and firewall rules)."""
    where = "host %s" % host
    node_ip = hv.get("node_ip")
    ssh = hv.get("ansible_host") or host
    if node_ip is not None:
        if ip_or_none(node_ip) is None:
            c.error(where, "node_ip '%s' is not an IP address" % (node_ip,))
            return None
        return usable_address(c, where, "node_ip", ip_or_none(node_ip))
    if ip_or_none(ssh) is not None:
        return usable_address(c, where, "ansible_host" if hv.get("ansible_host") else "the inventory name",
                              ip_or_none(ssh))
    source = "ansible_host" if hv.get("ansible_host") else "the inventory name"
    resolved = resolve(str(ssh)) if resolve else None
    if resolved is None:
        c.error(where, "%s '%s' is not an IP address and does not resolve; set ansible_host or node_ip "
                "to the host's address" % (source, ssh))
        return None
    if ip_or_none(resolved) is None:
        return resolved
    return usable_address(c, where, "%s '%s' resolves to" % (source, ssh), ip_or_none(resolved))


def usable_address(c, where, source, ip):
    """``ip`` as text when a cluster host can use it, else None with the problem reported."""
    if ip.version != 4:
        c.error(where, "%s %s is an IPv6 address; the collection supports IPv4 only (keepalived's VIP, "
                "HAProxy's backends, the NFS exports and the firewall rules are IPv4)%s"
                % (source, ip, "" if where == "cluster_api_vip" else "; set node_ip to the host's IPv4 address"))
        return None
    if ip.is_unspecified or ip.is_loopback or ip.is_multicast or ip == ipaddress.IPv4Address("255.255.255.255"):
        c.error(where, "%s %s is not an address other hosts can reach" % (source, ip))
        return None
    return str(ip)


def node_list(c, host, hv, key, pattern, what):
    value = hv.get(key)
    if value is None:
        return []
    if isinstance(value, dict) and key == "node_labels":
        value = ["%s=%s" % (k, v) for k, v in value.items()]
    if not isinstance(value, list):
        c.error("host %s" % host, "%s must be a list, got %r" % (key, value))
        return []
    good = []
    for item in value:
        text = str(item)
        check = text.split("=", 1)[0] if key == "node_labels" else text
        value_ok = key != "node_labels" or "=" not in text or LABEL_VALUE.fullmatch(text.split("=", 1)[1])
        if not pattern.fullmatch(check) or not value_ok:
            c.error("host %s" % host, "%s entry '%s' is not a valid %s" % (key, text, what))
        else:
            good.append(text)
    return good


def worker_capacity(c, workers, hostvars):
    """Each worker's declared size, or None when any worker lacks one."""
    sizes = []
    missing = []
    for host in workers:
        hv = hostvars.get(host) if isinstance(hostvars.get(host), dict) else {}
        cpu, mem = hv.get("node_cpu"), hv.get("node_memory")
        if cpu is None or mem is None:
            missing.append(host)
            continue
        try:
            sizes.append((host, cpu_millicores(cpu), memory_bytes(mem)))
        except QuantityError as exc:
            c.error("host %s" % host, "node_cpu/node_memory: %s" % exc)
    if missing:
        c.warn("capacity", "no node_cpu/node_memory for worker%s %s; the capacity plan is skipped "
               "(declare them in the inventory: the plan runs before any host is reached)"
               % ("s" if len(missing) > 1 else "", ", ".join(missing)))
        return None
    return sizes


def plan_hosts(c, member_of, hostvars, resolve):
    """Each host's plan entry (groups, addresses, RKE2 role and service, labels, taints), with its
    address checked; returns the entries and the hosts by address."""
    hosts = OrderedDict()
    by_address = {}
    for host, in_groups in member_of.items():
        hv = hostvars.get(host) if isinstance(hostvars.get(host), dict) else {}
        address = host_address(c, host, hv, resolve)
        if address is not None:
            if address in by_address:
                c.error("host %s" % host, "address %s is also the address of host %s; every host needs its own"
                        % (address, by_address[address]))
            else:
                by_address[address] = host
        ssh = hv.get("ansible_host") or host
        if "node_ip" in hv and ip_or_none(ssh) is not None and hv.get("node_ip") != ssh and str(ip_or_none(ssh)) in by_address \
                and by_address[str(ip_or_none(ssh))] != host:
            c.error("host %s" % host, "ansible_host %s is the address of host %s" % (ssh, by_address[str(ip_or_none(ssh))]))
        is_etcd, is_cp = "etcd" in in_groups, "control_plane" in in_groups
        if is_etcd and is_cp:
            role, taints = "server", [CONTROL_PLANE_TAINT]
        elif is_etcd:
            role, taints = "etcd", [ETCD_TAINT]
        elif is_cp:
            role, taints = "control_plane", [CONTROL_PLANE_TAINT]
        elif "workers" in in_groups:
            role, taints = "agent", []
        else:
            role, taints = None, []
        labels = []
        if role:
            labels = ["%s=%s" % (ROLE_LABEL, role.replace("_", "-"))]
            labels += node_list(c, host, hv, "node_labels", LABEL_KEY, "label key=value")
            taints = taints + node_list(c, host, hv, "node_taints", TAINT, "taint key=value:Effect")
        hosts[host] = OrderedDict([
            ("groups", in_groups),
            ("address", address),
            ("ssh_address", str(ssh)),
            ("rke2_role", role),
            ("rke2_service", "rke2-agent" if role == "agent" else ("rke2-server" if role else None)),
            ("labels", labels),
            ("taints", taints),
        ])
    return hosts, by_address


def check_vip(c, s, lbs, by_address):
    """cluster_api_vip and its VRRP password; returns the VIP as text, or None."""
    vip = s["cluster_api_vip"]
    if vip is not None:
        if ip_or_none(vip) is None:
            c.error("cluster_api_vip", "'%s' is not an IP address" % (vip,))
            vip = None
        else:
            vip = usable_address(c, "cluster_api_vip", "the VIP", ip_or_none(vip))
            if vip in by_address:
                c.error("cluster_api_vip", "%s is the address of host %s; the VIP must be a free address"
                        % (vip, by_address[vip]))
    if len(lbs) >= 2 and s["cluster_api_vip"] is None:
        c.error("cluster_api_vip", "is required with %d load balancers (%s): the VIP keepalived moves "
                "between them" % (len(lbs), ", ".join(lbs)))
    if s["cluster_api_vip"] is not None:
        password = s["lb_vrrp_password"]
        if password["type"] == "none" or (password["type"] == "str" and password["length"] == 0):
            c.error("lb_vrrp_password", "is required with cluster_api_vip (keep it in a vault)")
        elif password["type"] != "str" or password["length"] > 8 or password["blank"]:
            c.error("lb_vrrp_password", "must be a non-blank string of at most 8 characters (VRRP PASS "
                    "authentication uses only the first 8)")
        elif password["charset"] != "plain":
            c.error("lb_vrrp_password", "may hold only letters, digits and . _ ~ @ % + = : , / - (it is written "
                    "unquoted into keepalived.conf, where braces, quotes, '#', '!' and spaces change its meaning)")
    return vip

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Inventory validation and the cluster plan, as plain Python.

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
import re
from collections import OrderedDict

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import capacity
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.manifests import kubernetes_version
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, cpu_millicores, memory_bytes)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    AUTOSCALING_PLUGIN, AUTOSCALING_PLUGIN_RELEASES, LESSON_SWITCHES, default_autoscaling_plugin)

GROUPS = ("etcd", "control_plane", "workers", "loadbalancers", "nfs_servers")
K8S_GROUPS = ("etcd", "control_plane", "workers")

# The cluster variables of the inventory contract and their defaults
# (None: required or unset). The roles' defaults carry the same values.
CLUSTER_DEFAULTS = OrderedDict([
    ("cluster_name", None),
    ("cluster_apply", True),
    ("render_dir", None),
    # The cluster layer's kubeconfig on the controller; default <inventory>/artifacts/<cluster_name>.kubeconfig,
    # where the rke2 role writes the one it fetches.
    ("cluster_kubeconfig", None),
    ("rke2_version", "v1.35.4+rke2r1"),
    ("rke2_token", None),
    ("rke2_artifact_dir", None),
    ("rke2_install", True),
    ("rke2_cis_profile", False),
    ("rke2_etcd_snapshot_schedule", "0 */6 * * *"),
    ("rke2_etcd_snapshot_retention", 28),
    ("cluster_api_vip", None),
    ("cluster_api_fqdn", None),
    ("lb_vrrp_interface", "eth0"),
    ("lb_vrrp_router_id", 51),
    ("lb_vrrp_password", None),
    ("lb_ingress_mode", "proxy_protocol"),
    ("ingress_http_nodeport", 30080),
    ("ingress_https_nodeport", 30443),
    ("nfs_export_path", "/srv/nfs/k8s"),
    ("nfs_allowed_networks", None),
    ("nfs_server_implementation", "kernel"),
    ("nfs_storage_class", "nfs-client"),
    ("harmony_chart_version", "0.11.0"),
    ("harmony_values", {}),
    ("letsencrypt_email", None),
    ("cluster_domain", None),
    ("capacity_node_reserved", {"cpu": "500m", "memory": "1Gi"}),
    ("capacity_addons_reserved", {"cpu": "2", "memory": "8Gi"}),
])
SECRET_CLUSTER_VARS = ("rke2_token", "lb_vrrp_password")
# Cluster variables that may hold passwords without being secrets themselves (chart values): like the
# secrets, the plan sees only their shape and the role that uses them reads the inventory's value.
OPAQUE_CLUSTER_VARS = ("harmony_values",)
# The marked example values of inventories/baremetal start with this.
EXAMPLE_SECRET_PREFIX = "EXAMPLE"

# The host variables the plan reads; everything else in hostvars is ignored.
HOST_VARS = ("ansible_host", "node_ip", "node_cpu", "node_memory", "node_labels", "node_taints")

SERVICES = ("lms", "cms", "lms_worker", "cms_worker")
DEFAULT_TUTOR_VERSION = "22.0.3"
DEFAULT_RESOURCES = {
    "requests": {"cpu": "200m", "memory": "1Gi"},
    "limits": {"cpu": "1", "memory": "2Gi"},
}
DEFAULT_AUTOSCALING = {
    "lms": {"min_replicas": 1, "max_replicas": 4, "target_cpu_utilization": 75},
    "cms": {"min_replicas": 1, "max_replicas": 2, "target_cpu_utilization": 75},
    "lms_worker": {"min_replicas": 1, "max_replicas": 2, "target_cpu_utilization": 75},
    "cms_worker": {"min_replicas": 1, "max_replicas": 2, "target_cpu_utilization": 75},
}
INSTANCE_KEYS = ("name", "state", "purge", "tutor_version", "lms_host", "cms_host", "https", "plugins",
                 "config", "secrets", "resources", "autoscaling", "expected_concurrent_users", "uwsgi_workers",
                 "lessons")

# Pod Security levels (Kubernetes Pod Security Standards) and the Tutor plugin's settings that label an
# instance's namespace with them (roles/openedx_instance/files/openedx_ops.py).
POD_SECURITY_LEVELS = ("privileged", "baseline", "restricted")
POD_SECURITY_SETTINGS = (("OPENEDX_OPS_POD_SECURITY", "baseline"), ("OPENEDX_OPS_POD_SECURITY_AUDIT", "restricted"))

ETCD_TAINT = "node-role.kubernetes.io/etcd=true:NoExecute"
CONTROL_PLANE_TAINT = "node-role.kubernetes.io/control-plane=true:NoSchedule"
# Kubelets may not set node-role.kubernetes.io/* labels on themselves
# (NodeRestriction), so roles are labelled under the collection's own prefix.
ROLE_LABEL = "openedx-ops.io/role"

# The registration (supervisor) port of RKE2 servers, and the load-balancer frontend that reaches the
# supervisor of every etcd server: control-plane-only servers register through it (see build_plan).
SUPERVISOR_PORT = 9345
ETCD_REGISTER_PORT = 9346

# Domains reserved for documentation and testing (RFC 2606, RFC 6761): a cluster_api_fqdn below them is a
# placeholder or a name set up locally (/etc/hosts), so not resolving is a warning, not an error.
RESERVED_DOMAINS = ("example", "invalid", "localhost", "test", "example.com", "example.net", "example.org")

RKE2_VERSION = re.compile(r"v1\.([0-9]+)\.([0-9]+)\+rke2r([0-9]+)")
# One label of a DNS-1123 subdomain (used with fullmatch, so nothing may trail it).
DNS_SUBDOMAIN_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", re.ASCII)
DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", re.ASCII)
FQDN_LABEL = re.compile(r"[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?", re.ASCII)
EMAIL = re.compile(r"[!-?A-~]+@[-a-zA-Z0-9.]+\.[a-zA-Z]{2,}", re.ASCII)
TAINT = re.compile(r"[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)", re.ASCII)
LABEL_KEY = re.compile(r"([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?", re.ASCII)
# A label value: empty, or up to 63 characters, alphanumeric at both ends.
LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?", re.ASCII)


class Problem(object):
    """One broken rule: where it is (``where``) and what is wrong and expected (``message``)."""

    def __init__(self, where, message):
        self.where = where
        self.message = message

    def __str__(self):
        return "%s: %s" % (self.where, self.message)

    def __repr__(self):
        return "Problem(%r, %r)" % (self.where, self.message)


class PlanError(Exception):
    def __init__(self, errors, warnings):
        self.errors = errors
        self.warnings = warnings
        super(PlanError, self).__init__(format_errors(errors))


def format_errors(errors):
    lines = ["The inventory has %d problem%s:" % (len(errors), "" if len(errors) == 1 else "s")]
    lines.extend("  - %s" % e for e in errors)
    return "\n".join(lines)


def is_fqdn(value):
    # No trailing dot: Kubernetes refuses one in Ingress hosts, and "a.b" and "a.b." would be two names.
    if not isinstance(value, str) or len(value) > 253 or "." not in value or value.endswith("."):
        return False
    labels = value.split(".")
    return all(FQDN_LABEL.fullmatch(label) for label in labels) and not labels[-1].isdigit()


def is_dns1123_subdomain(value):
    """Whether ``value`` is a DNS-1123 subdomain, as Kubernetes requires of a Node's name: lower-case
    ASCII letters, digits, '-' and '.', at most 253 characters, labels of at most 63 that start and end
    with a letter or digit."""
    if not isinstance(value, str) or not 0 < len(value) <= 253:
        return False
    return all(DNS_SUBDOMAIN_LABEL.fullmatch(label) for label in value.split("."))


def _node_name_hint(name):
    """A DNS-1123 subdomain close to ``name``, to suggest in an error (None when there is none)."""
    hint = re.sub(r"[^a-z0-9.-]+", "-", str(name).lower())
    hint = ".".join(label.strip("-")[:63].strip("-") for label in hint.split("."))
    hint = re.sub(r"\.{2,}", ".", hint).strip(".")[:253].strip(".-")
    return hint if is_dns1123_subdomain(hint) else None


def _is_reserved_name(name):
    name = name.lower().rstrip(".")
    return any(name == d or name.endswith("." + d) for d in RESERVED_DOMAINS)


def _ip(value):
    try:
        return ipaddress.ip_address(str(value))
    except ValueError:
        return None


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_bool(value):
    return isinstance(value, bool)


class _Checker(object):
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, message):
        self.errors.append(Problem(where, message))

    def warn(self, where, message):
        self.warnings.append(Problem(where, message))


def secret_shape(value):
    """What validation may know of a secret without holding it: its type, length and whether it
    is blank or a marked example value. The plan is computed from shapes, so it never holds a secret."""
    if is_secret_shape(value):
        return value
    shape = {"_secret_shape": True, "type": _type_name(value), "length": 0, "blank": True, "example": False}
    if shape["type"] in ("str", "int", "float"):
        text = str(value)
        shape.update(length=len(text), blank=not text.strip(),
                     example=text.upper().startswith(EXAMPLE_SECRET_PREFIX))
    return shape


def _type_name(value):
    """A plain type name (templated values are subclasses of the built-in types)."""
    for kind, name in ((type(None), "none"), (bool, "bool"), (str, "str"), (int, "int"), (float, "float"),
                       (dict, "mapping"), (list, "list")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def is_secret_shape(value):
    return isinstance(value, dict) and value.get("_secret_shape") is True


def cluster_settings(cluster):
    """The cluster variables with the contract's defaults filled in; secrets become shapes."""
    settings = OrderedDict()
    for key, default in CLUSTER_DEFAULTS.items():
        value = cluster.get(key)
        settings[key] = default if value is None else value
    for key in SECRET_CLUSTER_VARS + OPAQUE_CLUSTER_VARS:
        settings[key] = secret_shape(settings[key])
    return settings


def _check_cluster(c, s):
    name = s["cluster_name"]
    if name is None:
        c.error("cluster_name", "is required: a DNS-1123 label naming the cluster, e.g. 'openedx-prod'")
    elif not isinstance(name, str) or not DNS_LABEL.fullmatch(name):
        c.error("cluster_name", "'%s' is not a DNS-1123 label (lower-case letters, digits and '-', "
                "at most 63 characters, starting and ending with a letter or digit)" % (name,))
    for key in ("cluster_apply", "rke2_install", "rke2_cis_profile"):
        if not _is_bool(s[key]):
            c.error(key, "must be true or false, got %r" % (s[key],))
    if not isinstance(s["rke2_version"], str) or not RKE2_VERSION.fullmatch(s["rke2_version"]):
        c.error("rke2_version", "'%s' is not an RKE2 release like 'v1.33.5+rke2r1'" % (s["rke2_version"],))
    token = s["rke2_token"]
    if token["type"] == "none" or (token["type"] == "str" and token["length"] == 0):
        c.error("rke2_token", "is required: a shared secret of at least 32 characters (keep it in a vault)")
    elif token["type"] != "str":
        c.error("rke2_token", "must be a string, got a value of type %s" % token["type"])
    elif token["blank"]:
        c.error("rke2_token", "is only white space; use a random secret of at least 32 characters")
    elif token["length"] < 32:
        c.error("rke2_token", "is too short: at least 32 characters are required, got %d" % token["length"])
    for key in SECRET_CLUSTER_VARS:
        if s[key]["example"]:
            c.warn(key, "still holds the example value; put a random secret in an ansible-vault file before a "
                   "real run (playbooks that configure hosts refuse it)")
    retention = s["rke2_etcd_snapshot_retention"]
    if not _is_int(retention) or retention < 1:
        c.error("rke2_etcd_snapshot_retention", "must be a positive integer, got %r" % (retention,))
    schedule = s["rke2_etcd_snapshot_schedule"]
    if not isinstance(schedule, str) or len(schedule.split()) != 5:
        c.error("rke2_etcd_snapshot_schedule", "'%s' is not a five-field cron expression like '0 */6 * * *'"
                % (schedule,))
    if s["lb_ingress_mode"] not in ("proxy_protocol", "terminate_tls"):
        c.error("lb_ingress_mode", "'%s' is not one of: proxy_protocol, terminate_tls" % (s["lb_ingress_mode"],))
    if s["nfs_server_implementation"] not in ("kernel", "ganesha"):
        c.error("nfs_server_implementation", "'%s' is not one of: kernel, ganesha"
                % (s["nfs_server_implementation"],))
    ports = []
    for key in ("ingress_http_nodeport", "ingress_https_nodeport"):
        port = s[key]
        if not _is_int(port) or not 30000 <= port <= 32767:
            c.error(key, "%r is outside the NodePort range 30000-32767" % (port,))
        else:
            ports.append(port)
    if len(ports) == 2 and ports[0] == ports[1]:
        c.error("ingress_http_nodeport/ingress_https_nodeport", "both are %d; HTTP and HTTPS need different NodePorts"
                % ports[0])
    networks = s["nfs_allowed_networks"]
    if not networks:
        c.error("nfs_allowed_networks", "is required: a list of CIDRs allowed to mount the NFS export, "
                "e.g. ['10.0.0.0/24']")
    elif not isinstance(networks, list):
        c.error("nfs_allowed_networks", "must be a list of CIDRs, got %r" % (networks,))
    else:
        for index, net in enumerate(networks):
            try:
                ipaddress.ip_network(str(net), strict=True)
            except ValueError as exc:
                c.error("nfs_allowed_networks[%d]" % index, "'%s' is not a valid CIDR (%s)" % (net, exc))
    path = s["nfs_export_path"]
    if not isinstance(path, str) or not path.startswith("/") or path.rstrip("/") in ("", "/"):
        c.error("nfs_export_path", "'%s' must be an absolute path below / (not / itself)" % (path,))
    if not isinstance(s["nfs_storage_class"], str) or not DNS_LABEL.fullmatch(s["nfs_storage_class"]):
        c.error("nfs_storage_class", "'%s' is not a DNS-1123 name" % (s["nfs_storage_class"],))
    fqdn = s["cluster_api_fqdn"]
    if fqdn is not None and not is_fqdn(fqdn):
        c.error("cluster_api_fqdn", "'%s' is not a valid fully qualified domain name" % (fqdn,))
    email = s["letsencrypt_email"]
    if email is not None and not (isinstance(email, str) and EMAIL.fullmatch(email)):
        c.error("letsencrypt_email", "'%s' is not an e-mail address" % (email,))
    router = s["lb_vrrp_router_id"]
    if not _is_int(router) or not 1 <= router <= 255:
        c.error("lb_vrrp_router_id", "%r must be an integer from 1 to 255" % (router,))
    if s["harmony_values"]["type"] != "mapping":
        c.error("harmony_values", "must be a mapping deep-merged over the chart defaults")
    if not isinstance(s["harmony_chart_version"], str) or not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", s["harmony_chart_version"]):
        c.error("harmony_chart_version", "'%s' is not a chart version like '0.11.0'" % (s["harmony_chart_version"],))


def _membership(groups):
    member_of = OrderedDict()
    for group in GROUPS:
        for host in groups.get(group) or []:
            member_of.setdefault(host, [])
            if group not in member_of[host]:
                member_of[host].append(group)
    return member_of


def _check_groups(c, groups, member_of):
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
    for host, in_groups in member_of.items():
        k8s = [g for g in in_groups if g in K8S_GROUPS]
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


def _check_api_fqdn(c, fqdn, vip, hosts, lbs, resolve):
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
    if expected is not None and _ip(resolved) is not None and str(_ip(resolved)) != expected:
        c.warn("cluster_api_fqdn", "'%s' resolves to %s on the controller, not to %s; agents and the controller "
               "reach the API through this name, so unless a NAT or split-horizon DNS maps %s to %s, point "
               "the record at %s" % (fqdn, resolved, target, resolved, expected, expected))


def _host_address(c, host, hv, resolve):
    """The address Ansible and the cluster use for a host, checked."""
    where = "host %s" % host
    node_ip = hv.get("node_ip")
    ssh = hv.get("ansible_host") or host
    if node_ip is not None:
        if _ip(node_ip) is None:
            c.error(where, "node_ip '%s' is not an IP address" % (node_ip,))
            return None
        return str(_ip(node_ip))
    if _ip(ssh) is not None:
        return str(_ip(ssh))
    source = "ansible_host" if hv.get("ansible_host") else "the inventory name"
    resolved = resolve(str(ssh)) if resolve else None
    if resolved is None:
        c.error(where, "%s '%s' is not an IP address and does not resolve; set ansible_host or node_ip "
                "to the host's address" % (source, ssh))
        return None
    return resolved


def _node_list(c, host, hv, key, pattern, what):
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


def _instance_defaults():
    return {
        "state": "present",
        "purge": False,
        "tutor_version": DEFAULT_TUTOR_VERSION,
        "https": True,
        "plugins": [],
        "config": {},
        "secrets": {},
        "expected_concurrent_users": None,
        "uwsgi_workers": None,
    }


def _normalise_instance(c, index, item, s, seen_names, seen_hosts):
    where = "openedx_instances[%d]" % index
    if not isinstance(item, dict):
        c.error(where, "must be a mapping with at least name and lms_host, got %r" % (item,))
        return None
    name = item.get("name")
    if isinstance(name, str) and name:
        where = "instance %s" % name
    for key in item:
        if key not in INSTANCE_KEYS:
            c.error(where, "unknown key '%s'; known keys: %s" % (key, ", ".join(INSTANCE_KEYS)))
    inst = _instance_defaults()
    inst.update(dict((k, v) for k, v in item.items() if k in INSTANCE_KEYS and v is not None))
    if name is None:
        c.error(where, "name is required: a DNS-1123 label that becomes the namespace")
    elif not isinstance(name, str) or not DNS_LABEL.fullmatch(name):
        c.error(where, "name '%s' is not a DNS-1123 label (lower-case letters, digits and '-', "
                "at most 63 characters)" % (name,))
    elif name in seen_names:
        c.error(where, "name '%s' is used by %s too; instance names must be unique" % (name, seen_names[name]))
    else:
        seen_names[name] = "openedx_instances[%d]" % index
    if inst["state"] not in ("present", "absent"):
        c.error(where, "state '%s' is not one of: present, absent" % (inst["state"],))
    for key in ("https", "purge"):
        if not _is_bool(inst[key]):
            c.error(where, "%s must be true or false, got %r" % (key, inst[key]))
    if not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(inst["tutor_version"])):
        c.error(where, "tutor_version '%s' is not a release like '22.0.3'" % (inst["tutor_version"],))
    lms = inst.get("lms_host")
    if lms is None:
        c.error(where, "lms_host is required: the LMS's fully qualified domain name")
    elif not is_fqdn(lms):
        c.error(where, "lms_host '%s' is not a valid fully qualified domain name" % (lms,))
    if inst.get("cms_host") is None and isinstance(lms, str):
        inst["cms_host"] = "studio." + lms
    elif inst.get("cms_host") is not None and not is_fqdn(inst["cms_host"]):
        c.error(where, "cms_host '%s' is not a valid fully qualified domain name" % (inst["cms_host"],))
    for key in ("lms_host", "cms_host"):
        host = inst.get(key)
        if isinstance(host, str) and is_fqdn(host):
            owner = "%s %s" % (where, key)
            if host.lower() in seen_hosts:
                c.error(where, "%s '%s' is already used as %s; every host name must be unique"
                        % (key, host, seen_hosts[host.lower()]))
            else:
                seen_hosts[host.lower()] = owner
    if inst["https"] is True and inst["state"] == "present" and not s["letsencrypt_email"]:
        c.error(where, "https is true but letsencrypt_email is not set; cert-manager needs an ACME "
                "account e-mail (set letsencrypt_email, or https: false)")
    for key in ("config", "secrets"):
        if is_secret_shape(inst[key]):
            c.error(where, "%s must be a mapping of Tutor settings, got %s" % (key, inst[key]["type"]))
            inst[key] = {}
        elif not isinstance(inst[key], dict):
            c.error(where, "%s must be a mapping of Tutor settings, got %s" % (key, _type_name(inst[key])))
            inst[key] = {}
    _check_pod_security(c, where, inst, s)
    # The plan keeps the names of the instance's secrets, never their values: the role reads the
    # values from the inventory (vault) when it writes Tutor's config.yml.
    secret_keys, example_keys = [], []
    for key, value in sorted(inst.pop("secrets").items(), key=lambda kv: str(kv[0])):
        shape = secret_shape(value)
        if shape["type"] not in ("str", "int", "float") or shape["length"] == 0:
            c.error(where, "secrets.%s must be a non-empty string, got a value of type %s" % (key, shape["type"]))
        elif shape["example"]:
            example_keys.append(str(key))
        secret_keys.append(str(key))
        if key in inst["config"]:
            c.error(where, "%s is set in both config and secrets; keep it in secrets only" % (key,))
    inst["secret_keys"] = secret_keys
    inst["example_secret_keys"] = example_keys
    plugins = []
    if not isinstance(inst["plugins"], list):
        c.error(where, "plugins must be a list")
    else:
        for pindex, plugin in enumerate(inst["plugins"]):
            if isinstance(plugin, dict) and plugin.get("name") and plugin.get("pip"):
                plugins.append({"name": str(plugin["name"]), "pip": str(plugin["pip"])})
            else:
                c.error(where, "plugins[%d] must be a mapping with 'name' (the Tutor plugin) and 'pip' "
                        "(its pip requirement), got %r" % (pindex, plugin))
    # Every instance autoscales (the talk's operators run HPA as their standard): the pod-autoscaling
    # plugin is added for the instance's Tutor release unless the inventory lists it.
    if not any(p["name"] == AUTOSCALING_PLUGIN for p in plugins):
        default = default_autoscaling_plugin(inst["tutor_version"])
        if default is not None:
            plugins.append(default)
        elif item.get("autoscaling"):
            c.error(where, "autoscaling is declared, but tutor-contrib-pod-autoscaling has no release for Tutor %s "
                    "(releases exist for Tutor %s); list a plugin that provides it, or remove autoscaling"
                    % (inst["tutor_version"], ", ".join(str(m) for m in sorted(AUTOSCALING_PLUGIN_RELEASES))))
        else:
            c.warn(where, "tutor-contrib-pod-autoscaling has no release for Tutor %s: the instance gets no "
                   "HorizontalPodAutoscaler and runs min_replicas pods" % (inst["tutor_version"],))
    inst["autoscaled"] = any(p["name"] == AUTOSCALING_PLUGIN for p in plugins)
    inst["plugins"] = plugins
    workers = inst["uwsgi_workers"]
    if workers is not None and (not _is_int(workers) or workers < 1):
        c.error(where, "uwsgi_workers must be a positive integer, got %r" % (workers,))
    users = inst["expected_concurrent_users"]
    if users is not None and (not _is_int(users) or users < 0):
        c.error(where, "expected_concurrent_users must be a non-negative integer, got %r" % (users,))
    inst["resources"] = _normalise_resources(c, where, item.get("resources"))
    inst["autoscaling"] = _normalise_autoscaling(c, where, item.get("autoscaling"))
    lessons = item.get("lessons") or {}
    if not isinstance(lessons, dict):
        c.error(where, "lessons must be a mapping of switches")
        lessons = {}
    for switch, value in lessons.items():
        if switch not in LESSON_SWITCHES:
            c.error(where, "lessons has no switch '%s'; switches: %s" % (switch, ", ".join(sorted(LESSON_SWITCHES))))
        elif not _is_bool(value):
            c.error(where, "lessons.%s must be true or false, got %r" % (switch, value))
    inst["lessons"] = lessons
    return inst


def _check_pod_security(c, where, inst, s):
    """The Pod Security level of the instance's namespace (a label the Tutor plugin sets)."""
    for key, default in POD_SECURITY_SETTINGS:
        level = inst["config"].get(key, default)
        if level in ("", None, False):
            continue
        if level not in POD_SECURITY_LEVELS:
            c.error(where, "config.%s '%s' is not a Pod Security level; use one of %s, or '' for no label"
                    % (key, level, ", ".join(POD_SECURITY_LEVELS)))
    enforce = inst["config"].get("OPENEDX_OPS_POD_SECURITY", "baseline")
    if enforce == "restricted":
        c.warn(where, "config.OPENEDX_OPS_POD_SECURITY is restricted: Tutor's pods do not meet it (some run as "
               "root, none sets a seccomp profile or drops all capabilities), so Kubernetes rejects them unless "
               "plugins patch every one; baseline is the level they meet")
    elif enforce in ("", None, False) and s["rke2_cis_profile"] is True:
        c.warn(where, "config.OPENEDX_OPS_POD_SECURITY is empty, so the namespace has no Pod Security label and "
               "rke2_cis_profile's default, restricted, applies: Kubernetes rejects Tutor's pods (some run as "
               "root); leave it at baseline")


def _normalise_resources(c, where, given):
    given = given or {}
    if not isinstance(given, dict):
        c.error(where, "resources must be a mapping per service (%s)" % ", ".join(SERVICES))
        given = {}
    result = {}
    for key in given:
        if key not in SERVICES:
            c.error(where, "resources has unknown service '%s'; services: %s" % (key, ", ".join(SERVICES)))
    for service in SERVICES:
        svc = given.get(service) or {}
        entry = {}
        parsed = {}
        for part in ("requests", "limits"):
            values = dict(DEFAULT_RESOURCES[part])
            values.update((svc.get(part) or {}) if isinstance(svc, dict) else {})
            entry[part] = values
            for res, value in values.items():
                if res not in ("cpu", "memory"):
                    c.error(where, "resources.%s.%s has unknown resource '%s'; use cpu and memory"
                            % (service, part, res))
                    continue
                try:
                    parsed[(part, res)] = (cpu_millicores if res == "cpu" else memory_bytes)(value)
                except QuantityError as exc:
                    c.error(where, "resources.%s.%s.%s: %s" % (service, part, res, exc))
        for res in ("cpu", "memory"):
            req, lim = parsed.get(("requests", res)), parsed.get(("limits", res))
            if req is not None and lim is not None and req > lim:
                c.error(where, "resources.%s: the %s request %s exceeds its limit %s; a request must be "
                        "at most its limit" % (service, res, entry["requests"][res], entry["limits"][res]))
        entry["_millicores"] = parsed.get(("requests", "cpu"), 0)
        entry["_bytes"] = parsed.get(("requests", "memory"), 0)
        result[service] = entry
    return result


def _normalise_autoscaling(c, where, given):
    given = given or {}
    if not isinstance(given, dict):
        c.error(where, "autoscaling must be a mapping per service (%s)" % ", ".join(SERVICES))
        given = {}
    for key in given:
        if key not in SERVICES:
            c.error(where, "autoscaling has unknown service '%s'; services: %s" % (key, ", ".join(SERVICES)))
    result = {}
    for service in SERVICES:
        entry = dict(DEFAULT_AUTOSCALING[service])
        svc = given.get(service) or {}
        if isinstance(svc, dict):
            for key in svc:
                if key not in entry:
                    c.error(where, "autoscaling.%s has unknown key '%s'; keys: %s"
                            % (service, key, ", ".join(sorted(entry))))
            entry.update(dict((k, v) for k, v in svc.items() if k in entry))
        ok = True
        for key in ("min_replicas", "max_replicas"):
            if not _is_int(entry[key]) or entry[key] < 1:
                c.error(where, "autoscaling.%s.%s must be an integer of at least 1, got %r"
                        % (service, key, entry[key]))
                ok = False
        target = entry["target_cpu_utilization"]
        if not _is_int(target) or not 1 <= target <= 100:
            c.error(where, "autoscaling.%s.target_cpu_utilization must be a percentage from 1 to 100, got %r"
                    % (service, target))
        if ok and entry["min_replicas"] > entry["max_replicas"]:
            c.error(where, "autoscaling.%s: min_replicas %d is greater than max_replicas %d"
                    % (service, entry["min_replicas"], entry["max_replicas"]))
        result[service] = entry
    return result


def _worker_capacity(c, workers, hostvars):
    """Each worker's declared size, or None when any worker lacks one."""
    sizes = []
    missing = []
    for host in workers:
        hv = hostvars.get(host) or {}
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


def build_plan(groups, hostvars, cluster, instances, resolve=None, inventory_dir=None):
    """Validate an inventory and return its plan (a dict), or raise PlanError with every problem.

    ``inventory_dir`` gives render_dir its default, <inventory_dir>/rendered/<cluster_name>.
    """
    c = _Checker()
    groups = dict((g, list(groups.get(g) or [])) for g in GROUPS)
    hostvars = hostvars or {}
    s = cluster_settings(cluster or {})
    _check_cluster(c, s)
    member_of = _membership(groups)
    _check_groups(c, groups, member_of)

    hosts = OrderedDict()
    by_address = {}
    for host, in_groups in member_of.items():
        hv = hostvars.get(host) or {}
        address = _host_address(c, host, hv, resolve)
        if address is not None:
            if address in by_address:
                c.error("host %s" % host, "address %s is also the address of host %s; every host needs its own"
                        % (address, by_address[address]))
            else:
                by_address[address] = host
        ssh = hv.get("ansible_host") or host
        if "node_ip" in hv and _ip(ssh) is not None and hv.get("node_ip") != ssh and str(_ip(ssh)) in by_address \
                and by_address[str(_ip(ssh))] != host:
            c.error("host %s" % host, "ansible_host %s is the address of host %s" % (ssh, by_address[str(_ip(ssh))]))
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
            labels += _node_list(c, host, hv, "node_labels", LABEL_KEY, "label key=value")
            taints = taints + _node_list(c, host, hv, "node_taints", TAINT, "taint key=value:Effect")
        hosts[host] = OrderedDict([
            ("groups", in_groups),
            ("address", address),
            ("ssh_address", str(ssh)),
            ("rke2_role", role),
            ("rke2_service", "rke2-agent" if role == "agent" else ("rke2-server" if role else None)),
            ("labels", labels),
            ("taints", taints),
        ])

    vip = s["cluster_api_vip"]
    lbs = groups["loadbalancers"]
    if vip is not None:
        if _ip(vip) is None:
            c.error("cluster_api_vip", "'%s' is not an IP address" % (vip,))
            vip = None
        else:
            vip = str(_ip(vip))
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

    _check_api_fqdn(c, s["cluster_api_fqdn"], vip, hosts, lbs, resolve)

    seen_names, seen_hosts = {}, {}
    if s["cluster_api_fqdn"] and is_fqdn(s["cluster_api_fqdn"]):
        seen_hosts[s["cluster_api_fqdn"].lower()] = "cluster_api_fqdn"
    normalised = []
    if instances is None:
        instances = []
    if not isinstance(instances, list):
        c.error("openedx_instances", "must be a list of instances")
        instances = []
    plannable = []
    for index, item in enumerate(instances):
        errors_before = len(c.errors)
        inst = _normalise_instance(c, index, item, s, seen_names, seen_hosts)
        if inst is not None:
            normalised.append(inst)
            # Only instances whose own settings are valid are sized.
            if len(c.errors) == errors_before and inst["state"] == "present":
                plannable.append(inst)

    sizes = _worker_capacity(c, groups["workers"], hostvars) if groups["workers"] else None
    capacity_report = None
    if sizes:
        try:
            capacity_report = capacity.plan_capacity(
                sizes, plannable,
                s["capacity_node_reserved"], s["capacity_addons_reserved"])
        except QuantityError as exc:
            c.error("capacity_node_reserved/capacity_addons_reserved", str(exc))
        else:
            for problem in capacity_report.pop("problems"):
                (c.error if problem["severity"] == "error" else c.warn)("capacity", problem["message"])

    if c.errors:
        raise PlanError(c.errors, c.warnings)

    # Join order: the first etcd host bootstraps; the other etcd servers join it,
    # then the control-plane servers (never first: they have no datastore of their own),
    # then the agents. Full servers (etcd + control_plane) count as etcd here.
    etcd_hosts = groups["etcd"]
    bootstrap = etcd_hosts[0]
    cp_only = [h for h in groups["control_plane"] if h not in etcd_hosts]
    join_order = list(etcd_hosts) + cp_only + list(groups["workers"])
    api_nodes = [h for h in join_order if hosts[h]["rke2_role"] in ("server", "control_plane")]
    front = s["cluster_api_fqdn"] or vip or hosts[lbs[0]]["address"]
    # Registration (the server URL in each node's config.yaml):
    # - etcd servers join the bootstrap server directly. Only their first start uses it: once their etcd
    #   member exists, RKE2 (k3s) starts from the local member and ignores an unreachable server URL.
    # - control-plane-only servers have no datastore of their own and validate their server URL on every
    #   start, so it must not be one etcd server: they register through the load balancers' frontend
    #   ETCD_REGISTER_PORT, whose backends are the supervisor ports of all etcd servers (health-checked, so
    #   at the first bootstrap it forwards to the only etcd server up, later to any that is).
    # - agents register through the frontend SUPERVISOR_PORT, whose backends are the API servers.
    etcd_url = "https://%s:%d" % (_url_host(hosts[bootstrap]["address"]), SUPERVISOR_PORT)
    server_url = "https://%s:%d" % (_url_host(front), ETCD_REGISTER_PORT)
    agent_url = "https://%s:%d" % (_url_host(front), SUPERVISOR_PORT)
    tls_san = []
    for value in [vip, s["cluster_api_fqdn"]] + [hosts[h]["address"] for h in lbs]:
        if value and value not in tls_san:
            tls_san.append(value)
    for position, host in enumerate(join_order):
        entry = hosts[host]
        entry["join_index"] = position
        entry["bootstrap"] = host == bootstrap
        if host == bootstrap:
            entry["server_url"] = None
        elif entry["rke2_role"] == "agent":
            entry["server_url"] = agent_url
        elif entry["rke2_role"] == "control_plane":
            entry["server_url"] = server_url
        else:
            entry["server_url"] = etcd_url

    workers = groups["workers"]
    lb_backends = OrderedDict([
        ("6443", {"name": "kube_api", "backends": [_backend(h, hosts, 6443) for h in api_nodes]}),
        (str(SUPERVISOR_PORT), {"name": "rke2_register",
                                "backends": [_backend(h, hosts, SUPERVISOR_PORT) for h in api_nodes]}),
        (str(ETCD_REGISTER_PORT), {"name": "rke2_register_etcd",
                                   "backends": [_backend(h, hosts, SUPERVISOR_PORT) for h in etcd_hosts]}),
        ("80", {"name": "ingress_http",
                "backends": [_backend(h, hosts, s["ingress_http_nodeport"]) for h in workers]}),
        ("443", {"name": "ingress_https",
                 "backends": [_backend(h, hosts, s["ingress_https_nodeport"]) for h in workers]}),
    ])
    render_dir = s["render_dir"]
    if not render_dir:
        render_dir = "%s/rendered/%s" % ((inventory_dir or ".").rstrip("/"), s["cluster_name"])
    s["render_dir"] = render_dir
    if not s["cluster_kubeconfig"]:
        s["cluster_kubeconfig"] = "%s/artifacts/%s.kubeconfig" % ((inventory_dir or ".").rstrip("/"), s["cluster_name"])
    public = dict((k, v) for k, v in s.items() if k not in SECRET_CLUSTER_VARS + OPAQUE_CLUSTER_VARS)
    example_secrets = [k for k in SECRET_CLUSTER_VARS if s[k]["example"]]
    for inst in normalised:
        example_secrets += ["instance %s secrets.%s" % (inst["name"], k) for k in inst["example_secret_keys"]]
    for inst in normalised:
        for service in SERVICES:
            inst["resources"][service].pop("_millicores", None)
            inst["resources"][service].pop("_bytes", None)
    plan = OrderedDict([
        ("cluster", public),
        ("hosts", hosts),
        ("groups", groups),
        ("bootstrap_node", bootstrap),
        ("join_order", join_order),
        ("api_endpoint", "https://%s:6443" % _url_host(front)),
        # Where control-plane-only servers register (the etcd servers' frontend on the load balancers);
        # etcd servers join the bootstrap server at etcd_registration_url.
        ("server_registration_url", server_url),
        ("etcd_registration_url", etcd_url),
        ("agent_registration_url", agent_url),
        ("tls_san", tls_san),
        ("loadbalancer", OrderedDict([
            ("hosts", list(lbs)),
            ("vip", vip),
            ("priorities", OrderedDict((h, 150 - 10 * i) for i, h in enumerate(lbs))),
            ("ports", lb_backends),
        ])),
        ("nfs", OrderedDict([
            ("server", groups["nfs_servers"][0]),
            ("address", hosts[groups["nfs_servers"][0]]["address"]),
            ("export_path", s["nfs_export_path"]),
            ("clients", list(workers)),
        ])),
        ("render_dir", render_dir),
        ("kubeconfig", s["cluster_kubeconfig"]),
        ("kubernetes_version", kubernetes_version(s["rke2_version"])),
        ("instances", normalised),
        ("capacity", capacity_report),
        # Names (never values) of secrets that still hold the marked example values.
        ("example_secrets", example_secrets),
        ("warnings", [str(w) for w in c.warnings]),
    ])
    return plan


def _url_host(address):
    ip = _ip(address)
    return "[%s]" % address if ip is not None and ip.version == 6 else address


def _backend(host, hosts, port):
    return {"name": host, "address": hosts[host]["address"], "port": port}

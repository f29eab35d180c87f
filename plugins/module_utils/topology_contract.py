# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The inventory contract: its groups, cluster variables and defaults, the patterns values must match,
and the primitives every check uses (problems, secret shapes, names and addresses).

The checks themselves are in topology_hosts (groups and hosts), topology_instances (``openedx_instances``)
and ``check_cluster`` below (the cluster variables); topology.build_plan runs them all and builds the plan.
"""

from __future__ import annotations

import ipaddress
import re
from collections import OrderedDict

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


def ip_or_none(value):
    try:
        return ipaddress.ip_address(str(value))
    except ValueError:
        return None


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_bool(value):
    return isinstance(value, bool)


class Checker(object):
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
    shape = {"_secret_shape": True, "type": type_name(value), "length": 0, "blank": True, "example": False}
    if shape["type"] in ("str", "int", "float"):
        text = str(value)
        shape.update(length=len(text), blank=not text.strip(),
                     example=text.upper().startswith(EXAMPLE_SECRET_PREFIX))
    return shape


def type_name(value):
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


def check_cluster(c, s):
    name = s["cluster_name"]
    if name is None:
        c.error("cluster_name", "is required: a DNS-1123 label naming the cluster, e.g. 'openedx-prod'")
    elif not isinstance(name, str) or not DNS_LABEL.fullmatch(name):
        c.error("cluster_name", "'%s' is not a DNS-1123 label (lower-case letters, digits and '-', "
                "at most 63 characters, starting and ending with a letter or digit)" % (name,))
    for key in ("cluster_apply", "rke2_install", "rke2_cis_profile"):
        if not is_bool(s[key]):
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
    if not is_int(retention) or retention < 1:
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
        if not is_int(port) or not 30000 <= port <= 32767:
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
    if not is_int(router) or not 1 <= router <= 255:
        c.error("lb_vrrp_router_id", "%r must be an integer from 1 to 255" % (router,))
    if s["harmony_values"]["type"] != "mapping":
        c.error("harmony_values", "must be a mapping deep-merged over the chart defaults")
    if not isinstance(s["harmony_chart_version"], str) or not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", s["harmony_chart_version"]):
        c.error("harmony_chart_version", "'%s' is not a chart version like '0.11.0'" % (s["harmony_chart_version"],))

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

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, cpu_millicores, memory_bytes)

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
    # The token agents join with (RKE2's agent-token on servers): it cannot join a server.
    ("rke2_agent_token", None),
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
    # Networks besides the nodes that may reach the Kubernetes API (6443) through the load balancers.
    ("lb_api_allowed_networks", []),
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
    # A throw-away test inventory (the lab): only here may secrets hold the committed LAB-ONLY values.
    ("cluster_lab", False),
])
SECRET_CLUSTER_VARS = ("rke2_token", "rke2_agent_token", "lb_vrrp_password")
# Cluster variables that may hold passwords without being secrets themselves (chart values): like the
# secrets, the plan sees only their shape and the role that uses them reads the inventory's value.
OPAQUE_CLUSTER_VARS = ("harmony_values",)
# The marked example values of inventories/baremetal start with this.
EXAMPLE_SECRET_PREFIX = "EXAMPLE"
# The committed, public values of the lab inventory start with this; only an inventory with cluster_lab
# may use them.
LAB_SECRET_PREFIX = "LAB-ONLY"
# Characters a secret may hold where it is written unquoted (keepalived.conf): base64 and hex fit.
PLAIN_SECRET = re.compile(r"[A-Za-z0-9._~@%+=:,/-]+", re.ASCII)
# Printable ASCII without white space: what a token written to a YAML file on a host may hold.
PRINTABLE_SECRET = re.compile(r"[!-~]+", re.ASCII)

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
# A Linux network interface name (IFNAMSIZ: 15 characters).
INTERFACE = re.compile(r"[A-Za-z0-9_.-]{1,15}", re.ASCII)
# A host name that config files (keepalived's router_id, HAProxy server names) may hold unquoted.
HOST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?", re.ASCII)
PRINTABLE_PATH = re.compile(r"[ -~]+", re.ASCII)
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
    shape = {"_secret_shape": True, "type": type_name(value), "length": 0, "blank": True, "example": False,
             "lab": False, "charset": "none"}
    if shape["type"] in ("str", "int", "float"):
        text = str(value)
        charset = "plain" if PLAIN_SECRET.fullmatch(text) else (
            "printable" if PRINTABLE_SECRET.fullmatch(text) else "other")
        shape.update(length=len(text), blank=not text.strip(),
                     example=text.upper().startswith(EXAMPLE_SECRET_PREFIX),
                     lab=text.upper().startswith(LAB_SECRET_PREFIX), charset=charset)
    return shape


def type_name(value):
    """A plain type name (templated values are subclasses of the built-in types)."""
    for kind, name in ((type(None), "none"), (bool, "bool"), (str, "str"), (int, "int"), (float, "float"),
                       (dict, "mapping"), (list, "list")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


SHAPE_FIELDS = (("type", str), ("length", int), ("blank", bool), ("example", bool), ("lab", bool), ("charset", str))


def is_secret_shape(value):
    """Whether ``value`` is a complete shape as secret_shape makes it (a mapping that only claims to be
    one, e.g. written in an inventory, is a mapping)."""
    return (isinstance(value, dict) and value.get("_secret_shape") is True
            and all(isinstance(value.get(key), kind) for key, kind in SHAPE_FIELDS))


def cluster_settings(cluster):
    """The cluster variables with the contract's defaults filled in; secrets become shapes."""
    settings = OrderedDict()
    if not isinstance(cluster, dict):
        cluster = {}
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
    check_token(c, "rke2_token", s["rke2_token"], required=True)
    if s["rke2_agent_token"]["type"] == "none":
        c.warn("rke2_agent_token", "is not set: agents join with rke2_token, which also joins servers and so "
               "gives whoever reads it from a worker the whole cluster; set a separate random agent token of "
               "at least 32 characters (keep it in a vault)")
    else:
        check_token(c, "rke2_agent_token", s["rke2_agent_token"], required=False)
    if not is_bool(s["cluster_lab"]):
        c.error("cluster_lab", "must be true or false, got %r" % (s["cluster_lab"],))
    for key in SECRET_CLUSTER_VARS:
        if s[key]["example"]:
            c.warn(key, "still holds the example value; put a random secret in an ansible-vault file before a "
                   "real run (playbooks that configure hosts refuse it)")
        if s[key]["lab"] and s["cluster_lab"] is not True:
            c.error(key, "holds a LAB-ONLY value, committed in the lab inventory for everyone to read; only "
                    "an inventory with cluster_lab: true may use it: put a random secret in an ansible-vault "
                    "file")
    retention = s["rke2_etcd_snapshot_retention"]
    if not is_int(retention) or retention < 1:
        c.error("rke2_etcd_snapshot_retention", "must be a positive integer, got %r" % (retention,))
    schedule = s["rke2_etcd_snapshot_schedule"]
    problem = cron_problem(schedule)
    if problem:
        c.error("rke2_etcd_snapshot_schedule", "'%s' is not a five-field cron expression like '0 */6 * * *': %s"
                % (schedule, problem))
    interface = s["lb_vrrp_interface"]
    if not isinstance(interface, str) or not INTERFACE.fullmatch(interface) or interface in (".", ".."):
        c.error("lb_vrrp_interface", "'%s' is not a network interface name (1 to 15 letters, digits, '.', '_' "
                "or '-'); it is written into keepalived.conf, which runs scripts as root" % (interface,))
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
    else:
        check_networks(c, "nfs_allowed_networks", networks, "mount the NFS export")
    check_networks(c, "lb_api_allowed_networks", s["lb_api_allowed_networks"],
                   "reach the Kubernetes API through the load balancers")
    problem = nfs_path_problem(s["nfs_export_path"])
    if problem:
        c.error("nfs_export_path", "'%s' %s" % (s["nfs_export_path"], problem))
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
    for key in ("capacity_node_reserved", "capacity_addons_reserved"):
        check_reserve(c, key, s[key])
    for key in ("render_dir", "cluster_kubeconfig", "rke2_artifact_dir"):
        value = s[key]
        if value is not None and not (isinstance(value, str) and value and PRINTABLE_PATH.fullmatch(value)):
            c.error(key, "%r must be a path (printable characters, no control characters)" % (value,))
    if s["harmony_values"]["type"] != "mapping":
        c.error("harmony_values", "must be a mapping deep-merged over the chart defaults")
    if not isinstance(s["harmony_chart_version"], str) or not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", s["harmony_chart_version"]):
        c.error("harmony_chart_version", "'%s' is not a chart version like '0.11.0'" % (s["harmony_chart_version"],))


def check_token(c, key, token, required):
    """An RKE2 token: at least 32 printable ASCII characters, no white space."""
    if token["type"] == "none" or (token["type"] == "str" and token["length"] == 0):
        if required:
            c.error(key, "is required: a shared secret of at least 32 characters (keep it in a vault)")
        else:
            c.error(key, "is empty: set a random secret of at least 32 characters, or leave it unset")
    elif token["type"] != "str":
        c.error(key, "must be a string, got a value of type %s" % token["type"])
    elif token["blank"]:
        c.error(key, "is only white space; use a random secret of at least 32 characters")
    elif token["length"] < 32:
        c.error(key, "is too short: at least 32 characters are required, got %d" % token["length"])
    elif token["charset"] not in ("plain", "printable"):
        c.error(key, "may hold only printable ASCII characters without spaces (e.g. the output of "
                "'openssl rand -hex 32')")


def check_networks(c, key, networks, purpose):
    """A list of IPv4 CIDRs, none of them the whole Internet."""
    if networks in (None, []):
        return
    if not isinstance(networks, list):
        c.error(key, "must be a list of CIDRs allowed to %s, got %r" % (purpose, networks))
        return
    for index, net in enumerate(networks):
        where = "%s[%d]" % (key, index)
        try:
            network = ipaddress.ip_network(str(net), strict=True)
        except ValueError as exc:
            c.error(where, "'%s' is not a valid CIDR (%s)" % (net, exc))
            continue
        if network.version != 4:
            c.error(where, "'%s' is an IPv6 network; the collection supports IPv4 only (node addresses, "
                    "VIP, exports and firewall rules)" % (net,))
        elif network.prefixlen == 0:
            c.error(where, "'%s' is every address: it would let the whole Internet %s; list your own "
                    "networks" % (net, purpose))


def check_reserve(c, key, value):
    """capacity_node_reserved / capacity_addons_reserved: a mapping of cpu and memory quantities."""
    if not isinstance(value, dict):
        c.error(key, "must be a mapping like {cpu: 500m, memory: 1Gi}, got %r" % (value,))
        return
    for res in value:
        if res not in ("cpu", "memory"):
            c.error(key, "has unknown resource '%s'; use cpu and memory" % (res,))
    for res, parse in (("cpu", cpu_millicores), ("memory", memory_bytes)):
        if value.get(res) in (None, 0, "0"):
            continue
        try:
            parse(value[res])
        except QuantityError as exc:
            c.error("%s.%s" % (key, res), str(exc))


# Directories whose export would hand the system to the NFS clients (or that the system empties, /tmp):
# nfs_export_path may be neither one of them nor below one.
SYSTEM_DIRS = ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/root", "/run",
               "/sbin", "/sys", "/tmp", "/usr", "/var/lib", "/var/log", "/var/run", "/var/tmp", "/var/cache",
               "/var/spool", "/var/mail", "/var/backups")
# Top-level directories that hold other data: exported whole, everything in them would be shared.
SHARED_ROOTS = ("/home", "/mnt", "/media", "/opt", "/srv", "/var", "/snap", "/lost+found")
NFS_PATH = re.compile(r"(/[A-Za-z0-9._-]+)+", re.ASCII)


def nfs_path_problem(path):
    """Why ``path`` may not be the NFS export (None when it may): a normalised absolute path of letters,
    digits, '.', '_' and '-' (it is written unquoted into /etc/exports), not a system directory."""
    if not isinstance(path, str) or not path.startswith("/"):
        return "must be an absolute path like /srv/nfs/k8s"
    if not NFS_PATH.fullmatch(path):
        return ("may hold only letters, digits, '.', '_', '-' and single '/' between them (no spaces, quotes or "
                "control characters: the path is written into /etc/exports and ganesha.conf), no trailing '/'")
    if any(part in (".", "..") for part in path.split("/")):
        return "must be normalised: no '.' or '..' components"
    if len(path) > 255:
        return "is longer than 255 characters"
    for system in SYSTEM_DIRS:
        if path == system or path.startswith(system + "/"):
            return ("is %sa system directory (%s); exporting it would hand the system to the NFS clients: "
                    "use a directory of its own like /srv/nfs/k8s" % ("" if path == system else "below ", system))
    if path in SHARED_ROOTS or path.count("/") < 2:
        return "is a top-level directory; export a directory of its own below it, like /srv/nfs/k8s"
    return None


CRON_FIELDS = (("minute", 0, 59, ()), ("hour", 0, 23, ()), ("day of month", 1, 31, ()),
               ("month", 1, 12, ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                                 "DEC")),
               ("day of week", 0, 7, ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")))
CRON_DESCRIPTORS = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
CRON_TERM = re.compile(r"(\*|[0-9A-Za-z]{1,3}(-[0-9A-Za-z]{1,3})?)(/[0-9]{1,2})?", re.ASCII)


def _cron_value(text, low, high, names):
    if text.isdigit():
        value = int(text)
    elif text.upper() in names:
        value = names.index(text.upper()) + (1 if low == 1 else 0)
    else:
        return None
    return value if low <= value <= high else None


def cron_problem(expression):
    """Why ``expression`` is not a standard five-field cron expression (None when it is one). Fields take
    '*', numbers, ranges 'a-b', steps '/n', lists 'a,b' and month and day names; the descriptors
    @hourly ... @yearly are accepted too (RKE2's schedule parser takes both)."""
    if not isinstance(expression, str) or not expression.isascii() or len(expression) > 100:
        return "it must be a string of ASCII characters"
    if expression.strip() in CRON_DESCRIPTORS:
        return None
    if any(ch in expression for ch in "\t\n\r\v\f"):
        return "fields must be separated by spaces (no tabs or line breaks)"
    fields = expression.split()
    if len(fields) != 5:
        return "it has %d fields, not 5" % len(fields)
    for text, (name, low, high, names) in zip(fields, CRON_FIELDS):
        for term in text.split(","):
            match = CRON_TERM.fullmatch(term)
            if not match:
                return "the %s field '%s' is not '*', a value, a range or a step" % (name, text)
            if match.group(3) and not 0 < int(match.group(3)[1:]) <= high:
                return "the step in the %s field '%s' is outside 1-%d" % (name, text, high)
            if match.group(1) == "*":
                continue
            bounds = match.group(1).split("-")
            values = [_cron_value(bound, low, high, names) for bound in bounds]
            if None in values:
                return "the %s field '%s' has a value outside %d-%d" % (name, text, low, high)
            if len(values) == 2 and values[0] > values[1]:
                return "the %s field '%s' has a range that ends before it starts" % (name, text)
    return None

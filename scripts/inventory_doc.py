"""Write the reference tables of docs/inventory.md from the code, so the page cannot drift.

usage: python scripts/inventory_doc.py [--check]

The names and defaults come from the code: the groups, host variables, cluster variables
and instance keys from plugins/module_utils/topology_contract.py (GROUPS, HOST_VARS, CLUSTER_DEFAULTS,
SECRET_CLUSTER_VARS, OPAQUE_CLUSTER_VARS, INSTANCE_KEYS and the instance defaults), each role's
options, types and defaults from roles/*/meta/argument_specs.yml and roles/*/defaults/main.yml.
The meaning and the validation rule of each contract name are written below; a name the code
has and this file does not (or the other way round) stops the script with the names at fault.

Only the blocks between <!-- BEGIN GENERATED: x --> and <!-- END GENERATED: x --> are
replaced; the prose around them is written by hand. --check changes nothing and exits 1
when the page is not what the code would make of it (tests/unit/test_docs.py runs it).
"""
import argparse
import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOC = os.path.join(ROOT, "docs", "inventory.md")

# A checkout has .collections/ansible_collections/openedx_ops/baremetal -> the checkout; an installed
# collection lives in <path>/ansible_collections/openedx_ops/baremetal.
for candidate in (os.path.join(ROOT, ".collections"), os.path.abspath(os.path.join(ROOT, "..", "..", ".."))):
    if os.path.isdir(os.path.join(candidate, "ansible_collections", "openedx_ops", "baremetal")):
        if candidate not in sys.path:
            sys.path.insert(0, candidate)
        break

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import topology_contract as topology  # noqa: E402 pylint: disable=wrong-import-position
from ansible_collections.openedx_ops.baremetal.plugins.module_utils import topology_instances  # noqa: E402 pylint: disable=wrong-import-position
from ansible_collections.openedx_ops.baremetal.plugins.module_utils import tutor_settings  # noqa: E402 pylint: disable=wrong-import-position

ROLES = ("host_prep", "rke2", "loadbalancer", "nfs_server", "nfs_provisioner", "rke2_helmchart", "harmony",
         "openedx_instance", "instance_backup")

GROUP_DOCS = {
    "etcd": ("RKE2 servers that run etcd only (API server, controller-manager and scheduler disabled), tainted "
             "`node-role.kubernetes.io/etcd=true:NoExecute`; the first host bootstraps the cluster",
             "error: 0 hosts or an even count; warning: 1 host (use 3 or 5)"),
    "control_plane": ("RKE2 servers that run the API server, controller-manager and scheduler only (etcd "
                      "disabled), tainted `node-role.kubernetes.io/control-plane=true:NoSchedule`",
                      "error: 0 hosts; warning: 1 host (the API is not highly available)"),
    "workers": ("RKE2 agents; all Open edX workloads and the add-ons run here; NFS clients",
                "error: 0 hosts; error: a host also in `etcd` or `control_plane`"),
    "loadbalancers": ("HAProxy (6443 API, 9345 RKE2 registration, 80/443 ingress) and, with 2 or more, keepalived "
                      "holding `cluster_api_vip`",
                      "error: 0 hosts; error: 2 or more without `cluster_api_vip`; error: a host that is a "
                      "Kubernetes node; warning: 1 host (single point of failure)"),
    "nfs_servers": ("the NFS server behind the default StorageClass",
                    "error: not exactly 1 host; error: a host that is a Kubernetes node; warning: a host that is "
                    "also a load balancer"),
}

HOST_DOCS = {
    "ansible_host": ("str", "every host", "SSH address; also the cluster address when it is an IP and `node_ip` is "
                     "not set", "without `node_ip`: an IPv4 address, or a name the controller resolves to one; no two "
                     "hosts may share an address; IPv6 (unless `node_ip` is set), loopback and multicast are refused"),
    "node_ip": ("str (IP)", "every host", "the host's address on the cluster network when it differs from the SSH "
                "address (RKE2 `node-ip`, load-balancer backends, NFS clients, firewall peers)",
                "an IPv4 address other hosts can reach; unique"),
    "node_cpu": ("Kubernetes CPU quantity", "workers", "declared CPU of the worker for the capacity plan, e.g. `6`",
                 "a CPU quantity; when any worker lacks `node_cpu`/`node_memory` the capacity plan is skipped "
                 "with a warning"),
    "node_memory": ("Kubernetes memory quantity", "workers", "declared memory of the worker for the capacity plan, "
                    "e.g. `24Gi`", "a memory quantity; see `node_cpu`"),
    "node_labels": ("list of `key=value` (or a mapping)", "Kubernetes nodes", "extra node labels, next to "
                    "`openedx-ops.io/role=<role>`", "a list (or mapping); each key a valid label key"),
    "node_taints": ("list of `key=value:Effect`", "Kubernetes nodes", "extra node taints, after the role's taint",
                    "a list; each a taint with effect NoSchedule, PreferNoSchedule or NoExecute"),
}

# name -> (type, default text when the code's default is None, meaning, validation rule)
CLUSTER_DOCS = {
    "cluster_name": ("str", "required",
                     "names the cluster: kubeconfig cluster/context/user, `render_dir`, the instances' home, output",
                     "required; a DNS-1123 label (lower-case letters, digits, `-`, at most 63 characters)"),
    "cluster_apply": ("bool", None,
                      "`false`: render and validate every Kubernetes object and Tutor environment, apply nothing to "
                      "a cluster", "true or false"),
    "render_dir": ("path", "`<inventory dir>/rendered/<cluster_name>`",
                   "where the cluster layer is written: add-ons, then one directory per instance "
                   "(`playbooks/render.yml` fills it on the controller alone)", "none"),
    "cluster_kubeconfig": ("path", "`<inventory dir>/artifacts/<cluster_name>.kubeconfig`",
                           "the one kubeconfig of the cluster layers: the rke2 role fetches RKE2's there (directory "
                           "0700, file 0600); every kubernetes.core task and Tutor use it; never `~/.kube/config`",
                           "none"),
    "rke2_version": ("str", None, "the RKE2 release installed and upgraded to; the Kubernetes version objects are "
                     "validated for is taken from it", "a release like `v1.35.4+rke2r1`"),
    "rke2_token": ("str, **secret** (vault)", "required",
                   "the shared cluster secret, written only into each node's `config.yaml`; the plan sees its shape, "
                   "never its value; a snapshot restores only with it",
                   "required; a string, not blank, at least 32 printable ASCII characters without spaces; a value "
                   "starting with `EXAMPLE` warns (the rke2 role refuses it); one starting with `LAB-ONLY` (the lab's "
                   "committed value) is refused unless `cluster_lab` is true"),
    "rke2_agent_token": ("str, **secret** (vault)", "unset (warns: agents use `rke2_token`)",
                         "the token agents join with: servers get it as RKE2's `agent-token`, agents as their `token`; "
                         "it joins agents only, so a worker holds no secret that joins a server (the server token "
                         "joins both and gives the whole cluster)",
                         "as `rke2_token`, but optional; the rke2 role refuses it equal to `rke2_token`"),
    "rke2_artifact_dir": ("path", "unset (download)",
                          "controller directory with the air-gap artifacts `rke2.linux-<arch>.tar.gz`, "
                          "`rke2-images.linux-<arch>.tar.zst` and `sha256sum-<arch>.txt`", "none"),
    "rke2_install": ("bool", None, "`false`: prepare hosts and write RKE2's configuration, but do not install or "
                     "start RKE2 (the lab); the operation playbooks refuse", "true or false"),
    "rke2_cis_profile": ("bool", None, "RKE2's CIS profile and its host prerequisites (etcd user, CIS sysctls)",
                         "true or false"),
    "rke2_etcd_snapshot_schedule": ("str (cron)", None, "when RKE2 takes etcd snapshots",
                                    "a five-field cron expression (`*`, values in range, `a-b`, `/n`, lists, month "
                                    "and day names) or `@hourly` ... `@yearly`"),
    "rke2_etcd_snapshot_retention": ("int", None, "how many scheduled snapshots RKE2 keeps", "a positive integer"),
    "cluster_api_vip": ("str (IP)", "unset",
                        "virtual IP keepalived moves between the load balancers; in the API's TLS SANs",
                        "an IPv4 address that is no host's address (IPv6 is refused: keepalived, HAProxy, exports and "
                        "firewall rules are IPv4); required with 2 or more load balancers"),
    "cluster_api_fqdn": ("str (FQDN)", "unset",
                         "DNS name of the API; in the TLS SANs; when set it is the API endpoint and the agents' "
                         "registration address (else the VIP, else the first load balancer)",
                         "a fully qualified domain name that resolves on the controller (a warning only under domains "
                         "reserved for examples and tests, or when it resolves to another address than the VIP); no "
                         "instance may use it as a host name"),
    "cluster_domain": ("str (DNS name)", "unset (`<cluster_name>.cluster.invalid`)",
                       "the harmony chart's `clusterDomain` and the host of the `/cluster-echo-test` Ingress, which the "
                       "add-on layer requests through the load balancers with this Host header",
                       "checked by the harmony role: a lower-case DNS name, no wildcard"),
    "lb_vrrp_interface": ("str", None, "network interface keepalived uses on the load balancers",
                          "an interface name: 1 to 15 letters, digits, `.`, `_`, `-` (it is written into "
                          "`keepalived.conf`)"),
    "lb_vrrp_router_id": ("int", None, "VRRP virtual router id (unique on the network segment)", "1 to 255"),
    "lb_vrrp_password": ("str, **secret** (vault)", "required with `cluster_api_vip`",
                         "VRRP authentication password, written only into `keepalived.conf`; the plan sees its shape",
                         "with `cluster_api_vip`: required, not blank, at most 8 characters of letters, digits and "
                         "`. _ ~ @ % + = : , / -` (written unquoted into `keepalived.conf`); a value starting with "
                         "`EXAMPLE` warns (the loadbalancer role refuses it)"),
    "lb_api_allowed_networks": ("list of CIDRs", None,
                                "besides the nodes, who may reach the Kubernetes API (6443) through the load "
                                "balancers: the controller's and the operators' networks (the load balancers accept "
                                "9345 from the nodes, 9346 from the servers, 80/443 from anyone)",
                                "valid IPv4 CIDRs, not `0.0.0.0/0`; empty: only the nodes (the controller's cluster "
                                "layers then cannot reach the API)"),
    "lb_ingress_mode": ("str", None, "`proxy_protocol`: TCP pass-through to the ingress NodePorts with PROXY v2, so "
                        "client addresses survive; `terminate_tls`: HAProxy terminates TLS and forwards HTTP with "
                        "X-Forwarded-For", "one of `proxy_protocol`, `terminate_tls`"),
    "ingress_http_nodeport": ("int", None, "NodePort of the ingress controller's HTTP entry point on the workers "
                              "(HAProxy port 80 forwards to it)", "30000 to 32767; not equal to the HTTPS NodePort"),
    "ingress_https_nodeport": ("int", None, "NodePort of the HTTPS entry point (HAProxy port 443 forwards to it)",
                               "30000 to 32767; not equal to the HTTP NodePort"),
    "nfs_export_path": ("path", None, "the directory the NFS server exports",
                        "a normalised absolute path of letters, digits, `.`, `_`, `-` (no `..`, spaces or trailing "
                        "`/`), at least two levels deep, not a system directory nor below one (`/etc`, `/usr`, "
                        "`/bin`, `/sbin`, `/lib*`, `/boot`, `/proc`, `/sys`, `/dev`, `/run`, `/root`, `/tmp`, "
                        "`/var/lib`, `/var/log`, `/var/run`, `/var/tmp`, `/var/cache`, `/var/spool`, ...)"),
    "nfs_allowed_networks": ("list of CIDRs", "required",
                             "networks the NFS clients are in: the export goes to the workers' addresses only, each "
                             "of which must be inside one of them",
                             "required; valid IPv4 CIDRs (no host bits set), not `0.0.0.0/0`; every worker inside"),
    "nfs_server_implementation": ("str", None, "`kernel` (nfs-kernel-server) or `ganesha` (NFS-Ganesha, user space; "
                                  "the lab)", "one of `kernel`, `ganesha`"),
    "nfs_storage_class": ("str", None, "name of the NFS StorageClass, made the cluster's default",
                          "a DNS-1123 label"),
    "harmony_chart_version": ("str", None, "openedx-k8s-harmony chart version",
                              "a version like `0.11.0`; the harmony role knows the value keys of 0.11.0 only and "
                              "fails on a version it has no key list for"),
    "harmony_values": ("dict, opaque", None,
                       "deep-merged over the collection's harmony values (a key set to `null` removes a default); "
                       "may hold passwords: the plan sees only its shape and nothing of it is printed",
                       "a mapping; every key must exist in the chart or its pinned dependencies (harmony role)"),
    "letsencrypt_email": ("str", "unset", "ACME account e-mail of harmony's Let's Encrypt ClusterIssuer",
                          "an e-mail address; required when a present instance has `https: true`"),
    "capacity_node_reserved": ("dict (`cpu`, `memory`)", None,
                               "reserved on each worker for the OS, kubelet, runtime, CNI and per-node DaemonSets",
                               "Kubernetes quantities"),
    "capacity_addons_reserved": ("dict (`cpu`, `memory`)", None,
                                 "reserved once on the workers for the cluster add-ons (harmony)",
                                 "Kubernetes quantities"),
    "cluster_lab": ("bool", None, "a throw-away test inventory (the lab): only here may secrets hold the committed "
                    "values marked `LAB-ONLY`", "true or false"),
}

# key -> (type, default text when the key has no default in the code, meaning, validation rule)
INSTANCE_DOCS = {
    "name": ("str", "required", "the instance: its Kubernetes namespace and Tutor project directory",
             "required; a DNS-1123 label; unique"),
    "state": ("str", None, "`absent` removes the instance's objects (its volumes only with `purge`)",
              "one of `present`, `absent`"),
    "purge": ("bool", None, "with `state: absent`, also remove the volumes and the namespace", "true or false"),
    "tutor_version": ("str", None, "Tutor release, installed in a virtualenv shared by instances of the same "
                      "release and plugins", "a release like `22.0.3`"),
    "lms_host": ("str (FQDN)", "required", "the LMS's host name", "required; an FQDN; unique across instances and "
                 "`cluster_api_fqdn`"),
    "cms_host": ("str (FQDN)", "`studio.<lms_host>`", "Studio's host name", "an FQDN; unique likewise"),
    "https": ("bool", None, "certificates from cert-manager (harmony's Let's Encrypt issuer)",
              "true or false; `true` on a present instance needs `letsencrypt_email`"),
    "plugins": ("list of `{name, pip}`", None,
                "Tutor plugins: the plugin's name and its pip requirement. The plan adds `%s` (%s) for the "
                "instance's Tutor major unless it is listed" % (
                    tutor_settings.AUTOSCALING_PLUGIN,
                    ", ".join("Tutor %d: %s" % (major, release)
                              for major, release in sorted(tutor_settings.AUTOSCALING_PLUGIN_RELEASES.items()))),
                "a list; each item a mapping with `name` and `pip`; declared `autoscaling` on a Tutor release "
                "without the autoscaling plugin is refused"),
    "config": ("dict", None, "extra Tutor settings (not secret); they win over what the collection computes",
               "a mapping; no key that is also in `secrets`"),
    "secrets": ("dict, **secret** (vault)", None, "Tutor settings that are secrets, written verbatim into "
                "`config.yml`; the plan keeps only their names",
                "a mapping of non-empty strings; values starting with `EXAMPLE` warn (applying refuses them)"),
    "resources": ("dict per service", None, "requests and limits of `lms`, `cms`, `lms_worker`, `cms_worker`; "
                  "what is not given keeps the default",
                  "services and `cpu`/`memory` only; Kubernetes quantities; a request at most its limit"),
    "autoscaling": ("dict per service", None, "`min_replicas`, `max_replicas`, `target_cpu_utilization` per service "
                    "(HorizontalPodAutoscaler); what is not given keeps the default",
                    "known services and keys; replicas integers of at least 1, min at most max; target 1 to 100"),
    "expected_concurrent_users": ("int", "unset", "expected concurrent users; recorded, not used by the capacity "
                                  "plan (which counts requests x replicas)", "a non-negative integer"),
    "uwsgi_workers": ("int", "unset (Tutor's)", "uWSGI workers per lms and cms pod", "a positive integer"),
    "lessons": ("dict of bool", "`{}` (every switch on)", "switches of the `openedx_ops` Tutor plugin's lessons: %s"
                % ", ".join("`%s`" % s for s in sorted(tutor_settings.LESSON_SWITCHES)),
                "known switches; true or false"),
}

# Instance keys whose defaults are per-service tables (shown below the instance table).
INSTANCE_TABLES = {"resources": topology.DEFAULT_RESOURCES, "autoscaling": topology.DEFAULT_AUTOSCALING}


class DocError(Exception):
    pass


def _same_names(what, code, documented):
    missing = [n for n in code if n not in documented]
    extra = [n for n in documented if n not in code]
    if missing or extra:
        raise DocError("%s: the code has %s not described in scripts/inventory_doc.py; described but not in the code: %s"
                       % (what, ", ".join(missing) or "none", ", ".join(extra) or "none"))


def value_text(value):
    """A default as YAML flow text in a code span."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, str):
        text = value if value and value.strip() == value and value[0] not in "{[*&!|>'\"%@`#" else '"%s"' % value
        text = " ".join(text.split())
    else:
        text = yaml.safe_dump(value, default_flow_style=True, width=10000, sort_keys=False).strip()
    return "`%s`" % text


def cell(text):
    return str(text).replace("\n", " ").replace("|", "\\|")


def row(*cells):
    return "| %s |" % " | ".join(cell(c) for c in cells)


def doc_markup(text):
    """Ansible documentation markup (C(), M(), O(), P()...) as Markdown code spans."""
    text = " ".join(text.split()) if isinstance(text, str) else " ".join(" ".join(t.split()) for t in text)
    return re.sub(r"\b[CMOPVRI]\(([^)]*)\)", r"`\1`", text)


def groups_table():
    _same_names("groups", topology.GROUPS, GROUP_DOCS)
    lines = [row("group", "what its hosts become", "validation"), "|---|---|---|"]
    for group in topology.GROUPS:
        lines.append(row("`%s`" % group, *GROUP_DOCS[group]))
    return lines


def host_vars_table():
    _same_names("host variables", topology.HOST_VARS, HOST_DOCS)
    lines = [row("variable", "type", "on", "meaning", "validation"), "|---|---|---|---|---|"]
    for name in topology.HOST_VARS:
        lines.append(row("`%s`" % name, *HOST_DOCS[name]))
    return lines


def cluster_table():
    _same_names("cluster variables", list(topology.CLUSTER_DEFAULTS), CLUSTER_DOCS)
    lines = [row("variable", "type", "default", "meaning", "validation"), "|---|---|---|---|---|"]
    for name, default in topology.CLUSTER_DEFAULTS.items():
        kind, none_text, meaning, rule = CLUSTER_DOCS[name]
        if default is None:
            if none_text is None:
                raise DocError("cluster variable %s: the code has no default; say what that means" % name)
            shown = none_text
        else:
            shown = value_text(default)
        if name in topology.SECRET_CLUSTER_VARS and "secret" not in kind:
            raise DocError("cluster variable %s is a secret (SECRET_CLUSTER_VARS); its type must say so" % name)
        if name in topology.OPAQUE_CLUSTER_VARS and "opaque" not in kind:
            raise DocError("cluster variable %s is opaque (OPAQUE_CLUSTER_VARS); its type must say so" % name)
        lines.append(row("`%s`" % name, kind, shown, meaning, rule))
    return lines


def instance_table():
    _same_names("openedx_instances keys", topology.INSTANCE_KEYS, INSTANCE_DOCS)
    defaults = topology_instances.instance_defaults()
    lines = [row("key", "type", "default", "meaning", "validation"), "|---|---|---|---|---|"]
    for key in topology.INSTANCE_KEYS:
        kind, none_text, meaning, rule = INSTANCE_DOCS[key]
        if key in INSTANCE_TABLES:
            shown = "see below"
        elif defaults.get(key) is not None:
            shown = value_text(defaults[key])
        elif none_text is None:
            raise DocError("openedx_instances key %s: the code has no default; say what that means" % key)
        else:
            shown = none_text
        if key == "tutor_version" and defaults[key] != topology.DEFAULT_TUTOR_VERSION:
            raise DocError("tutor_version default differs from DEFAULT_TUTOR_VERSION")
        lines.append(row("`%s`" % key, kind, shown, meaning, rule))
    return lines


def instance_defaults_table():
    services = topology.SERVICES
    lines = [row("service", "requests", "limits", "min_replicas", "max_replicas", "target_cpu_utilization"),
             "|---|---|---|---|---|---|"]
    for service in services:
        scale = topology.DEFAULT_AUTOSCALING[service]
        lines.append(row("`%s`" % service, value_text(topology.DEFAULT_RESOURCES["requests"]),
                         value_text(topology.DEFAULT_RESOURCES["limits"]), scale["min_replicas"],
                         scale["max_replicas"], scale["target_cpu_utilization"]))
    return lines


def role_spec(role):
    with open(os.path.join(ROOT, "roles", role, "meta", "argument_specs.yml"), encoding="utf-8") as handle:
        specs = yaml.safe_load(handle)["argument_specs"]
    path = os.path.join(ROOT, "roles", role, "defaults", "main.yml")
    defaults = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            defaults = yaml.safe_load(handle) or {}
    return specs, defaults


def option_type(option):
    kind = option.get("type", "str")
    if option.get("elements"):
        kind = "%s of %s" % (kind, option["elements"])
    if option.get("choices"):
        kind = "%s: %s" % (kind, ", ".join(str(c) for c in option["choices"]))
    if option.get("no_log"):
        kind += ", **secret**"
    return kind


def option_default(name, option, defaults):
    if name in defaults:
        if "default" in option and option["default"] != defaults[name]:
            raise DocError("option %s: argument_specs default %r differs from defaults/main.yml %r"
                           % (name, option["default"], defaults[name]))
        return value_text(defaults[name])
    if "default" in option:
        return value_text(option["default"])
    if option.get("required"):
        return "required"
    return "unset"


def role_tables(role):
    specs, defaults = role_spec(role)
    lines = []
    for entry in sorted(specs, key=lambda e: (e != "main", e)):
        spec = specs[entry]
        lines.append("")
        title = role if entry == "main" else "%s, `tasks_from: %s.yml`" % (role, entry)
        lines.append("**%s** (`%s`): %s." % (title, "openedx_ops.baremetal.%s" % role, doc_markup(spec["short_description"])))
        lines.append("")
        lines.append(row("option", "type", "default", "description"))
        lines.append("|---|---|---|---|")
        for name, option in (spec.get("options") or {}).items():
            lines.append(row("`%s`" % name, option_type(option), option_default(name, option, defaults),
                             doc_markup(option.get("description", ""))))
    return lines


def role_options():
    found = [r for r in sorted(os.listdir(os.path.join(ROOT, "roles")))
             if os.path.exists(os.path.join(ROOT, "roles", r, "meta", "argument_specs.yml"))]
    _same_names("roles with argument specs", found, ROLES)
    lines = []
    for role in ROLES:
        lines.extend(role_tables(role))
    return lines[1:]


BLOCKS = {
    "groups": groups_table,
    "host-variables": host_vars_table,
    "cluster-variables": cluster_table,
    "instance-keys": instance_table,
    "instance-defaults": instance_defaults_table,
    "role-options": role_options,
}
BLOCK = re.compile(r"(<!-- BEGIN GENERATED: ([a-z-]+) -->\n)(.*?)(<!-- END GENERATED: \2 -->)", re.DOTALL)


def render(text):
    """``text`` with every generated block made anew from the code."""
    seen = []

    def replace(match):
        name = match.group(2)
        if name not in BLOCKS:
            raise DocError("docs/inventory.md has an unknown generated block %s" % name)
        seen.append(name)
        return match.group(1) + "\n".join(BLOCKS[name]()) + "\n" + match.group(4)

    result = BLOCK.sub(replace, text)
    _same_names("generated blocks of docs/inventory.md", list(BLOCKS), seen)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", maxsplit=1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/inventory.md is out of date")
    args = parser.parse_args()
    with open(DOC, encoding="utf-8") as handle:
        text = handle.read()
    new = render(text)
    if args.check:
        if new != text:
            sys.stderr.write("docs/inventory.md is out of date: run python scripts/inventory_doc.py\n")
            sys.exit(1)
        return
    if new != text:
        with open(DOC, "w", encoding="utf-8") as handle:
            handle.write(new)


if __name__ == "__main__":
    main()

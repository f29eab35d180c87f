"""Host files of the roles rendered from a plan (tests/playbooks/render_host_files.yml), touching no host:
the HAProxy configuration of the loadbalancer role, the Pod Security admission configuration of the rke2 role,
the exports of the nfs_server role (kernel and NFS-Ganesha) and the ufw rules of host_prep."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
PLAYBOOK = os.path.join(ROOT, "tests", "playbooks", "render_host_files.yml")

INVENTORIES = {
    "lab": "inventories/lab",
    "full": "tests/inventories/good/full.yml",
    "minimal": "tests/inventories/good/minimal.yml",
}


def render(inventory, out_dir, *extra):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), PLAYBOOK, "-i", inventory,
                             "-e", "out_dir=%s" % out_dir] + list(extra),
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    return result


def sections(text):
    """HAProxy sections as {('frontend', name): [lines]}, comments and blank lines left out."""
    found, current = {}, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            kind, name = (line.split(" ", 1) + [""])[:2]
            current = found.setdefault((kind, name.strip()), [])
        else:
            current.append(line.strip())
    return found


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    result = {}
    for name, inventory in INVENTORIES.items():
        out = tmp_path_factory.mktemp(name)
        render(inventory, str(out))
        with open(os.path.join(str(out), "haproxy.cfg")) as handle:
            result[name] = {"path": os.path.join(str(out), "haproxy.cfg"), "haproxy": handle.read()}
        with open(os.path.join(str(out), "openedx-ops-pss.yaml")) as handle:
            result[name]["psa"] = yaml.safe_load(handle)
        for key, filename in (("exports", "openedx-ops.exports"), ("ganesha", "ganesha.conf"), ("firewall", "firewall.json")):
            with open(os.path.join(str(out), filename)) as handle:
                result[name][key] = handle.read()
    return result


def servers(section):
    return [line.split()[1:3] for line in section if line.startswith("server ")]


def test_etcd_registration_frontend_reaches_every_etcd_server(rendered):
    cfg = sections(rendered["lab"]["haproxy"])
    assert cfg[("frontend", "rke2_register_etcd")] == [
        "bind :9346", "acl allowed_source src 172.30.0.21 172.30.0.22 172.30.0.23 172.30.0.31 172.30.0.32",
        "tcp-request connection reject if !allowed_source", "default_backend rke2_register_etcd"]
    backend = cfg[("backend", "rke2_register_etcd")]
    assert servers(backend) == [["etcd1", "172.30.0.21:9345"], ["etcd2", "172.30.0.22:9345"],
                                ["etcd3", "172.30.0.23:9345"]]
    assert all(line.endswith(" check") for line in backend if line.startswith("server "))
    assert "option tcp-check" in backend
    # the agents' frontend keeps the control-plane servers
    assert servers(cfg[("backend", "rke2_register")]) == [["cp1", "172.30.0.31:9345"], ["cp2", "172.30.0.32:9345"]]


def test_frontends_bind_each_plan_port_once(rendered):
    for name, item in rendered.items():
        binds = re.findall(r"^\s+bind :(\d+)", item["haproxy"], re.M)
        assert sorted(binds) == sorted(["6443", "9345", "9346", "80", "443"]), name


def test_single_etcd_server_is_the_only_backend(rendered):
    # minimal.yml: one etcd server, one control-plane server, one load balancer
    cfg = sections(rendered["minimal"]["haproxy"])
    assert servers(cfg[("backend", "rke2_register_etcd")]) == [["e1", "10.9.0.21:9345"]]
    assert servers(cfg[("backend", "rke2_register")]) == [["c1", "10.9.0.31:9345"]]


def pod_security(document):
    assert document["apiVersion"] == "apiserver.config.k8s.io/v1" and document["kind"] == "AdmissionConfiguration"
    [plugin] = document["plugins"]
    assert plugin["name"] == "PodSecurity"
    configuration = plugin["configuration"]
    assert configuration["apiVersion"] == "pod-security.admission.config.k8s.io/v1"
    assert configuration["kind"] == "PodSecurityConfiguration"
    return configuration


def test_pod_security_restricted_by_default_with_the_add_ons_exempt(rendered):
    configuration = pod_security(rendered["lab"]["psa"])
    assert configuration["defaults"] == {
        "enforce": "restricted", "enforce-version": "latest", "audit": "restricted", "audit-version": "latest",
        "warn": "restricted", "warn-version": "latest"}
    # RKE2's own CIS exemptions, the harmony namespace (Vector, node-exporter) and the NFS provisioner's
    assert configuration["exemptions"] == {
        "usernames": [], "runtimeClasses": [],
        "namespaces": ["compliance-operator-system", "harmony", "kube-system", "nfs-provisioner", "tigera-operator"]}


def test_pod_security_exempts_the_namespaces_the_inventory_names(tmp_path):
    render("tests/inventories/good/full.yml", str(tmp_path), "-e", "harmony_namespace=ops-addons",
           "-e", "nfs_provisioner_namespace=storage")
    with open(os.path.join(str(tmp_path), "openedx-ops-pss.yaml")) as handle:
        namespaces = pod_security(yaml.safe_load(handle))["exemptions"]["namespaces"]
    assert "ops-addons" in namespaces and "storage" in namespaces
    assert "harmony" not in namespaces and "nfs-provisioner" not in namespaces


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed on this controller")
@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_haproxy_accepts_the_configuration(rendered, name):
    result = subprocess.run(["haproxy", "-c", "-q", "-f", rendered[name]["path"]], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


LAB_NODES = ["172.30.0.21", "172.30.0.22", "172.30.0.23", "172.30.0.31", "172.30.0.32", "172.30.0.41",
             "172.30.0.42", "172.30.0.43"]


def acl_sources(section):
    return [source for line in section if line.startswith("acl allowed_source src ") for source in line.split()[3:]]


def test_api_and_registration_accept_only_their_sources(rendered):
    cfg = sections(rendered["lab"]["haproxy"])
    # the API: the nodes and lb_api_allowed_networks; agents' registration: the nodes; 9346: the servers
    assert acl_sources(cfg[("frontend", "kube_api")]) == LAB_NODES + ["172.30.0.0/24"]
    assert acl_sources(cfg[("frontend", "rke2_register")]) == LAB_NODES
    for name in ("kube_api", "rke2_register", "rke2_register_etcd"):
        assert "tcp-request connection reject if !allowed_source" in cfg[("frontend", name)], name
    # the ingress stays open to everyone
    for name in ("ingress_http", "ingress_https"):
        assert not acl_sources(cfg[("frontend", name)]) and not any("reject" in line for line in cfg[("frontend", name)])
    # without lb_api_allowed_networks only the nodes reach the API
    minimal = sections(rendered["minimal"]["haproxy"])
    assert acl_sources(minimal[("frontend", "kube_api")]) == ["10.9.0.21", "10.9.0.31", "10.9.0.41"]


def test_exports_go_to_the_workers_addresses_only(rendered):
    lines = [line for line in rendered["lab"]["exports"].splitlines() if line and not line.startswith("#")]
    assert lines == ["/srv/nfs/k8s 172.30.0.41(rw,sync,no_subtree_check,no_root_squash) "
                     "172.30.0.42(rw,sync,no_subtree_check,no_root_squash) "
                     "172.30.0.43(rw,sync,no_subtree_check,no_root_squash)"]
    assert "insecure" not in rendered["lab"]["exports"] and "/24" not in rendered["lab"]["exports"]
    assert re.search(r"^\s+Clients = 172\.30\.0\.41, 172\.30\.0\.42, 172\.30\.0\.43;$", rendered["lab"]["ganesha"], re.M)
    assert 'Path = "/srv/nfs/k8s";' in rendered["lab"]["ganesha"]


def test_root_squash_when_asked(tmp_path):
    render("inventories/lab", str(tmp_path), "-e", "nfs_server_root_squash=true")
    with open(os.path.join(str(tmp_path), "openedx-ops.exports")) as handle:
        exports = handle.read()
    with open(os.path.join(str(tmp_path), "ganesha.conf")) as handle:
        ganesha = handle.read()
    assert "172.30.0.41(rw,sync,no_subtree_check,root_squash)" in exports and "no_root_squash" not in exports
    assert "Squash = Root_Squash;" in ganesha and "Anonymous_Uid = 65534;" in ganesha


def test_ufw_rules_open_each_port_to_its_peers_only(rendered):
    """The rules module host_firewall converges on each node, from the plan host_prep hands it."""
    if os.path.join(ROOT, ".collections") not in sys.path:
        sys.path.insert(0, os.path.join(ROOT, ".collections"))
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils.firewall_rules import wanted_rules
    firewall = json.loads(rendered["lab"]["firewall"])
    rules = {}
    for host, role in firewall["roles"].items():
        wanted = wanted_rules(firewall["firewall"]["rules"][role], firewall["firewall"]["peers"])
        rules[host] = set((r["port"], r["proto"], r["from_ip"]) for r in wanted)
        assert all(r["comment"].startswith("openedx_ops ") for r in wanted)
    servers = {"172.30.0.21", "172.30.0.22", "172.30.0.23", "172.30.0.31", "172.30.0.32"}
    lbs = {"172.30.0.11", "172.30.0.12"}

    def sources(host, port, proto="tcp"):
        return {s for p, q, s in rules[host] if (p, q) == (port, proto)}
    assert sources("etcd1", "2379:2381") == {"172.30.0.21", "172.30.0.22", "172.30.0.23", "172.30.0.31", "172.30.0.32"}
    assert sources("etcd1", "2379:2381") == servers
    assert sources("cp1", "2379:2381") == set()  # control-plane-only servers run no etcd
    assert sources("cp1", "6443") == set(LAB_NODES) | lbs and sources("etcd1", "6443") == set()
    assert sources("etcd1", "9345") == set(LAB_NODES) | lbs
    for host in ("etcd1", "cp1", "worker1"):
        assert sources(host, "10250") == set(LAB_NODES)
        assert sources(host, "8472", "udp") == set(LAB_NODES)
    # workers: the two ingress NodePorts from the load balancers, nothing else of the NodePort range
    assert sources("worker1", "30080") == lbs and sources("worker1", "30443") == lbs
    assert {p for p, q, s in rules["worker1"]} == {"10250", "8472", "9099", "30080", "30443"}
    assert not any(s in ("any", "0.0.0.0/0") for r in rules.values() for p, q, s in r)

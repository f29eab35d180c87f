"""Rules of groups and hosts: quorum, group membership, node names, addresses, the API name, labels, taints."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError, build_plan

from .topology_cases import good, one_problem, plan_of, warnings_of


def test_single_etcd_is_a_warning():
    def mutate(g, hv, c, i):
        g["etcd"] = ["etcd1"]
    assert any("group etcd" in w for w in warnings_of(mutate))


@pytest.mark.parametrize("group", ["control_plane", "workers", "loadbalancers"])
def test_required_groups(group):
    def mutate(g, hv, c, i):
        g[group] = []
    one_problem(mutate, "group %s" % group, "has no hosts")


@pytest.mark.parametrize("members", [[], ["nfs1", "nfs2"]])
def test_exactly_one_nfs_server(members):
    def mutate(g, hv, c, i):
        g["nfs_servers"] = members
        hv["nfs2"] = {"ansible_host": "10.0.0.52"}
    one_problem(mutate, "group nfs_servers", "exactly 1")


@pytest.mark.parametrize("server_group", ["etcd", "control_plane"])
def test_worker_must_not_be_a_server(server_group):
    def mutate(g, hv, c, i):
        g[server_group].append("w1")
        if server_group == "etcd":
            g["etcd"].append("w2")
    one_problem(mutate, "host w1", "a worker must not be an RKE2 server")


def test_loadbalancer_must_not_be_a_node():
    def mutate(g, hv, c, i):
        g["workers"].append("lb1")
    one_problem(mutate, "host lb1", "a load balancer must not be a Kubernetes node")


def test_nfs_on_node_is_error_and_on_lb_is_warning():
    def on_node(g, hv, c, i):
        g["nfs_servers"] = ["w1"]
    one_problem(on_node, "host w1", "NFS server must not be a Kubernetes node")

    def on_lb(g, hv, c, i):
        g["nfs_servers"] = ["lb1"]
    assert any("host lb1" in w and "NFS" in w for w in warnings_of(on_lb))


def test_two_loadbalancers_need_vip():
    def mutate(g, hv, c, i):
        c.pop("cluster_api_vip")
    one_problem(mutate, "cluster_api_vip", "is required with 2 load balancers")


def rename(g, hv, old, new):
    for members in g.values():
        if old in members:
            members[members.index(old)] = new
    hv[new] = hv.pop(old)


@pytest.mark.parametrize("name, hint", [
    ("CP_1", "cp-1"), ("cp_1", "cp-1"), ("Worker1", "worker1"), ("-w1", "w1"), ("w1-", "w1"), ("w1.", "w1"),
    ("w..1", "w.1"), ("w1\n", "w1"), ("w\u00e91", "w-1"), ("x" * 64, "x" * 63),
    ("a." * 126 + "bc", "a." * 126 + "b"), ("___", None),
])
def test_kubernetes_host_names_must_be_dns1123_subdomains(name, hint):
    for host in ("etcd2", "cp1", "w2"):
        def mutate(g, hv, c, i):
            rename(g, hv, host, name)
        errors = one_problem(mutate, "host %s" % name, "inventory name (inventory_hostname) '%s'" % name,
                             "DNS-1123 subdomain", "rename the host")
        if hint is None:
            assert not any("e.g. to" in e for e in errors)
        else:
            assert any("e.g. to '%s'" % hint in e for e in errors)


@pytest.mark.parametrize("name", ["w-1", "w1.dc1.example.org", "1w", "x" * 63, ("a" * 63 + ".") * 3 + "a" * 61])
def test_valid_kubernetes_host_names(name):
    def mutate(g, hv, c, i):
        rename(g, hv, "w2", name)
    plan = plan_of(mutate)
    assert plan["hosts"][name]["rke2_role"] == "agent"


def test_names_of_hosts_that_are_not_nodes_are_not_node_names():
    def mutate(g, hv, c, i):
        rename(g, hv, "lb1", "LB_1")
        rename(g, hv, "nfs1", "NFS_1")
    plan = plan_of(mutate)
    assert "LB_1" in plan["hosts"] and "NFS_1" in plan["hosts"]


def plan_resolving(table, mutate=None):
    groups, hostvars, cluster, instances = good()
    if mutate:
        mutate(groups, hostvars, cluster, instances)
    asked = []

    def resolve(name):
        asked.append(name)
        return table.get(name)
    try:
        return build_plan(groups, hostvars, cluster, instances, resolve=resolve), asked
    except PlanError as exc:
        return exc, asked


def test_api_fqdn_resolving_to_the_vip_passes():
    plan, asked = plan_resolving({"k8s.example.org": "10.0.0.10"})
    assert asked == ["k8s.example.org"] and plan["warnings"] == []


def test_api_fqdn_that_does_not_resolve_is_an_error():
    def mutate(g, hv, c, i):
        c["cluster_api_fqdn"] = "k8s.openedx-ops-corpus.net"
    error, asked = plan_resolving({}, mutate)
    assert asked == ["k8s.openedx-ops-corpus.net"]
    assert isinstance(error, PlanError)
    assert [str(e) for e in error.errors] == [
        "cluster_api_fqdn: 'k8s.openedx-ops-corpus.net' does not resolve on the controller; agents register "
        "through https://k8s.openedx-ops-corpus.net:9345 and the controller reaches the API through "
        "https://k8s.openedx-ops-corpus.net:6443, so add a DNS record (or an /etc/hosts entry on the controller "
        "and every node) pointing it at the VIP 10.0.0.10"]


@pytest.mark.parametrize("fqdn", ["k8s.example.org", "api.example.com", "k8s.oxlab.test", "k8s.lab.example",
                                  "k8s.cluster.invalid", "K8S.Example.ORG"])
def test_api_fqdn_below_reserved_domains_that_does_not_resolve_is_a_warning(fqdn):
    def mutate(g, hv, c, i):
        c["cluster_api_fqdn"] = fqdn
    plan = plan_resolving({}, mutate)[0]
    assert [w for w in plan["warnings"] if w.startswith("cluster_api_fqdn: '%s' does not resolve" % fqdn)
            and "reserved for examples and tests" in w]


def test_api_fqdn_resolving_elsewhere_is_a_warning():
    plan = plan_resolving({"k8s.example.org": "192.0.2.7"})[0]
    assert plan["warnings"] == [
        "cluster_api_fqdn: 'k8s.example.org' resolves to 192.0.2.7 on the controller, not to the VIP 10.0.0.10; "
        "agents and the controller reach the API through this name, so unless a NAT or split-horizon DNS maps "
        "192.0.2.7 to 10.0.0.10, point the record at 10.0.0.10"]


def test_api_fqdn_compared_with_the_single_load_balancer_without_vip():
    def mutate(g, hv, c, i):
        c.pop("cluster_api_vip")
        g["loadbalancers"] = ["lb1"]
    plan = plan_resolving({"k8s.example.org": "10.0.0.11"}, mutate)[0]
    assert not [w for w in plan["warnings"] if w.startswith("cluster_api_fqdn")]
    plan = plan_resolving({"k8s.example.org": "10.0.0.12"}, mutate)[0]
    assert any("not to load balancer lb1 (10.0.0.11)" in w for w in plan["warnings"])


def test_api_fqdn_not_resolved_without_a_resolver_or_when_unset():
    assert plan_of()["warnings"] == []  # build_plan without resolve: nothing is looked up

    def mutate(g, hv, c, i):
        c.pop("cluster_api_fqdn")
    plan, asked = plan_resolving({}, mutate)
    assert asked == [] and plan["warnings"] == []


def test_vip_must_be_ip_and_free():
    def bad(g, hv, c, i):
        c["cluster_api_vip"] = "10.0.0.300"
    one_problem(bad, "cluster_api_vip", "not an IP address")

    def taken(g, hv, c, i):
        c["cluster_api_vip"] = "10.0.0.21"
    one_problem(taken, "cluster_api_vip", "address of host etcd1")


def test_node_ip_must_be_ip():
    def mutate(g, hv, c, i):
        hv["w2"]["node_ip"] = "ten.zero"
    one_problem(mutate, "host w2", "node_ip 'ten.zero' is not an IP address")


def test_unresolvable_name_is_an_error():
    def mutate(g, hv, c, i):
        hv["cp1"] = {"ansible_host": "cp1.invalid"}
    one_problem(mutate, "host cp1", "ansible_host 'cp1.invalid' is not an IP address and does not resolve")


def test_resolvable_name_is_accepted():
    groups, hostvars, cluster, instances = good()
    hostvars["cp1"] = {"ansible_host": "cp1.example.org"}
    plan = build_plan(groups, hostvars, cluster, instances, resolve=lambda n: "10.0.0.99")
    assert plan["hosts"]["cp1"]["address"] == "10.0.0.99"


def test_duplicate_addresses():
    def mutate(g, hv, c, i):
        hv["w3"]["ansible_host"] = "10.0.0.41"
    one_problem(mutate, "host w3", "10.0.0.41 is also the address of host w1")


def test_duplicate_node_ip():
    def mutate(g, hv, c, i):
        hv["w3"]["node_ip"] = "10.0.0.42"
    one_problem(mutate, "host w3", "10.0.0.42 is also the address of host w2")


def test_node_ip_is_the_cluster_address():
    def mutate(g, hv, c, i):
        hv["w1"].update(ansible_host="192.168.5.41", node_ip="10.0.0.141")
    plan = plan_of(mutate)
    assert plan["hosts"]["w1"]["address"] == "10.0.0.141"
    assert plan["hosts"]["w1"]["ssh_address"] == "192.168.5.41"
    assert plan["loadbalancer"]["ports"]["80"]["backends"][0]["address"] == "10.0.0.141"

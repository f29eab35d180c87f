"""Every validation rule of the inventory contract, good and bad, on the pure logic."""

import copy

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import (
    CONTROL_PLANE_TAINT, ETCD_TAINT, PlanError, build_plan)

TOKEN = "t" * 40


def good():
    groups = {
        "etcd": ["etcd1", "etcd2", "etcd3"],
        "control_plane": ["cp1", "cp2"],
        "workers": ["w1", "w2", "w3"],
        "loadbalancers": ["lb1", "lb2"],
        "nfs_servers": ["nfs1"],
    }
    addresses = {"lb1": 11, "lb2": 12, "etcd1": 21, "etcd2": 22, "etcd3": 23, "cp1": 31, "cp2": 32,
                 "w1": 41, "w2": 42, "w3": 43, "nfs1": 51}
    hostvars = dict((h, {"ansible_host": "10.0.0.%d" % n}) for h, n in addresses.items())
    for w in groups["workers"]:
        hostvars[w].update(node_cpu=6, node_memory="24Gi")
    cluster = {
        "cluster_name": "prod",
        "rke2_token": TOKEN,
        "cluster_api_vip": "10.0.0.10",
        "cluster_api_fqdn": "k8s.example.org",
        "lb_vrrp_password": "secret12",
        "nfs_allowed_networks": ["10.0.0.0/24"],
        "letsencrypt_email": "ops@example.org",
    }
    instances = [
        {"name": "alpha", "lms_host": "learn.alpha.org"},
        {"name": "beta", "lms_host": "learn.beta.org", "cms_host": "studio.beta.org", "https": False},
    ]
    return groups, hostvars, cluster, instances


def plan_of(mutate=None):
    groups, hostvars, cluster, instances = good()
    if mutate:
        mutate(groups, hostvars, cluster, instances)
    return build_plan(groups, hostvars, cluster, instances)


def problems(mutate):
    with pytest.raises(PlanError) as info:
        plan_of(mutate)
    return [str(e) for e in info.value.errors]


def one_problem(mutate, *fragments):
    errors = problems(mutate)
    matching = [e for e in errors if all(f in e for f in fragments)]
    assert matching, "no error with %r in %r" % (fragments, errors)
    return errors


def warnings_of(mutate):
    return plan_of(mutate)["warnings"]


# --- the good inventory and what the plan says about it ---------------------

def test_good_inventory_plans_roles_join_order_and_backends():
    plan = plan_of()
    hosts = plan["hosts"]
    assert plan["bootstrap_node"] == "etcd1"
    assert plan["join_order"] == ["etcd1", "etcd2", "etcd3", "cp1", "cp2", "w1", "w2", "w3"]
    assert hosts["etcd1"]["rke2_role"] == "etcd" and hosts["etcd1"]["server_url"] is None
    # etcd servers join the bootstrap server (only their first start uses it)
    assert hosts["etcd2"]["server_url"] == hosts["etcd3"]["server_url"] == "https://10.0.0.21:9345"
    # control-plane-only servers validate their server URL on every start: never one etcd server, but
    # the load balancers' frontend to every etcd server's supervisor port
    assert hosts["cp1"]["server_url"] == hosts["cp2"]["server_url"] == "https://k8s.example.org:9346"
    assert hosts["w1"]["server_url"] == "https://k8s.example.org:9345"
    assert hosts["etcd2"]["taints"] == [ETCD_TAINT]
    assert hosts["cp2"]["taints"] == [CONTROL_PLANE_TAINT]
    assert hosts["w1"]["taints"] == []
    assert hosts["w1"]["rke2_service"] == "rke2-agent" and hosts["cp1"]["rke2_service"] == "rke2-server"
    assert hosts["lb1"]["rke2_role"] is None
    assert plan["tls_san"] == ["10.0.0.10", "k8s.example.org", "10.0.0.11", "10.0.0.12"]
    ports = plan["loadbalancer"]["ports"]
    assert [b["name"] for b in ports["6443"]["backends"]] == ["cp1", "cp2"]
    assert [b["name"] for b in ports["9345"]["backends"]] == ["cp1", "cp2"]
    assert ports["9346"]["name"] == "rke2_register_etcd"
    assert [(b["name"], b["address"], b["port"]) for b in ports["9346"]["backends"]] == [
        ("etcd1", "10.0.0.21", 9345), ("etcd2", "10.0.0.22", 9345), ("etcd3", "10.0.0.23", 9345)]
    assert list(ports) == ["6443", "9345", "9346", "80", "443"]
    assert plan["server_registration_url"] == "https://k8s.example.org:9346"
    assert plan["etcd_registration_url"] == "https://10.0.0.21:9345"
    assert [(b["address"], b["port"]) for b in ports["443"]["backends"]] == [
        ("10.0.0.41", 30443), ("10.0.0.42", 30443), ("10.0.0.43", 30443)]
    assert plan["loadbalancer"]["priorities"] == {"lb1": 150, "lb2": 140}
    assert plan["nfs"] == {"server": "nfs1", "address": "10.0.0.51", "export_path": "/srv/nfs/k8s",
                           "clients": ["w1", "w2", "w3"]}
    assert plan["warnings"] == []


def test_secrets_never_in_plan():
    plan = plan_of()
    assert "rke2_token" not in plan["cluster"] and "lb_vrrp_password" not in plan["cluster"]
    assert TOKEN not in repr(plan)


def test_instance_defaults_filled_in():
    alpha, beta = plan_of()["instances"]
    assert alpha["cms_host"] == "studio.learn.alpha.org"
    assert alpha["https"] is True and alpha["state"] == "present" and alpha["tutor_version"] == "22.0.3"
    assert alpha["resources"]["lms"] == {"requests": {"cpu": "200m", "memory": "1Gi"},
                                         "limits": {"cpu": "1", "memory": "2Gi"}}
    assert alpha["autoscaling"]["lms"]["min_replicas"] == 1
    assert beta["cms_host"] == "studio.beta.org"


def test_full_servers_on_small_cluster():
    def small(g, hv, c, i):
        g["etcd"] = ["etcd1"]
        g["control_plane"] = ["etcd1"]
        g["loadbalancers"] = ["lb1"]
        c.pop("cluster_api_vip")
    plan = plan_of(small)
    assert plan["hosts"]["etcd1"]["rke2_role"] == "server"
    assert plan["join_order"] == ["etcd1", "w1", "w2", "w3"]
    assert [b["name"] for b in plan["loadbalancer"]["ports"]["6443"]["backends"]] == ["etcd1"]
    assert any("group etcd: has 1 host" in w for w in plan["warnings"])
    assert any("group control_plane: has 1 host" in w for w in plan["warnings"])
    assert any("group loadbalancers: has 1 host" in w for w in plan["warnings"])


# --- registration URLs per node kind (rke2 server: in config.yaml) -------------

def test_control_plane_registers_through_the_vip_without_fqdn():
    def mutate(g, hv, c, i):
        c.pop("cluster_api_fqdn")
    plan = plan_of(mutate)
    assert plan["hosts"]["cp1"]["server_url"] == "https://10.0.0.10:9346"
    assert plan["hosts"]["etcd3"]["server_url"] == "https://10.0.0.21:9345"
    assert plan["hosts"]["w3"]["server_url"] == "https://10.0.0.10:9345"


def test_control_plane_registers_through_the_single_load_balancer():
    def mutate(g, hv, c, i):
        c.pop("cluster_api_fqdn")
        c.pop("cluster_api_vip")
        g["loadbalancers"] = ["lb2"]
    plan = plan_of(mutate)
    assert plan["hosts"]["cp2"]["server_url"] == "https://10.0.0.12:9346"
    assert plan["hosts"]["w1"]["server_url"] == "https://10.0.0.12:9345"


def test_ipv6_registration_urls_are_bracketed():
    def mutate(g, hv, c, i):
        c.pop("cluster_api_fqdn")
        c["cluster_api_vip"] = "fd00::10"
        hv["etcd1"]["ansible_host"] = "fd00::21"
    plan = plan_of(mutate)
    assert plan["hosts"]["cp1"]["server_url"] == "https://[fd00::10]:9346"
    assert plan["hosts"]["etcd2"]["server_url"] == "https://[fd00::21]:9345"


def test_full_servers_and_control_plane_only_servers_mixed():
    # etcd1 runs etcd and the API (a full server); cp1 runs the API only
    def mutate(g, hv, c, i):
        g["control_plane"] = ["etcd1", "cp1"]
    plan = plan_of(mutate)
    hosts, ports = plan["hosts"], plan["loadbalancer"]["ports"]
    assert hosts["etcd1"]["rke2_role"] == "server" and hosts["etcd1"]["server_url"] is None
    assert hosts["etcd2"]["server_url"] == "https://10.0.0.21:9345"
    assert hosts["cp1"]["server_url"] == "https://k8s.example.org:9346"
    assert [b["name"] for b in ports["9345"]["backends"]] == ["etcd1", "cp1"]
    assert [b["name"] for b in ports["9346"]["backends"]] == ["etcd1", "etcd2", "etcd3"]


# --- groups ----------------------------------------------------------------

@pytest.mark.parametrize("count", [0, 2, 4])
def test_etcd_count_must_be_odd(count):
    def mutate(g, hv, c, i):
        g["etcd"] = ["etcd%d" % n for n in range(1, count + 1)]
        for h in g["etcd"]:
            hv.setdefault(h, {"ansible_host": "10.0.1.%d" % (len(hv) + 1)})
    one_problem(mutate, "group etcd", "odd")


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


# --- Kubernetes node names (the inventory name becomes RKE2's node-name) -------

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


# --- cluster_api_fqdn resolves to the VIP -------------------------------------

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


# --- Pod Security level of an instance's namespace (the Tutor plugin's label) ---

@pytest.mark.parametrize("key", ["OPENEDX_OPS_POD_SECURITY", "OPENEDX_OPS_POD_SECURITY_AUDIT"])
def test_pod_security_level_must_be_a_level(key):
    def mutate(g, hv, c, i):
        i[1]["config"] = {key: "strict"}
    one_problem(mutate, "instance beta", "config.%s 'strict' is not a Pod Security level" % key,
                "privileged, baseline, restricted")


@pytest.mark.parametrize("level", ["privileged", "baseline", ""])
def test_pod_security_levels_accepted(level):
    def mutate(g, hv, c, i):
        i[0]["config"] = {"OPENEDX_OPS_POD_SECURITY": level, "OPENEDX_OPS_POD_SECURITY_AUDIT": level}
    assert not [w for w in warnings_of(mutate) if "POD_SECURITY" in w]


def test_restricted_instance_namespace_warns():
    def mutate(g, hv, c, i):
        i[0]["config"] = {"OPENEDX_OPS_POD_SECURITY": "restricted"}
    assert any(w.startswith("instance alpha: config.OPENEDX_OPS_POD_SECURITY is restricted") for w in warnings_of(mutate))


def test_unlabelled_instance_namespace_under_cis_profile_warns():
    def mutate(g, hv, c, i):
        c["rke2_cis_profile"] = True
        i[0]["config"] = {"OPENEDX_OPS_POD_SECURITY": ""}
    assert any(w.startswith("instance alpha: config.OPENEDX_OPS_POD_SECURITY is empty") and "restricted" in w
               for w in warnings_of(mutate))


# --- addresses -----------------------------------------------------------

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


# --- cluster variables ---------------------------------------------------

@pytest.mark.parametrize("token,fragment", [(None, "is required"), ("", "is required"),
                                            ("short", "at least 32 characters")])
def test_rke2_token(token, fragment):
    def mutate(g, hv, c, i):
        c["rke2_token"] = token
    one_problem(mutate, "rke2_token", fragment)


@pytest.mark.parametrize("name", [None, "Prod", "prod_1", "-prod", "x" * 64])
def test_cluster_name(name):
    def mutate(g, hv, c, i):
        c["cluster_name"] = name
    one_problem(mutate, "cluster_name")


@pytest.mark.parametrize("http,https,fragment", [
    (80, 30443, "ingress_http_nodeport"), (30080, 40000, "ingress_https_nodeport"),
    (29999, 30443, "ingress_http_nodeport"), ("30080", 30443, "ingress_http_nodeport"),
    (30080, 30080, "need different NodePorts")])
def test_nodeports(http, https, fragment):
    def mutate(g, hv, c, i):
        c.update(ingress_http_nodeport=http, ingress_https_nodeport=https)
    one_problem(mutate, fragment)


@pytest.mark.parametrize("networks,fragment", [
    (None, "nfs_allowed_networks: is required"), ([], "is required"), ("10.0.0.0/24", "must be a list"),
    (["10.0.0.0/33"], "nfs_allowed_networks[0]"), (["10.0.0.0/24", "10.0.0.1/24"], "nfs_allowed_networks[1]"),
    (["ten/8"], "not a valid CIDR")])
def test_nfs_allowed_networks(networks, fragment):
    def mutate(g, hv, c, i):
        c["nfs_allowed_networks"] = networks
    one_problem(mutate, fragment)


@pytest.mark.parametrize("key,value,fragment", [
    ("rke2_version", "1.33.5", "not an RKE2 release"),
    ("lb_ingress_mode", "passthrough", "not one of: proxy_protocol, terminate_tls"),
    ("nfs_server_implementation", "samba", "not one of: kernel, ganesha"),
    ("cluster_apply", "yes", "must be true or false"),
    ("rke2_install", 1, "must be true or false"),
    ("cluster_api_fqdn", "k8s_api", "not a valid fully qualified domain name"),
    ("letsencrypt_email", "ops-at-example", "not an e-mail address"),
    ("lb_vrrp_router_id", 256, "1 to 255"),
    ("lb_vrrp_password", "longer-than-8", "at most 8 characters"),
    ("lb_vrrp_password", None, "is required with cluster_api_vip"),
    ("rke2_etcd_snapshot_retention", 0, "positive integer"),
    ("rke2_etcd_snapshot_schedule", "every 6h", "cron"),
    ("nfs_export_path", "srv/nfs", "absolute path"),
    ("nfs_storage_class", "NFS_Client", "DNS-1123"),
    ("harmony_values", ["x"], "mapping"),
    ("harmony_chart_version", "latest", "chart version"),
])
def test_cluster_variables(key, value, fragment):
    def mutate(g, hv, c, i):
        c[key] = value
    one_problem(mutate, key, fragment)


def test_example_secret_warns():
    def mutate(g, hv, c, i):
        c["rke2_token"] = "EXAMPLE-ONLY-" + "x" * 30
    assert any(w.startswith("rke2_token") for w in warnings_of(mutate))


# --- instances -------------------------------------------------------------

@pytest.mark.parametrize("name", ["Alpha", "al_pha", "-alpha", "a" * 64, 7])
def test_instance_name_must_be_dns_label(name):
    def mutate(g, hv, c, i):
        i[0]["name"] = name
    one_problem(mutate, "DNS-1123 label")


def test_instance_name_required_and_unique():
    def missing(g, hv, c, i):
        del i[0]["name"]
    one_problem(missing, "openedx_instances[0]", "name is required")

    def repeated(g, hv, c, i):
        i[1]["name"] = "alpha"
    one_problem(repeated, "instance alpha", "used by openedx_instances[0]")


@pytest.mark.parametrize("key,value", [("lms_host", "not a host"), ("lms_host", "localhost"),
                                       ("cms_host", "studio_.x.org"), ("lms_host", "1.2.3.4")])
def test_instance_hosts_must_be_fqdns(key, value):
    def mutate(g, hv, c, i):
        i[0][key] = value
    one_problem(mutate, "instance alpha", key, "not a valid fully qualified domain name")


def test_instance_host_required():
    def mutate(g, hv, c, i):
        del i[0]["lms_host"]
    one_problem(mutate, "instance alpha", "lms_host is required")


def test_instance_hosts_unique_across_instances():
    def mutate(g, hv, c, i):
        i[1]["cms_host"] = "learn.alpha.org"
    one_problem(mutate, "instance beta", "cms_host 'learn.alpha.org' is already used as instance alpha lms_host")

    def default_clash(g, hv, c, i):
        i[1]["lms_host"] = "studio.learn.alpha.org"
    one_problem(default_clash, "instance beta", "already used as instance alpha cms_host")


def test_https_needs_letsencrypt_email():
    def mutate(g, hv, c, i):
        del c["letsencrypt_email"]
    errors = one_problem(mutate, "instance alpha", "letsencrypt_email is not set")
    assert not any("instance beta" in e for e in errors)  # beta has https: false


def test_request_must_not_exceed_limit():
    def mutate(g, hv, c, i):
        i[0]["resources"] = {"cms": {"requests": {"memory": "3Gi"}}}
    one_problem(mutate, "instance alpha", "resources.cms", "memory request 3Gi exceeds its limit 2Gi")


@pytest.mark.parametrize("resources,fragment", [
    ({"lms": {"requests": {"cpu": "lots"}}}, "resources.lms.requests.cpu"),
    ({"lms": {"limits": {"memory": "2"}}}, "did you mean '2Gi'"),
    ({"lms": {"requests": {"gpu": 1}}}, "unknown resource 'gpu'"),
    ({"lms-worker": {}}, "unknown service 'lms-worker'"),
])
def test_bad_resources(resources, fragment):
    def mutate(g, hv, c, i):
        i[0]["resources"] = resources
    one_problem(mutate, "instance alpha", fragment)


def test_min_replicas_above_max():
    def mutate(g, hv, c, i):
        i[1]["autoscaling"] = {"lms": {"min_replicas": 5, "max_replicas": 3}}
    one_problem(mutate, "instance beta", "autoscaling.lms: min_replicas 5 is greater than max_replicas 3")


@pytest.mark.parametrize("autoscaling,fragment", [
    ({"lms": {"min_replicas": 0}}, "min_replicas must be an integer of at least 1"),
    ({"cms": {"target_cpu_utilization": 150}}, "percentage"),
    ({"lms": {"max_replica": 3}}, "unknown key 'max_replica'"),
])
def test_bad_autoscaling(autoscaling, fragment):
    def mutate(g, hv, c, i):
        i[0]["autoscaling"] = autoscaling
    one_problem(mutate, "instance alpha", fragment)


def test_unknown_instance_key_is_named():
    def mutate(g, hv, c, i):
        i[0]["lms_hots"] = "x.org"
    one_problem(mutate, "instance alpha", "unknown key 'lms_hots'")


def test_plugins_shape():
    def mutate(g, hv, c, i):
        i[0]["plugins"] = ["tutor-contrib-foo"]
    one_problem(mutate, "instance alpha", "plugins[0] must be a mapping with 'name'")


def test_all_problems_reported_together():
    def mutate(g, hv, c, i):
        g["etcd"] = ["etcd1", "etcd2"]
        c["rke2_token"] = "short"
        c["ingress_https_nodeport"] = 30080
        i[1]["name"] = "alpha"
    errors = problems(mutate)
    assert len(errors) == 4
    assert any(e.startswith("group etcd") for e in errors)
    assert any(e.startswith("rke2_token") for e in errors)
    assert any("NodePorts" in e for e in errors)
    assert any(e.startswith("instance alpha") and "unique" in e for e in errors)


def test_absent_instance_skips_https_check_and_capacity():
    def mutate(g, hv, c, i):
        del c["letsencrypt_email"]
        i[0]["state"] = "absent"
    plan = plan_of(mutate)
    assert plan["capacity"]["at_min"]["pods"] == 4  # beta only


def test_input_is_not_modified():
    groups, hostvars, cluster, instances = good()
    before = copy.deepcopy((groups, hostvars, cluster, instances))
    build_plan(groups, hostvars, cluster, instances)
    assert (groups, hostvars, cluster, instances) == before


def test_blank_token_is_refused():
    def mutate(g, hv, c, i):
        c["rke2_token"] = " " * 40
    one_problem(mutate, "rke2_token", "only white space")


def test_instance_secrets_become_names_only():
    def mutate(g, hv, c, i):
        i[0]["secrets"] = {"MYSQL_ROOT_PASSWORD": "s3cret-value", "OPENEDX_SECRET_KEY": "another-one"}
    plan = plan_of(mutate)
    alpha = plan["instances"][0]
    assert alpha["secret_keys"] == ["MYSQL_ROOT_PASSWORD", "OPENEDX_SECRET_KEY"]
    assert "s3cret-value" not in repr(plan) and "another-one" not in repr(plan)


def test_instance_secret_also_in_config_is_refused():
    def mutate(g, hv, c, i):
        i[0]["secrets"] = {"MYSQL_ROOT_PASSWORD": "s3cret-value"}
        i[0]["config"] = {"MYSQL_ROOT_PASSWORD": "other"}
    one_problem(mutate, "instance alpha", "in both config and secrets")


def test_kubeconfig_defaults_to_the_fetched_one():
    plan = build_plan(*good(), inventory_dir="/inv")
    assert plan["kubeconfig"] == "/inv/artifacts/prod.kubeconfig"


def test_every_instance_autoscales_without_listing_the_plugin():
    def mutate(g, hv, c, i):
        i[0]["tutor_version"] = "18.2.2"
        i[0]["plugins"] = [{"name": "k8s_harmony", "pip": "tutor-contrib-harmony==18.0.1"}]
    alpha, beta = plan_of(mutate)["instances"]
    assert {"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==18.0.1"} in alpha["plugins"]
    assert {"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"} in beta["plugins"]
    assert alpha["autoscaled"] and beta["autoscaled"]


def test_a_listed_autoscaling_plugin_is_kept_as_listed():
    def mutate(g, hv, c, i):
        i[0]["plugins"] = [{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.0.0"}]
    alpha = plan_of(mutate)["instances"][0]
    assert [p["pip"] for p in alpha["plugins"]] == ["tutor-contrib-pod-autoscaling==22.0.0"]


def test_declared_autoscaling_on_a_release_without_the_plugin_is_refused():
    def mutate(g, hv, c, i):
        i[0]["tutor_version"] = "17.0.6"
        i[0]["autoscaling"] = {"lms": {"min_replicas": 2, "max_replicas": 3}}
    one_problem(mutate, "instance alpha", "no release for Tutor 17.0.6")


# --- whole-string, ASCII-only rules (a trailing newline or a look-alike letter would reach config files) ----

@pytest.mark.parametrize("key,value,fragment", [
    ("cluster_name", "prod\n", "cluster_name"),
    ("rke2_version", "v1.35.4+rke2r1\n", "rke2_version"),
    ("rke2_version", "v1.35.4+rke2r\u0661", "rke2_version"),
    ("cluster_api_fqdn", "k8s.example.org\n", "cluster_api_fqdn"),
    ("cluster_api_fqdn", "\u212a8s.example.org", "cluster_api_fqdn"),
    ("cluster_api_fqdn", "k8s.example.org.", "cluster_api_fqdn"),
    ("letsencrypt_email", "ops@example.org\n", "letsencrypt_email"),
    ("nfs_storage_class", "nfs\n", "nfs_storage_class"),
])
def test_cluster_values_must_match_whole_and_ascii(key, value, fragment):
    def mutate(g, h, c, i):
        c[key] = value
    one_problem(mutate, fragment)


@pytest.mark.parametrize("field,value", [("name", "alpha\n"), ("lms_host", "learn.alpha.org\n"),
                                         ("lms_host", "learn.alpha.org."), ("tutor_version", "22.0.3\n"),
                                         ("tutor_version", "22.0.\u0663")])
def test_instance_values_must_match_whole_and_ascii(field, value):
    def mutate(g, h, c, i):
        i[0][field] = value
    assert problems(mutate)


@pytest.mark.parametrize("key,value", [("node_taints", ["dedicated=x:NoSchedule\n"]),
                                       ("node_labels", ["tier=web\n"]), ("node_labels", ["tier=web app"]),
                                       ("node_labels", ["tier=" + "v" * 64])])
def test_node_taints_and_label_values_must_match_whole(key, value):
    def mutate(g, h, c, i):
        h["w1"][key] = value
    one_problem(mutate, "host w1", key)

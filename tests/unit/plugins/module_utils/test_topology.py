"""The plan of a good inventory: roles, join order, registration, backends; problems reported together."""

import copy

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import CONTROL_PLANE_TAINT, ETCD_TAINT, build_plan

from .topology_cases import TOKEN, good, one_problem, plan_of, problems


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
                           "clients": ["w1", "w2", "w3"],
                           "client_addresses": ["10.0.0.41", "10.0.0.42", "10.0.0.43"]}
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


def test_ipv6_vip_and_node_addresses_are_refused():
    # keepalived (a /32 VIP), HAProxy backends, exports and firewall rules are IPv4 only.
    def mutate(g, hv, c, i):
        c.pop("cluster_api_fqdn")
        c["cluster_api_vip"] = "fd00::10"
        hv["etcd1"]["ansible_host"] = "fd00::21"
    errors = problems(mutate)
    assert any(e.startswith("cluster_api_vip: the VIP fd00::10 is an IPv6 address") for e in errors), errors
    assert any(e.startswith("host etcd1: ansible_host fd00::21 is an IPv6 address") and "node_ip" in e
               for e in errors), errors


def test_ipv6_ssh_address_with_ipv4_node_ip_passes():
    def mutate(g, hv, c, i):
        hv["etcd1"].update(ansible_host="fd00::21", node_ip="10.0.0.21")
    assert plan_of(mutate)["hosts"]["etcd1"]["address"] == "10.0.0.21"


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


@pytest.mark.parametrize("count", [0, 2, 4])
def test_etcd_count_must_be_odd(count):
    def mutate(g, hv, c, i):
        g["etcd"] = ["etcd%d" % n for n in range(1, count + 1)]
        for h in g["etcd"]:
            hv.setdefault(h, {"ansible_host": "10.0.1.%d" % (len(hv) + 1)})
    one_problem(mutate, "group etcd", "odd")


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


def test_kubeconfig_defaults_to_the_fetched_one():
    plan = build_plan(*good(), inventory_dir="/inv")
    assert plan["kubeconfig"] == "/inv/artifacts/prod.kubeconfig"

"""Rules of the cluster variables of the contract."""

import pytest

from .topology_cases import TOKEN, one_problem, plan_of, problems, warnings_of


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


def test_blank_token_is_refused():
    def mutate(g, hv, c, i):
        c["rke2_token"] = " " * 40
    one_problem(mutate, "rke2_token", "only white space")


@pytest.mark.parametrize("field,value", [("name", "alpha\n"), ("lms_host", "learn.alpha.org\n"),
                                         ("lms_host", "learn.alpha.org."), ("tutor_version", "22.0.3\n"),
                                         ("tutor_version", "22.0.\u0663")])
def test_instance_values_must_match_whole_and_ascii(field, value):
    def mutate(g, h, c, i):
        i[0][field] = value
    assert problems(mutate)


# Issue 17: values written into host configuration files, checked before any host is touched.
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import (  # noqa: E402
    cron_problem, nfs_path_problem, secret_shape)


@pytest.mark.parametrize("expression", ["0 */6 * * *", "*/15 0-23/2 1,15 JAN-jun mon-fri", "0 0 * * 7", "@daily",
                                        "5 4 * * SUN"])
def test_cron_expressions_accepted(expression):
    assert cron_problem(expression) is None


@pytest.mark.parametrize("expression,fragment", [
    ("61 * * * *", "minute field '61'"), ("* * * * * *", "6 fields"), ("0 */0 * * *", "step"),
    ("0 5-2 * * *", "ends before it starts"), ("0 0 32 * *", "day of month"), ("0\t0 * * *", "spaces"),
    ("0 0 * * MON;reboot", "day of week"), (5, "string"), ("@reboot", "5"), ("", "0 fields")])
def test_cron_expressions_refused(expression, fragment):
    assert fragment in cron_problem(expression)


@pytest.mark.parametrize("path", ["/srv/nfs/k8s", "/data/nfs", "/var/nfs/k8s", "/mnt/storage/k8s", "/home/nfs-exports"])
def test_nfs_paths_accepted(path):
    assert nfs_path_problem(path) is None


@pytest.mark.parametrize("path,fragment", [
    ("/srv/..", "normalised"), ("/srv/./nfs", "normalised"), ("/etc", "system directory (/etc)"),
    ("/var/lib/docker", "below a system directory (/var/lib)"), ("/root/nfs", "(/root)"), ("/proc/1", "(/proc)"),
    ("/srv", "top-level"), ("/", "may hold only"), ("/srv/nfs/", "trailing"), ("/srv//nfs", "may hold only"),
    ("/srv/nfs k8s", "no spaces"), ("/srv/nfs\n", "may hold only"), ("srv/nfs", "absolute"), ("/srv/\u00e9", "may hold"),
    ('/srv/"x', "quotes"), (None, "absolute")])
def test_nfs_paths_refused(path, fragment):
    assert fragment in nfs_path_problem(path)


@pytest.mark.parametrize("interface", ["eth0\n    notify_master /tmp/x", "eth 0", "a" * 16, "..", "", 5, "eth0}"])
def test_vrrp_interface_refused(interface):
    one_problem(lambda g, hv, c, i: c.update(lb_vrrp_interface=interface), "lb_vrrp_interface")


@pytest.mark.parametrize("password", ["ab}{cd", "a b", "pa#ss", 'x"y', "x!y"])
def test_vrrp_password_characters_refused(password):
    one_problem(lambda g, hv, c, i: c.update(lb_vrrp_password=password), "lb_vrrp_password", "may hold only")


def test_lab_secret_only_in_a_lab_inventory():
    lab_token = "lab-only-not-a-secret-rke2-token-0123456789"
    one_problem(lambda g, hv, c, i: c.update(rke2_token=lab_token), "rke2_token", "LAB-ONLY")
    one_problem(lambda g, hv, c, i: c.update(rke2_agent_token=lab_token), "rke2_agent_token", "LAB-ONLY")
    assert plan_of(lambda g, hv, c, i: c.update(rke2_token=lab_token, cluster_lab=True))["cluster"]["cluster_lab"]


def test_agent_token_rules():
    one_problem(lambda g, hv, c, i: c.update(rke2_agent_token="short"), "rke2_agent_token", "too short")
    one_problem(lambda g, hv, c, i: c.update(rke2_agent_token="a b" * 20), "rke2_agent_token", "printable")
    warnings = warnings_of(lambda g, hv, c, i: c.pop("rke2_agent_token"))
    assert any(w.startswith("rke2_agent_token: is not set") for w in warnings)


@pytest.mark.parametrize("key", ["nfs_allowed_networks", "lb_api_allowed_networks"])
@pytest.mark.parametrize("network,fragment", [("0.0.0.0/0", "every address"), ("::/0", "IPv6"),
                                              ("fd00::/64", "IPv6"), ("10.0.0.1/24", "valid CIDR")])
def test_networks_refused(key, network, fragment):
    one_problem(lambda g, hv, c, i: c.update({key: ["10.0.0.0/24", network]}), "%s[1]" % key, fragment)


def test_a_mapping_posing_as_a_secret_shape_is_a_mapping():
    # rke2_token: {_secret_shape: true} in an inventory must not reach the checks as a shape
    assert secret_shape({"_secret_shape": True})["type"] == "mapping"
    one_problem(lambda g, hv, c, i: c.update(rke2_token={"_secret_shape": True}), "rke2_token", "must be a string")


def test_no_secret_and_no_credential_in_the_plan():
    plan = plan_of(lambda g, hv, c, i: c.update(harmony_values={"x": {"password": "hunter2-secret"}}))
    text = repr(plan)
    assert "hunter2-secret" not in text and TOKEN not in text and "secret12" not in text
    assert "harmony_values" not in plan["cluster"] and "rke2_agent_token" not in plan["cluster"]
    one_problem(lambda g, hv, c, i: i[0].update(config={"MYSQL_ROOT_PASSWORD": "x"}), "config.MYSQL_ROOT_PASSWORD",
                "credential")

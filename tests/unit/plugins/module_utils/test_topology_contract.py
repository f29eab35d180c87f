"""Rules of the cluster variables of the contract."""

import pytest

from .topology_cases import one_problem, problems, warnings_of


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

"""Rules and defaults of openedx_instances: names, hosts, secrets, resources, autoscaling, Pod Security."""

import pytest

from .topology_cases import one_problem, plan_of, problems, warnings_of


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


@pytest.mark.parametrize("key,value", [("node_taints", ["dedicated=x:NoSchedule\n"]),
                                       ("node_labels", ["tier=web\n"]), ("node_labels", ["tier=web app"]),
                                       ("node_labels", ["tier=" + "v" * 64])])
def test_node_taints_and_label_values_must_match_whole(key, value):
    def mutate(g, h, c, i):
        h["w1"][key] = value
    one_problem(mutate, "host w1", key)


def test_the_plan_runs_the_instance_rules():
    """build_plan refuses what instance_rules refuses (settings the collection owns, pip options), naming the
    instance, together with every other problem."""
    def mutate(g, hv, cluster, instances):
        instances[0]["config"] = {"K8S_NAMESPACE": "kube-system"}
        instances[1]["plugins"] = [{"name": "x", "pip": "--index-url=https://evil.invalid/simple tutor-x"}]
    errors = problems(mutate)
    assert any(e.startswith("instance alpha: config.K8S_NAMESPACE is set by the collection") for e in errors)
    assert any(e.startswith("instance beta: plugins[0] pip '--index-url") for e in errors)

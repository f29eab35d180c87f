"""Tutor settings of an instance from the plan."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    SettingsError, autoscaling_services, celery_concurrency, effective_plugins, instance_settings, venv_name,
    requirements_installed, venv_requirements)

from .topology_cases import normalised_instance as instance


def test_defaults_web_proxy_off_own_ingress():
    config, plugins = instance_settings(instance())
    assert config["ENABLE_WEB_PROXY"] is False and config["ENABLE_HTTPS"] is True
    assert config["LMS_HOST"] == "learn.campus.org" and config["CMS_HOST"] == "studio.learn.campus.org"
    assert config["K8S_NAMESPACE"] == "campus"
    assert config["OPENEDX_OPS_INGRESS"] is True and config["OPENEDX_OPS_INGRESS_CLASS"] == "traefik"
    assert config["OPENEDX_OPS_RESOURCES"]["lms-worker"] == {
        "requests": {"cpu": "200m", "memory": "1Gi"}, "limits": {"cpu": "1", "memory": "2Gi"}}
    # Autoscaling by default (the plan added the plugin), the MFEs at the Tutor release by default.
    assert plugins == ["openedx_ops", "pod-autoscaling", "mfe"]
    assert config["POD_AUTOSCALING_EXTRA_SERVICES"]["lms"]["min_replicas"] == 1


def test_harmony_plugin_makes_the_ingress():
    config, plugins = instance_settings(
        instance(tutor_version="18.2.2", plugins=[{"name": "k8s_harmony", "pip": "tutor-contrib-harmony==18.0.1"}]),
        harmony_namespace="harmony")
    assert config["K8S_HARMONY_NAMESPACE"] == "harmony"
    # harmony's default class is nginx; the cluster's is traefik
    assert config["K8S_HARMONY_INGRESS_CLASS_NAME"] == "traefik"
    # the collection's plugin still routes the hosts harmony leaves out (it knows which)
    assert config["OPENEDX_OPS_INGRESS"] is True
    # harmony's overrides point search at a shared cluster: the instance's own Elasticsearch instead
    assert config["RUN_ELASTICSEARCH"] is True and config["ELASTICSEARCH_HOST"] == "elasticsearch"
    assert plugins == ["openedx_ops", "k8s_harmony", "pod-autoscaling", "mfe"]


def test_harmony_shared_search_when_asked():
    config = instance_settings(instance(tutor_version="18.2.2", plugins=[
        {"name": "k8s_harmony", "pip": "tutor-contrib-harmony==18.0.1"}],
        config={"K8S_HARMONY_ENABLE_SHARED_SEARCH_CLUSTER": True}))[0]
    assert "RUN_ELASTICSEARCH" not in config and "ELASTICSEARCH_HOST" not in config


def test_mfe_plugin_at_the_tutor_release():
    assert {"name": "mfe", "pip": "tutor-mfe==18.1.1"} in effective_plugins(instance(tutor_version="18.2.2"))
    assert {"name": "mfe", "pip": "tutor-mfe==22.1.0"} in effective_plugins(instance())
    own = instance(plugins=[{"name": "mfe", "pip": "tutor-mfe==22.0.0"}])
    assert [p["pip"] for p in effective_plugins(own) if p["name"] == "mfe"] == ["tutor-mfe==22.0.0"]
    assert "tutor-mfe==22.1.0" in venv_requirements(instance())


def test_two_web_replicas_when_the_plan_has_room():
    config = instance_settings(instance(), room=True)[0]
    services = config["POD_AUTOSCALING_EXTRA_SERVICES"]
    assert services["lms"]["min_replicas"] == 2 and services["cms"]["min_replicas"] == 2
    assert services["lms-worker"]["min_replicas"] == 1
    assert config["OPENEDX_OPS_REPLICAS"] == {"caddy": 2, "mfe": 2}
    # without room, as declared; a declared minimum above 2 stays; max_replicas 1 caps it
    assert instance_settings(instance())[0]["OPENEDX_OPS_REPLICAS"] == {"caddy": 1, "mfe": 1}
    big = instance(autoscaling={"lms": {"min_replicas": 3, "max_replicas": 5},
                                "cms": {"min_replicas": 1, "max_replicas": 1}})
    services = instance_settings(big, room=True)[0]["POD_AUTOSCALING_EXTRA_SERVICES"]
    assert services["lms"]["min_replicas"] == 3 and services["cms"]["min_replicas"] == 1


def test_replicas_of_lms_and_cms_without_autoscaler():
    inst = instance(tutor_version="17.0.0")  # no pod-autoscaling release: no HorizontalPodAutoscaler
    replicas = instance_settings(inst, room=True)[0]["OPENEDX_OPS_REPLICAS"]
    assert replicas == {"caddy": 2, "lms": 2, "cms": 2, "lms-worker": 1, "cms-worker": 1}


def test_celery_concurrency_from_the_worker_limit():
    assert celery_concurrency(instance()) == {"lms-worker": 4, "cms-worker": 4}  # 2Gi / 400Mi - 1 (parent)
    small = instance(resources={"cms_worker": {"requests": {"memory": "256Mi"}, "limits": {"memory": "512Mi"}}})
    assert celery_concurrency(small)["cms-worker"] == 1
    given = instance(config={"OPENEDX_OPS_CELERY_CONCURRENCY": {"lms-worker": 2}})
    config = instance_settings(given)[0]
    assert config["OPENEDX_OPS_CELERY_CONCURRENCY"] == {"lms-worker": 2, "cms-worker": 4}


def test_owned_settings_in_config_are_refused():
    with pytest.raises(SettingsError) as info:
        instance_settings(instance(config={"ENABLE_WEB_PROXY": True, "K8S_NAMESPACE": "x"}))
    assert "instance campus: config sets ENABLE_WEB_PROXY, K8S_NAMESPACE" in str(info.value)


def test_network_policy_admits_the_ingress_namespace():
    assert instance_settings(instance())[0]["OPENEDX_OPS_INGRESS_NAMESPACE"] == "harmony"
    config = instance_settings(instance(), harmony_namespace="h", ingress_namespace="kube-system")[0]
    assert config["OPENEDX_OPS_INGRESS_NAMESPACE"] == "kube-system"


def test_pod_autoscaling_from_inventory():
    inst = instance(plugins=[{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}],
                    resources={"lms": {"requests": {"cpu": "300m", "memory": "1536Mi"}}},
                    autoscaling={"lms": {"min_replicas": 2, "max_replicas": 6, "target_cpu_utilization": 70}})
    config = instance_settings(inst)[0]
    lms = config["POD_AUTOSCALING_EXTRA_SERVICES"]["lms"]
    # the plugin compares cpu with 0: numbers, in cores
    assert lms["cpu_request"] == 0.3 and lms["cpu_limit"] == 1
    assert lms["memory_request"] == "1536Mi" and lms["min_replicas"] == 2 and lms["max_replicas"] == 6
    assert lms["avg_cpu"] == 70 and lms["enable_hpa"] is True
    assert set(config["POD_AUTOSCALING_EXTRA_SERVICES"]) == {"lms", "cms", "lms-worker", "cms-worker"}
    assert autoscaling_services(inst)["cms-worker"]["cpu_request"] == 0.2


def test_uwsgi_workers_and_operator_config_wins():
    config = instance_settings(instance(uwsgi_workers=4, config={"PLATFORM_NAME": "X"}))[0]
    assert config["OPENEDX_LMS_UWSGI_WORKERS"] == 4 and config["OPENEDX_CMS_UWSGI_WORKERS"] == 4
    assert config["PLATFORM_NAME"] == "X"


def test_lessons_switch_off():
    config = instance_settings(instance(lessons={"probes": False, "conn_max_age": False, "resources": False}))[0]
    assert config["OPENEDX_OPS_PROBES"] is False and config["OPENEDX_OPS_CONN_MAX_AGE"] == 0
    assert config["OPENEDX_OPS_RESOURCES"] == {}
    with pytest.raises(SettingsError):
        inst = instance()
        inst["lessons"] = {"probe": False}
        instance_settings(inst)


def test_resources_lesson_off_turns_the_autoscalers_off_too():
    """The pod-autoscaling plugin writes resources for every service it scales, and its autoscalers need CPU
    requests: with the resources lesson off it neither scales nor writes resources, and the Deployments keep
    their minimum replicas."""
    on, plugins = instance_settings(instance())
    off = instance_settings(instance(lessons={"resources": False}))[0]
    assert "pod-autoscaling" in plugins
    assert all(s["enable_hpa"] for s in on["POD_AUTOSCALING_EXTRA_SERVICES"].values())
    assert "lms" not in on["OPENEDX_OPS_REPLICAS"]
    services = off["POD_AUTOSCALING_EXTRA_SERVICES"]
    assert set(services) == {"lms", "cms", "lms-worker", "cms-worker"}
    assert not any(s["enable_hpa"] for s in services.values())
    assert off["OPENEDX_OPS_REPLICAS"]["lms"] == 1 and off["OPENEDX_OPS_REPLICAS"]["lms-worker"] == 1


def test_unknown_lesson_is_an_inventory_error():
    with pytest.raises(PlanError) as info:
        instance(lessons={"probe": False})
    assert "instance campus: lessons has no switch 'probe'" in str(info.value)


def test_secrets_are_not_settings():
    config = instance_settings(instance(secrets={"MYSQL_ROOT_PASSWORD": "s3cret"}))[0]
    assert "MYSQL_ROOT_PASSWORD" not in config


def test_virtualenvs_shared_by_release_and_plugins():
    a = instance(plugins=[{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}])
    b = instance(name="other", lms_host="x.org", plugins=[{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}])
    c = instance(tutor_version="18.2.2")
    assert venv_name(a) == venv_name(b) != venv_name(c)
    assert venv_name(c).startswith("tutor-18.2.2-")
    assert venv_requirements(a) == ["tutor==22.0.3", "tutor-contrib-pod-autoscaling==22.1.0", "tutor-mfe==22.1.0"]


def _client(xff, index):
    """The address edx-django-utils' get_client_ip takes with CLOSEST_CLIENT_IP_FROM_HEADERS (index into the
    comma-separated X-Forwarded-For, negative from the right)."""
    return [part.strip() for part in xff.split(",")][index]


def test_the_client_address_is_the_right_hop_in_both_modes():
    forged = "6.6.6.6"
    # proxy_protocol: Traefik sets the client from the PROXY header (a client's own header is dropped), Caddy
    # appends Traefik's pod.
    proxy = instance_settings(instance())[0]["OPENEDX_OPS_CLIENT_IP_INDEX"]
    assert _client("203.0.113.7, 10.42.1.5", proxy) == "203.0.113.7"
    # terminate_tls: HAProxy appends the client after what it sent, Traefik the load balancer, Caddy Traefik.
    tls = instance_settings(instance(), lb_ingress_mode="terminate_tls")[0]["OPENEDX_OPS_CLIENT_IP_INDEX"]
    assert _client("%s, 203.0.113.7, 10.0.0.11, 10.42.1.5" % forged, tls) == "203.0.113.7"
    assert (proxy, tls) == (-2, -3)
    # ingress-nginx appends its (real-IP) remote address, the client, in both modes.
    assert instance_settings(instance(), ingress_class="nginx", lb_ingress_mode="terminate_tls")[0][
        "OPENEDX_OPS_CLIENT_IP_INDEX"] == -2


def test_the_client_ip_index_is_the_collections():
    with pytest.raises(SettingsError):
        instance_settings(instance(config={"OPENEDX_OPS_CLIENT_IP_INDEX": -1}))


DIST_INFOS = ["tutor-22.0.3.dist-info", "tutor_contrib_pod_autoscaling-22.1.0.dist-info", "tutor_mfe-22.1.0.dist-info",
              "PyYAML-6.0.2.dist-info", "pip-24.0.dist-info"]


@pytest.mark.parametrize("requirements, installed", [
    (["tutor==22.0.3", "tutor-contrib-pod-autoscaling==22.1.0", "tutor-mfe==22.1.0"], True),
    (["tutor==22.0.3", "pyyaml==6.0.2"], True),  # names compare as pip writes them, without case
    (["tutor==22.0.4"], False),  # another release
    (["tutor==22.0.3", "tutor-indigo==22.0.0"], False),  # a plugin not there yet
    (["tutor>=22.0.3"], False),  # not pinned: pip decides
    (["tutor-mfe @ https://example.test/tutor_mfe-22.1.0-py3-none-any.whl"], False),
    ([], True),
])
def test_a_virtualenv_holding_every_pinned_requirement_needs_no_pip(requirements, installed):
    assert requirements_installed(requirements, DIST_INFOS) is installed
    assert requirements_installed(requirements or ["tutor==22.0.3"], []) is False


def test_the_venvs_filter_reads_each_virtualenv_on_the_controller(tmp_path):
    """tutor_venvs(venvs_dir): what the role's pip task is skipped on, read from the virtualenvs' directories."""
    from ansible_collections.openedx_ops.baremetal.plugins.filter.tutor_instance_settings import tutor_venvs
    inst = instance()
    (venv,) = tutor_venvs([inst], str(tmp_path))
    assert venv["name"] == venv_name(inst) and venv["installed"] is False  # no virtualenv yet
    site = tmp_path / venv["name"] / "lib" / "python3.12" / "site-packages"
    for requirement in venv["requirements"][:-1]:
        name, version = requirement.split("==")
        (site / ("%s-%s.dist-info" % (name.replace("-", "_"), version))).mkdir(parents=True)
    assert tutor_venvs([inst], str(tmp_path))[0]["installed"] is False  # one requirement still missing
    name, version = venv["requirements"][-1].split("==")
    (site / ("%s-%s.dist-info" % (name.replace("-", "_"), version))).mkdir()
    assert tutor_venvs([inst], str(tmp_path))[0]["installed"] is True
    assert "installed" not in tutor_venvs([inst])[0]

"""Tutor settings of an instance from the plan."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError, build_plan
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    SettingsError, autoscaling_services, instance_settings, venv_name, venv_requirements)

from .topology_cases import good


def instance(**item):
    groups, hostvars, cluster = good()[:3]
    base = {"name": "campus", "lms_host": "learn.campus.org"}
    base.update(item)
    return build_plan(groups, hostvars, cluster, [base])["instances"][0]


def test_defaults_web_proxy_off_own_ingress():
    config, plugins = instance_settings(instance())
    assert config["ENABLE_WEB_PROXY"] is False and config["ENABLE_HTTPS"] is True
    assert config["LMS_HOST"] == "learn.campus.org" and config["CMS_HOST"] == "studio.learn.campus.org"
    assert config["K8S_NAMESPACE"] == "campus"
    assert config["OPENEDX_OPS_INGRESS"] is True and config["OPENEDX_OPS_INGRESS_CLASS"] == "traefik"
    assert config["OPENEDX_OPS_RESOURCES"]["lms-worker"] == {
        "requests": {"cpu": "200m", "memory": "1Gi"}, "limits": {"cpu": "1", "memory": "2Gi"}}
    # Autoscaling by default: the plan added the pod-autoscaling plugin, and its services are filled in.
    assert plugins == ["openedx_ops", "pod-autoscaling"]
    assert config["POD_AUTOSCALING_EXTRA_SERVICES"]["lms"]["min_replicas"] == 1


def test_harmony_plugin_makes_the_ingress():
    config, plugins = instance_settings(
        instance(tutor_version="18.2.2", plugins=[{"name": "k8s_harmony", "pip": "tutor-contrib-harmony==18.0.1"}]),
        harmony_namespace="harmony")
    assert config["K8S_HARMONY_NAMESPACE"] == "harmony" and config["OPENEDX_OPS_INGRESS"] is False
    assert plugins == ["openedx_ops", "k8s_harmony", "pod-autoscaling"]


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
    config = instance_settings(instance(uwsgi_workers=8, config={"ENABLE_WEB_PROXY": True, "PLATFORM_NAME": "X"}))[0]
    assert config["OPENEDX_LMS_UWSGI_WORKERS"] == 8 and config["OPENEDX_CMS_UWSGI_WORKERS"] == 8
    assert config["ENABLE_WEB_PROXY"] is True and config["PLATFORM_NAME"] == "X"


def test_lessons_switch_off():
    config = instance_settings(instance(lessons={"probes": False, "conn_max_age": False, "resources": False}))[0]
    assert config["OPENEDX_OPS_PROBES"] is False and config["OPENEDX_OPS_CONN_MAX_AGE"] == 0
    assert config["OPENEDX_OPS_RESOURCES"] == {}
    with pytest.raises(SettingsError):
        inst = instance()
        inst["lessons"] = {"probe": False}
        instance_settings(inst)


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
    assert venv_requirements(a) == ["tutor==22.0.3", "tutor-contrib-pod-autoscaling==22.1.0"]

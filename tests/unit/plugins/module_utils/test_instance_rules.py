"""Instance rules: settings the collection owns, plugin requirements, search, uWSGI and Celery sizing."""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.instance_rules import (
    check_instance, harmony_search_override)

from .topology_cases import normalised_instance as instance

HARMONY = {"name": "k8s_harmony", "pip": "tutor-contrib-harmony==18.0.1"}


def errors(inst, context=None):
    return [m for s, m in check_instance("instance campus", inst, context) if s == "error"]


def warnings(inst, context=None):
    return [m for s, m in check_instance("instance campus", inst, context) if s == "warning"]


def test_the_default_instance_passes():
    assert check_instance("instance campus", instance()) == []


def test_settings_the_collection_owns_are_refused():
    inst = instance(config={"K8S_NAMESPACE": "other", "LMS_HOST": "x.org", "PLATFORM_NAME": "ok",
                            "K8S_HARMONY_INGRESS_CLASS_NAME": "nginx", "OPENEDX_LMS_UWSGI_WORKERS": 9})
    found = errors(inst)
    assert len(found) == 4
    assert any("config.K8S_NAMESPACE is set by the collection" in m for m in found)
    assert any("config.K8S_HARMONY_INGRESS_CLASS_NAME" in m for m in found)
    assert all(m.startswith("instance campus: ") for m in found)
    assert not any("PLATFORM_NAME" in m for m in found)


def test_pip_options_refused_and_unpinned_requirements_warned():
    inst = instance(plugins=[{"name": "x", "pip": "--index-url=https://evil.example/simple tutor-x"},
                             {"name": "y", "pip": "tutor-y>=1"},
                             {"name": "z", "pip": "git+https://example.org/z.git"},
                             {"name": "mfe", "pip": "tutor-mfe==22.1.0"}])
    assert errors(inst) == ["instance campus: plugins[0] pip '--index-url=https://evil.example/simple tutor-x' "
                            "starts with '-': a pip option, not a requirement (it could point pip at another index "
                            "or file); give a requirement like 'tutor-mfe==22.1.0'"]
    found = warnings(inst)
    assert len(found) == 2 and "plugins[1] pip 'tutor-y>=1' is not pinned" in found[0] and "plugins[2]" in found[1]


def test_shared_search_needs_the_harmony_plugin_and_a_deployed_cluster():
    shared = {"K8S_HARMONY_ENABLE_SHARED_SEARCH_CLUSTER": True}
    assert "has no harmony plugin" in errors(instance(config=shared))[0]
    legacy = instance(tutor_version="18.2.2", plugins=[HARMONY], config=shared)
    # Not set in harmony_values: the harmony role deploys OpenSearch because this instance asks for it.
    assert errors(legacy, {"shared_search_deployed": None}) == []
    assert errors(legacy, {"shared_search_deployed": True}) == []
    found = errors(legacy, {"shared_search_deployed": False})
    assert len(found) == 1 and "opensearch.enabled: false" in found[0]
    # Without the setting the instance runs its own search: nothing to refuse.
    assert errors(instance(tutor_version="18.2.2", plugins=[HARMONY]), {"shared_search_deployed": False}) == []


def test_harmony_search_override_reads_harmony_values():
    assert harmony_search_override({}) is None
    assert harmony_search_override({"opensearch": {"persistence": {}}}) is None
    assert harmony_search_override({"opensearch": {"enabled": False}}) is False
    assert harmony_search_override({"opensearch": {"enabled": True}}) is True
    assert harmony_search_override(None) is None


def test_uwsgi_workers_must_fit_the_pod_memory_limit():
    # 8 workers x 400Mi = 3200Mi > 2Gi (the lab's first campus instance)
    found = errors(instance(uwsgi_workers=8))
    assert len(found) == 2
    assert "8 uWSGI workers x 400Mi each need 3.1Gi, more than the lms pod's memory limit 2Gi" in found[0]
    assert "Lower uwsgi_workers to 5" in found[0]
    assert errors(instance(uwsgi_workers=5)) == []
    bigger = {"lms": {"limits": {"memory": "4Gi"}}, "cms": {"limits": {"memory": "4Gi"}}}
    assert errors(instance(uwsgi_workers=8, resources=bigger)) == []
    # A measured, smaller figure per worker is the instance's to give.
    assert errors(instance(uwsgi_workers=8, config={"OPENEDX_OPS_UWSGI_WORKER_MEMORY": "256Mi"})) == []
    assert "OPENEDX_OPS_UWSGI_WORKER_MEMORY" in errors(instance(config={"OPENEDX_OPS_UWSGI_WORKER_MEMORY": "lots"}))[0]


def test_celery_concurrency_must_fit_the_worker_memory_limit():
    assert errors(instance(config={"OPENEDX_OPS_CELERY_CONCURRENCY": {"lms-worker": 4}})) == []
    found = errors(instance(config={"OPENEDX_OPS_CELERY_CONCURRENCY": {"lms-worker": 8}}))
    assert len(found) == 1 and "Celery concurrency 8 of lms-worker (+1 parent) x 400Mi each need 3.5Gi, more than its memory limit 2Gi" in found[0]
    assert "must map lms-worker" in errors(instance(config={"OPENEDX_OPS_CELERY_CONCURRENCY": {"lms": 2}}))[0]
    assert "positive integer" in errors(instance(config={"OPENEDX_OPS_CELERY_CONCURRENCY": {"cms-worker": 0}}))[0]

"""roles/harmony: the collection's own chart, the checks of values for Helm's tpl and for nulls below a
subchart, and the wait for helm-controller's install Job of the current generation."""

import base64
import gzip
import io
import os
import tarfile

import jinja2
import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import chart_keys

ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "roles", "harmony")

# The source of openedx-ops-objects 1.0.0, whose .tgz roles/harmony/vars/main.yml carries as base64.
OBJECTS_CHART = {
    "openedx-ops-objects/Chart.yaml": (
        "apiVersion: v2\n"
        "name: openedx-ops-objects\n"
        "version: 1.0.0\n"
        "description: Objects of openedx_ops.baremetal applied by helm-controller, in order after the charts"
        " whose CRDs they need\n"
        "type: application\n"),
    "openedx-ops-objects/templates/objects.yaml": (
        "{{- range .Values.objects }}\n"
        "---\n"
        "{{ toYaml . }}\n"
        "{{- end }}\n"),
}


def build_objects_chart():
    """The deterministic .tgz (mtime 0, root-owned), base64: how harmony_objects_chart_content was made."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, text in OBJECTS_CHART.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return base64.b64encode(out.getvalue()).decode()


def role_vars():
    with open(os.path.join(ROLE, "vars", "main.yml")) as handle:
        return yaml.safe_load(handle)


def test_the_objects_chart_is_its_source():
    content = role_vars()["harmony_objects_chart_content"]
    with tarfile.open(fileobj=io.BytesIO(base64.b64decode(content)), mode="r:gz") as tar:
        files = dict((m.name, tar.extractfile(m).read().decode()) for m in tar.getmembers())
    # to regenerate after changing OBJECTS_CHART: print(build_objects_chart())
    assert files == OBJECTS_CHART
    assert len(content) < 4096


@pytest.mark.parametrize("text, unescaped", [
    ("/var/log/{{ openedx_instance }}/x.log", True),
    ('/var/log/{{ "{{" }} openedx_instance }}/x.log', False),
    ("no template }} at all", False),
    ('{{ "{{" }} a }} and {{ b }}', True),
    ("{{- .Values.x }}", True),
])
def test_unescaped_template(text, unescaped):
    assert chart_keys.unescaped_template(text) is unescaped


def test_tpl_values_of_vector_through_harmony():
    values = {"vector": {"customConfig": {"sinks": {"s": {"path": "/{{ x }}/a", "inputs": ["{{ y }}"]}},
                                          "ok": '{{ "{{" }} z }}'}},
              "prometheusstack": {"grafana": {"x": "{{ not passed through tpl here }}"}}}
    assert chart_keys.unescaped_tpl_values("harmony-chart", "0.11.0", values) == [
        "vector.customConfig.sinks.s.path", "vector.customConfig.sinks.s.inputs[0]"]
    assert chart_keys.unescaped_tpl_values("vector", "0.50.0", values["vector"]) == [
        "customConfig.sinks.s.path", "customConfig.sinks.s.inputs[0]"]


def test_the_vector_file_is_escaped_and_gives_vector_its_templates():
    with open(os.path.join(ROLE, "files", "vector-openedx.yml")) as handle:
        config = yaml.safe_load(handle)
    assert chart_keys.unescaped_tpl_values("vector", "0.50.0", {"customConfig": config}) == []
    # what Helm's tpl makes of it: {{ "{{" }} is a literal {{
    path = config["sinks"]["per_instance_files"]["path"].replace('{{ "{{" }}', "{{")
    assert path == "/var/log/openedx/{{ openedx_instance }}/%Y-%m-%d/{{ kubernetes.pod_node_name }}.log"


def test_nulls_below_a_subchart_are_reported_own_keys_are_not():
    values = {"clusterDomain": None, "traefik": {"providers": {"kubernetesIngressNginx": None}},
              "vector": {"customConfig": {"a": 1}}}
    assert chart_keys.null_subchart_values("harmony-chart", "0.11.0", values) == [
        "traefik.providers.kubernetesIngressNginx"]
    # a chart's own keys: Helm removes a null default
    assert chart_keys.null_subchart_values("traefik", "40.0.1", {"providers": {"kubernetesIngressNginx": None}}) == []


def test_the_filter_reports_all_three():
    from ansible_collections.openedx_ops.baremetal.plugins.filter.chart_unknown_keys import chart_unknown_keys
    found = chart_unknown_keys({"vector": {"customConfig": {"x": "{{ a }}"}},
                                "traefik": {"portz": {}, "deployment": {"kind": None}}}, "harmony-chart", "0.11.0")
    assert found == ["traefik.portz", "vector.customConfig.x (unescaped {{ in a value passed through tpl)",
                     "traefik.deployment.kind (null below a subchart: Helm does not remove a key the parent chart sets)"]


def test_the_default_values_have_the_charts_keys():
    """Every chart of harmony_charts is one the key lists know (its version pinned in defaults)."""
    with open(os.path.join(ROLE, "defaults", "main.yml")) as handle:
        defaults = yaml.safe_load(handle)
    assert ("traefik", str(defaults["harmony_traefik_chart_version"])) in chart_keys.charts()
    assert ("cert-manager", defaults["harmony_cert_manager_chart_version"]) in chart_keys.charts()
    assert ("openedx-ops-objects", "1.0.0") in chart_keys.charts()
    # the versions harmony-chart 0.11.0 pins for them
    deps = chart_keys.DEPENDENCIES[("harmony-chart", "0.11.0")]
    assert deps["traefik"] == ("traefik", str(defaults["harmony_traefik_chart_version"]))
    assert deps["cert-manager"] == ("cert-manager", defaults["harmony_cert_manager_chart_version"])


# The wait of roles/rke2_helmchart (used by harmony and nfs_provisioner), evaluated as Ansible would (plain
# Jinja tests and filters).
HELMCHART_ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "roles", "rke2_helmchart")


def _wait_task():
    with open(os.path.join(HELMCHART_ROLE, "tasks", "main.yml")) as handle:
        tasks = yaml.safe_load(handle)
    return [t for t in tasks if t["name"].startswith("Wait for the install Job of this generation")][0]


def _job(uid, *conditions):
    return {"metadata": {"uid": uid}, "status": {"conditions": [{"type": c, "status": "True"} for c in conditions]}}


@pytest.mark.parametrize("changed, old_uid, jobs, done", [
    # an unchanged chart: the existing Job is this generation's
    (False, "a", [_job("a", "Complete")], True),
    # a changed chart: the previous generation's Job, still complete, does not count ...
    (True, "a", [_job("a", "Complete")], False),
    # ... nor its absence while helm-controller replaces it, nor the new one still running
    (True, "a", [], False),
    (True, "a", [_job("b")], False),
    (True, "a", [_job("b", "Complete")], True),
    # a failed Job ends the wait (the next task reports it)
    (True, "a", [_job("b", "Failed")], True),
    # the first install: no Job before
    (True, "", [_job("b", "Complete")], True),
    (False, "a", [{"metadata": {"uid": "a"}, "status": {}}], False),
])
def test_the_wait_counts_only_the_job_of_this_generation(changed, old_uid, jobs, done):
    until = _wait_task()["until"]
    env = jinja2.Environment()
    result = env.compile_expression(until)(
        rke2_helmchart_job={"resources": jobs}, rke2_helmchart_spec_changed=changed, rke2_helmchart_old_job_uid=old_uid)
    assert bool(result) is done


@pytest.mark.parametrize("jobs, finished", [
    ([_job("a", "Complete")], True),
    ([_job("a", "Failed")], True),
    ([_job("a")], False),
    ([{"metadata": {"uid": "a"}, "status": {}}], False),
    ([], False),
])
def test_an_unchanged_chart_whose_job_has_finished_is_not_waited_for(jobs, finished):
    """A no-op run reads the Job once: the one seen before the apply is this generation's when the spec did not
    change, and the wait is skipped when it has finished (the check that follows reads it)."""
    with open(os.path.join(HELMCHART_ROLE, "tasks", "main.yml")) as handle:
        tasks = yaml.safe_load(handle)
    note = [t for t in tasks if t["name"].startswith("Note whether the apply changed")][0]
    expression = note["ansible.builtin.set_fact"]["rke2_helmchart_job_finished"].strip()[2:-2]
    result = jinja2.Environment().compile_expression(expression)(rke2_helmchart_job_before={"resources": jobs})
    assert result is finished
    assert "rke2_helmchart_spec_changed or not rke2_helmchart_job_finished" in _wait_task()["when"]


def test_the_wait_lasts_at_least_helms_timeout():
    task = _wait_task()
    with open(os.path.join(ROLE, "defaults", "main.yml")) as handle:
        defaults = yaml.safe_load(handle)
    retries = jinja2.Environment().from_string(task["retries"].replace("| int / 5", "// 1 / 5").replace(
        "| round(0, 'ceil') | int", "")).render(rke2_helmchart_wait_timeout=defaults["harmony_wait_timeout"])
    assert float(retries) * task["delay"] >= defaults["harmony_helm_timeout"]
    assert "helm-install-{{ rke2_helmchart_name }}" == task["kubernetes.core.k8s_info"]["name"]


def test_apply_applies_the_charts_in_order_each_waited_for():
    with open(os.path.join(ROLE, "tasks", "apply.yml")) as handle:
        tasks = yaml.safe_load(handle)
    names = [t["name"] for t in tasks]
    charts = [t for t in tasks if t.get("ansible.builtin.include_role", {}).get("name")
              == "openedx_ops.baremetal.rke2_helmchart"][0]
    assert charts["ansible.builtin.include_role"]["tasks_from"] == "charts.yml"
    assert charts["vars"]["rke2_helmchart_definitions"] == "{{ harmony_helmcharts }}"
    assert charts["vars"]["rke2_helmchart_wait_timeout"] == "{{ harmony_wait_timeout }}"
    # charts.yml goes through the one-chart path (apply, wait) for each chart not converged, in the given order.
    with open(os.path.join(ROLE, "..", "rke2_helmchart", "tasks", "charts.yml")) as handle:
        loop = [t for t in yaml.safe_load(handle) if "ansible.builtin.include_tasks" in t][0]
    assert loop["ansible.builtin.include_tasks"] == "main.yml"
    assert loop["loop"].startswith("{{ rke2_helmchart_definitions | selectattr(")
    assert loop["loop_control"]["loop_var"] == "rke2_helmchart_definition"
    # the HelmCharts are applied only there: the objects applied first, in one call, are not HelmCharts
    first = [t for t in tasks if "kubernetes.core.k8s" in t][0]
    assert first["kubernetes.core.k8s"]["definition"] == "{{ harmony_objects_first | select | list }}"
    with open(os.path.join(ROLE, "vars", "main.yml")) as handle:
        objects_first = yaml.safe_load(handle)["harmony_objects_first"]
    assert not [o for o in objects_first if "HelmChart" in str(o)]
    assert names.index(first["name"]) < names.index(charts["name"])

"""module_utils.helmchart_state: a chart is skipped only when the cluster holds it and its Job completed."""

import copy
import json

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.helmchart_state import charts_to_converge


def definition(name, values="a: 1\n", labels=None):
    return {"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart",
            "metadata": {"name": name, "namespace": "kube-system", "labels": labels or {"app": name}},
            "spec": {"chart": name, "version": "1.0.0", "valuesContent": values}}


def in_cluster(defn, spec_time="2026-11-28T10:00:05Z"):
    chart = copy.deepcopy(defn)
    chart["metadata"].update(uid="u-%s" % defn["metadata"]["name"], resourceVersion="7", managedFields=[
        {"manager": "OpenAPI-Generator", "operation": "Update", "time": spec_time,
         "fieldsV1": {"f:metadata": {}, "f:spec": {}}},
        # helm-controller's own later updates (finalizers, status) are not spec writes.
        {"manager": "helm-controller", "operation": "Update", "time": "2026-11-28T11:00:00Z", "fieldsV1": {"f:metadata": {}}},
        {"manager": "helm-controller", "operation": "Update", "subresource": "status", "time": "2026-11-28T11:00:00Z",
         "fieldsV1": {"f:status": {}}}])
    chart["metadata"].setdefault("annotations", {})["kubectl.kubernetes.io/last-applied-configuration"] = json.dumps(defn)
    chart["metadata"]["labels"]["added-by-someone"] = "x"
    chart["spec"]["jobImage"] = "rancher/klipper-helm"  # set by helm-controller, not by us
    return chart


def job(name, condition="Complete", status="True", created="2026-11-28T10:00:05Z"):
    return {"metadata": {"name": "helm-install-%s" % name, "creationTimestamp": created},
            "status": {"conditions": [{"type": condition, "status": status}]}}


def test_converged_charts_are_skipped_and_order_is_kept():
    defs = [definition("cert-manager"), definition("harmony"), definition("traefik")]
    charts = [in_cluster(d) for d in defs]
    jobs = [job("cert-manager"), job("harmony"), job("traefik"), job("unrelated")]
    assert charts_to_converge(defs, charts, jobs) == []
    changed = [defs[0], definition("harmony", values="a: 2\n"), defs[2]]
    assert charts_to_converge(changed, charts, jobs) == ["harmony"]
    assert charts_to_converge(list(reversed(changed)), charts, []) == ["traefik", "harmony", "cert-manager"]


def test_missing_chart_or_unfinished_job_is_pending():
    defs = [definition("a"), definition("b"), definition("c"), definition("d")]
    charts = [in_cluster(defs[1]), in_cluster(defs[2]), in_cluster(defs[3])]
    jobs = [job("a"), job("b", "Failed"), job("c", status="False")]
    assert charts_to_converge(defs, charts, jobs) == ["a", "b", "c", "d"]
    running = {"metadata": {"name": "helm-install-a"}, "status": {"active": 1}}
    assert charts_to_converge([defs[0]], [in_cluster(defs[0])], [running]) == ["a"]


def test_label_drift_and_spec_key_removed_in_cluster_are_pending():
    defn = definition("a")
    drifted = in_cluster(defn)
    drifted["metadata"]["labels"]["app"] = "other"
    assert charts_to_converge([defn], [drifted], [job("a")]) == ["a"]
    missing_key = in_cluster(defn)
    del missing_key["spec"]["version"]
    assert charts_to_converge([defn], [missing_key], [job("a")]) == ["a"]


def test_a_complete_job_older_than_the_spec_is_the_previous_generations():
    """A spec applied while helm-controller had not yet replaced the Job (down, slow): the old Job is complete with
    the old values. The chart stays pending, so the one-chart path waits for the new Job."""
    defn = definition("a")
    chart = in_cluster(defn, spec_time="2026-11-28T10:00:05Z")
    assert charts_to_converge([defn], [chart], [job("a", created="2026-11-28T09:59:59Z")]) == ["a"]
    assert charts_to_converge([defn], [chart], [job("a", created="2026-11-28T10:00:05Z")]) == []
    no_record = copy.deepcopy(chart)
    del no_record["metadata"]["managedFields"]
    assert charts_to_converge([defn], [no_record], [job("a")]) == ["a"]


def test_a_key_the_definition_dropped_is_pending():
    """The last apply set spec.repo and a label the definition no longer has: applying removes them."""
    old = definition("a")
    old["spec"]["repo"] = "https://charts.example.org"
    old["metadata"]["labels"]["tier"] = "x"
    chart = in_cluster(old)
    assert charts_to_converge([old], [chart], [job("a")]) == []
    new = definition("a")
    assert charts_to_converge([new], [chart], [job("a")]) == ["a"]

"""module_utils.helmchart_state: a chart is skipped only when the cluster holds it and its Job completed."""

import copy

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.helmchart_state import charts_to_converge


def definition(name, values="a: 1\n", labels=None):
    return {"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart",
            "metadata": {"name": name, "namespace": "kube-system", "labels": labels or {"app": name}},
            "spec": {"chart": name, "version": "1.0.0", "valuesContent": values}}


def in_cluster(defn):
    chart = copy.deepcopy(defn)
    chart["metadata"].update(uid="u-%s" % defn["metadata"]["name"], resourceVersion="7")
    chart["metadata"]["labels"]["added-by-someone"] = "x"
    chart["spec"]["jobImage"] = "rancher/klipper-helm"  # set by helm-controller, not by us
    return chart


def job(name, condition="Complete", status="True"):
    return {"metadata": {"name": "helm-install-%s" % name}, "status": {"conditions": [{"type": condition, "status": status}]}}


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

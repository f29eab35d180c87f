"""Validation of rendered objects, chart value keys, file names and merging."""

import jsonschema
import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import manifests
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.chart_keys import (
    UnknownChart, unknown_value_keys)


def helmchart(**spec):
    base = {"chart": "nfs-subdir-external-provisioner", "repo": "https://charts.example.org", "version": "4.0.18"}
    base.update(spec)
    return {"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart",
            "metadata": {"name": "nfs-provisioner", "namespace": "kube-system"}, "spec": base}


def test_helmchart_valid_and_typo_refused():
    assert manifests.validate_object(helmchart(targetNamespace="x", createNamespace=True), "1.33.0") == []
    problems = manifests.validate_object(helmchart(targetNamespce="x"), "1.33.0")
    assert len(problems) == 1 and "targetNamespce" in problems[0] and "HelmChart kube-system/nfs-provisioner" in problems[0]
    assert manifests.validate_object(helmchart(failurePolicy="ignore"), "1.33.0")


def test_core_objects_strict():
    good = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "campus"}}
    assert manifests.validate_object(good, "1.33.0") == []
    bad = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "campus"}, "spec": {"finalizer": []}}
    assert "finalizer" in manifests.validate_object(bad, "1.33.0")[0]
    wrong_type = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"},
                  "spec": {"replicas": "two", "selector": {"matchLabels": {"a": "b"}},
                           "template": {"metadata": {"labels": {"a": "b"}}, "spec": {"containers": []}}}}
    assert manifests.validate_object(wrong_type, "1.33.0")


def test_unknown_kind_is_a_problem_not_a_pass():
    obj = {"apiVersion": "example.org/v1", "kind": "Widget", "metadata": {"name": "w"}}
    assert "no schema" in manifests.validate_object(obj, "1.33.0")[0]


def test_kubernetes_version():
    assert manifests.kubernetes_version("v1.33.5+rke2r1") == "1.33.0"
    with pytest.raises(manifests.ManifestError):
        manifests.kubernetes_version("latest")


def test_file_names_are_stable_and_ordered():
    assert manifests.file_name(0, helmchart()) == "000-helmchart-kube-system-nfs-provisioner.yaml"
    assert manifests.file_name(12, {"kind": "ClusterIssuer", "metadata": {"name": "LE Prod"}}) == \
        "012-clusterissuer-le-prod.yaml"


def test_deep_merge_keeps_base_and_replaces_lists():
    base = {"a": {"b": 1, "c": [1, 2]}, "d": 1}
    merged = manifests.deep_merge(base, {"a": {"c": [3]}, "e": 2})
    assert merged == {"a": {"b": 1, "c": [3]}, "d": 1, "e": 2}
    assert base == {"a": {"b": 1, "c": [1, 2]}, "d": 1}


def test_chart_keys():
    values = {"nfs": {"server": "x", "path": "/p"}, "storageClass": {"defaultClass": True, "annotations": {"a": "b"}},
              "resources": {"requests": {"cpu": "10m"}}}
    assert unknown_value_keys("nfs-subdir-external-provisioner", "4.0.18", values) == []
    typo = {"storageClass": {"defaultClas": True}, "nfs": {"servr": "x"}}
    assert unknown_value_keys("nfs-subdir-external-provisioner", "4.0.18", typo) == [
        "storageClass.defaultClas", "nfs.servr"]
    with pytest.raises(UnknownChart):
        unknown_value_keys("nfs-subdir-external-provisioner", "9.9.9", values)


def test_schema_files_are_read_once_per_process():
    """kubernetes-validate's schema files (the kind's and the shared _definitions.json) are parsed once per
    process, not once per object: the cache manifests puts around utils.schema_contents is in place and used."""
    import kubernetes_validate.utils as kv_utils
    reader = kv_utils.schema_contents
    assert hasattr(reader, "cache_info")
    reader.cache_clear()
    objects = [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c%d" % n, "namespace": "x"},
                "data": {"k": "v"}} for n in range(5)]
    assert [manifests.validate_object(obj, "1.33.0") for obj in objects] == [[]] * 5
    info = reader.cache_info()
    assert info.misses == 2 and info.hits == 8  # configmap-v1.json and _definitions.json, read once each
    bad = dict(objects[0], data={"k": 1})
    assert manifests.validate_object(bad, "1.33.0")  # still validated against the schema


def test_load_objects_keeps_order_skips_empty_documents_and_keeps_dates_as_strings():
    text = "---\n# nothing\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {since: 2024-01-31}\n" \
           "---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n"
    objects = manifests.load_objects(text)
    assert [o["metadata"]["name"] for o in objects] == ["a", "b"]
    assert objects[0]["data"]["since"] == "2024-01-31"  # what the API server gets, not a date


def test_load_objects_names_the_bad_document_without_quoting_it():
    with pytest.raises(manifests.DocumentError, match="document 2 of the build is a list, not an object"):
        manifests.load_objects("kind: A\n---\n- s3cret-value\n")
    with pytest.raises(manifests.DocumentError) as info:
        manifests.load_objects("kind: A\npassword: [s3cret-value\n")
    assert "s3cret" not in str(info.value) and "line" in str(info.value)


def test_problems_name_the_path_and_rule_never_the_value():
    leaky = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "campus"},
             "data": {"PASSWORD": 987654321}}
    problems = manifests.validate_object(leaky, "1.33.0")
    assert problems == ["ConfigMap campus/settings: value is not of type 'string' or 'null' at data/PASSWORD"]
    problems = manifests.validate_object(helmchart(failurePolicy="s3cret-policy"), "1.33.0")
    assert len(problems) == 1 and "failurePolicy" in problems[0] and "s3cret" not in problems[0]
    assert "'extra' was unexpected" in manifests.validate_object(dict(leaky, data={}, extra=1), "1.33.0")[0]
    not_an_object = manifests.validate_object({"metadata": {"name": "x"}, "data": "s3cret"}, "1.33.0")
    assert not_an_object == ["not a Kubernetes object (no apiVersion/kind; keys: data, metadata)"]


def test_every_rule_of_schema_problem_leaves_the_value_out():
    schema = {"type": "object", "properties": {
        "name": {"type": "string", "pattern": "^[a-z]+$"}, "size": {"type": "integer", "minimum": 1},
        "kind": {"enum": ["a", "b"]}}, "required": ["name"]}
    errors = jsonschema.Draft7Validator(schema).iter_errors({"name": "S3CRET", "size": -7, "kind": "s3cret"})
    problems = sorted(manifests.schema_problem(err) for err in errors)
    assert problems == ["value breaks the schema's 'minimum' rule", "value does not match '^[a-z]+$'",
                        "value is not one of 'a', 'b'"]
    missing = next(jsonschema.Draft7Validator(schema).iter_errors({}))
    assert manifests.schema_problem(missing) == "'name' is a required property"

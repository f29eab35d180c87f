# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kubernetes objects as files: stable names, validation, and deep-merged values.

Core objects are validated with kubernetes-validate (strict, for the cluster's
Kubernetes version). Custom resources the collection writes are validated
against schemas kept here, written from the CRDs' published field lists:
helm.cattle.io/v1 HelmChart and HelmChartConfig (RKE2's helm-controller).
"""

from __future__ import annotations

import copy
import functools
import re

try:
    import yaml
    HAS_YAML = True
except ImportError:  # pragma: no cover - reported by the module
    HAS_YAML = False

try:
    import jsonschema
    HAS_JSONSCHEMA = True
except ImportError:  # pragma: no cover - reported by the module
    HAS_JSONSCHEMA = False

try:
    import kubernetes_validate
    HAS_KUBERNETES_VALIDATE = True
except ImportError:  # pragma: no cover - reported by the module
    HAS_KUBERNETES_VALIDATE = False


def _cache_schema_files():
    """kubernetes-validate reads and parses the schema file of an object's kind and the shared _definitions.json
    (megabytes) again for every object it validates: 0.4 s of the 52 objects of one Open edX instance, 0.06 s with
    each file parsed once per process. Its validate() reads them through utils.schema_contents, which is wrapped
    once in a cache here (the parsed schemas are only read). Left alone when a release has no such function."""
    utils = getattr(kubernetes_validate, "utils", None)
    reader = getattr(utils, "schema_contents", None)
    if reader is not None and not hasattr(reader, "cache_info"):
        utils.schema_contents = functools.lru_cache(maxsize=None)(reader)


if HAS_KUBERNETES_VALIDATE:
    _cache_schema_files()

_NAME = {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$"}
_METADATA = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": _NAME,
        "namespace": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "additionalProperties": False,
}
_LOCAL_REF = {"type": "object", "properties": {"name": {"type": "string"}}, "additionalProperties": False}

HELMCHART_SPEC = {
    "type": "object",
    "properties": {
        "authPassCredentials": {"type": "boolean"},
        "authSecret": _LOCAL_REF,
        "backOffLimit": {"type": "integer"},
        "bootstrap": {"type": "boolean"},
        "chart": {"type": "string"},
        "chartContent": {"type": "string"},
        "createNamespace": {"type": "boolean"},
        "dockerRegistrySecret": _LOCAL_REF,
        "driver": {"enum": ["secret", "configmap"]},
        "failurePolicy": {"enum": ["abort", "reinstall", "retry"]},
        "forceConflicts": {"type": "boolean"},
        "helmVersion": {"type": "string"},
        "insecureSkipTLSVerify": {"type": "boolean"},
        "jobImage": {"type": "string"},
        "plainHTTP": {"type": "boolean"},
        "podSecurityContext": {"type": "object"},
        "repo": {"type": "string"},
        "repoCA": {"type": "string"},
        "repoCAConfigMap": _LOCAL_REF,
        "securityContext": {"type": "object"},
        "serverSide": {"enum": ["true", "false", "auto"]},
        "set": {"type": "object"},
        "takeOwnership": {"type": "boolean"},
        "targetNamespace": {"type": "string"},
        "timeout": {"type": "string"},
        "values": {},
        "valuesContent": {"type": "string"},
        "valuesSecrets": {"type": "array"},
        "version": {"type": "string"},
    },
    "additionalProperties": False,
}
HELMCHARTCONFIG_SPEC = {
    "type": "object",
    "properties": {
        "failurePolicy": {"enum": ["abort", "reinstall", "retry"]},
        "forceConflicts": {"type": "boolean"},
        "serverSide": {"enum": ["true", "false", "auto"]},
        "values": {},
        "valuesContent": {"type": "string"},
        "valuesSecrets": {"type": "array"},
    },
    "additionalProperties": False,
}


def _crd_schema(spec):
    return {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                       "metadata": _METADATA, "spec": spec},
        "additionalProperties": False,
    }


CUSTOM_SCHEMAS = {
    ("helm.cattle.io/v1", "HelmChart"): _crd_schema(HELMCHART_SPEC),
    ("helm.cattle.io/v1", "HelmChartConfig"): _crd_schema(HELMCHARTCONFIG_SPEC),
}


class ManifestError(ValueError):
    pass


def kubernetes_version(rke2_version):
    """'v1.33.5+rke2r1' -> '1.33.0' (kubernetes-validate keeps one schema per minor)."""
    match = re.match(r"^v?1\.(\d+)\.", rke2_version or "")
    if not match:
        raise ManifestError("cannot read a Kubernetes version from '%s'" % (rke2_version,))
    return "1.%s.0" % match.group(1)


def describe(obj):
    meta = obj.get("metadata") or {}
    return "%s %s%s" % (obj.get("kind", "?"), (meta.get("namespace") + "/") if meta.get("namespace") else "",
                        meta.get("name", "?"))


# Schema errors whose text names keys only; any other error's text may quote the offending value, and rendered
# objects carry passwords (a number in a ConfigMap's data, say): their problem is said without the value.
_KEY_ONLY_ERRORS = ("additionalProperties", "required")


def schema_problem(err):
    """What a jsonschema ValidationError says, never quoting the value it rejects."""
    if err.validator in _KEY_ONLY_ERRORS:
        return err.message
    if err.validator == "type":
        kinds = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        return "value is not of type %s" % " or ".join("'%s'" % k for k in kinds)
    if err.validator == "enum":
        return "value is not one of %s" % ", ".join("'%s'" % v for v in err.validator_value)
    if err.validator == "pattern":
        return "value does not match '%s'" % err.validator_value
    return "value breaks the schema's '%s' rule" % err.validator


def validate_object(obj, version, strict=True):
    """Return a list of problems (strings) with ``obj``; empty when valid. A problem names the object, the path
    and the rule, never a value (values may be secrets)."""
    if not isinstance(obj, dict) or "apiVersion" not in obj or "kind" not in obj:
        return ["not a Kubernetes object (no apiVersion/kind; keys: %s)" % (
            ", ".join(sorted(str(k) for k in obj)) if isinstance(obj, dict) else type(obj).__name__,)]
    key = (obj["apiVersion"], obj["kind"])
    # The OpenAPI schemas do not check names; the API server does.
    meta = obj.get("metadata") or {}
    problems = []
    if not re.match(_NAME["pattern"], str(meta.get("name", ""))):
        problems.append("%s: metadata.name '%s' is not a DNS-1123 subdomain" % (describe(obj), meta.get("name")))
    if "namespace" in meta and not re.match(_METADATA["properties"]["namespace"]["pattern"], str(meta["namespace"])):
        problems.append("%s: metadata.namespace '%s' is not a DNS-1123 label" % (describe(obj), meta["namespace"]))
    if problems:
        return problems
    if key in CUSTOM_SCHEMAS:
        validator = jsonschema.Draft7Validator(CUSTOM_SCHEMAS[key])
        return ["%s: %s at %s" % (describe(obj), schema_problem(err), "/".join(str(p) for p in err.absolute_path) or "/")
                for err in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path))]
    try:
        kubernetes_validate.validate(obj, version, strict)
    except kubernetes_validate.ValidationError as exc:
        path = "/".join(str(p) for p in getattr(exc, "path", [])) or "/"
        return ["%s: %s at %s" % (describe(obj), schema_problem(exc), path)]
    except (kubernetes_validate.SchemaNotFoundError, kubernetes_validate.InvalidSchemaError) as exc:
        return ["%s: no schema for %s %s in Kubernetes %s (%s)" % (describe(obj), key[0], key[1], version, exc)]
    return []


def file_name(index, obj):
    """Stable, readable file name: order prefix, kind, namespace, name."""
    meta = obj.get("metadata") or {}
    parts = [obj.get("kind", "object").lower()]
    if meta.get("namespace"):
        parts.append(meta["namespace"])
    parts.append(meta.get("name", "unnamed"))
    return "%03d-%s.yaml" % (index, re.sub(r"[^a-z0-9.-]+", "-", "-".join(parts).lower()))


def deep_merge(base, override):
    """``override`` merged into a copy of ``base``; mappings merge, everything else is replaced."""
    result = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def unknown_keys(values, known, prefix=""):
    """Dotted paths in ``values`` that ``known`` does not allow.

    ``known`` is a set of dotted paths; a path ending in ``.*`` allows anything below it
    (free-form maps such as annotations or a chart's raw configuration). A key whose value
    is null is skipped: Helm reads it as "remove this default".
    """
    found = []
    for key, value in values.items():
        if value is None:  # a null removes a default in Helm; it sets no key
            continue
        path = "%s.%s" % (prefix, key) if prefix else str(key)
        if path + ".*" in known or (prefix + ".*" in known if prefix else False):
            continue
        if path not in known:
            found.append(path)
            continue
        if isinstance(value, dict):
            found.extend(unknown_keys(value, known, path))
    return found


class DocumentError(ValueError):
    pass


if HAS_YAML:
    _BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _ObjectLoader(_BASE_LOADER):  # pylint: disable=too-many-ancestors
        """YAML 1.1 without timestamps: an unquoted date in an object stays the string the API server reads."""

    _ObjectLoader.yaml_implicit_resolvers = dict(
        (first, [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"])
        for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items())


def load_objects(text):
    """The objects of a multi-document YAML stream (a ``kubectl kustomize`` build), in order; empty documents
    are skipped. Raises DocumentError naming the document that is not an object. The error never quotes the
    text: rendered objects carry passwords."""
    try:
        documents = list(yaml.load_all(text, Loader=_ObjectLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DocumentError("the build is not valid YAML%s" % (
            " (line %d)" % (mark.line + 1) if mark is not None else ""))
    objects = []
    for number, document in enumerate(documents, 1):
        if document is None:
            continue
        if not isinstance(document, dict):
            raise DocumentError("document %d of the build is a %s, not an object" % (number, type(document).__name__))
        objects.append(document)
    return objects

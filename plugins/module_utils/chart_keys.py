# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Value keys that the charts this collection deploys really have, per chart version.

Each set lists dotted paths read from the chart's values.yaml and templates at that
version; ``.*`` marks a free-form map below which any key is the chart's business
(annotations, resources, raw configuration). Values the collection renders are checked
against these sets, so a misspelt key fails a test instead of being ignored by Helm.
"""

from __future__ import annotations

import functools
import os

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.manifests import unknown_keys

# The generated key lists, one file per chart and version (<chart>_<version>.txt, one key per line),
# written by scripts/chart_keys.py from the chart's values.yaml at the pinned version. This module runs
# on the controller only (the chart_unknown_keys filter), inside the collection's own tree.
KEYS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "chart_keys")

# Keys the charts' templates read that their values.yaml only shows in comments, and maps
# the charts document as free-form (copied into an object as they are).
TEMPLATE_ONLY = {
    ("nfs-subdir-external-provisioner", "4.0.18"): {"storageClass.provisionerName", "priorityClassName", "buildMode"},
    # "Additional entries here will be added to the Service spec."
    ("traefik", "40.0.1"): {"service.spec.*"},
    # statefulset.yaml writes .Values.resources whole (toYaml); values.yaml shows only requests.
    ("opensearch", "2.13.3"): {"persistence.storageClass", "resources.limits", "resources.limits.cpu",
                               "resources.limits.memory"},
    # kube-state-metrics 7.0.1 (the subchart 81.0.1 pins) has metricLabelsAllowlist in its values.yaml.
    ("kube-prometheus-stack", "81.0.1"): {"grafana.adminPassword", "kube-state-metrics.metricLabelsAllowlist"},
}


def _shared_port_schema(keys):
    """Traefik's values schema gives every entry of ``ports`` one shape: a key one port shows
    exists for all of them."""
    entries = set(k.split(".")[1] for k in keys if k.startswith("ports.") and k.count(".") >= 1)
    tails = set(k.split(".", 2)[2] for k in keys if k.startswith("ports.") and k.count(".") >= 2)
    return set(keys) | set("ports.%s.%s" % (e, t) for e in entries for t in tails)


SHARED_SCHEMAS = {("traefik", "40.0.1"): _shared_port_schema}

# The collection's own charts (roles/harmony: openedx-ops-objects writes each of .Values.objects).
OWN_CHARTS = {("openedx-ops-objects", "1.0.0"): frozenset(["objects"])}


def read_keys_file(path):
    """The keys of one generated file: every line that is neither blank nor a comment."""
    with open(path) as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def generated_keys(directory=KEYS_DIR):
    """{(chart, version): keys} of every generated file in ``directory``."""
    keys = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt"):
            chart, version = name[:-len(".txt")].rsplit("_", 1)
            keys[(chart, version)] = read_keys_file(os.path.join(directory, name))
    return keys


@functools.lru_cache(maxsize=None)
def charts():
    """Every chart's known keys: the generated lists widened by shared schemas and template-only keys,
    and the collection's own charts."""
    known = dict((chart, frozenset(SHARED_SCHEMAS.get(chart, set)(keys) | set(keys) | TEMPLATE_ONLY.get(chart, set())))
                 for chart, keys in generated_keys().items())
    known.update(OWN_CHARTS)
    return known


# Values a chart passes through Helm's tpl (its templates call tpl on them): every "{{" in them is
# read as a Go template, so text meant literally (Vector's own {{ field }} templates, for one) must
# be escaped as {{ "{{" }}. Dotted paths; the value and everything below it.
TPL_VALUES = {
    # charts/vector/templates/configmap.yaml: tpl (toYaml .Values.customConfig) .
    ("vector", "0.50.0"): ("customConfig",),
}
TPL_ESCAPE = '{{ "{{" }}'

# Dependencies of a chart, by the alias their values sit under: (chart, version).
# Helm checks each dependency's values against that dependency's schema, so they are
# checked against its own key list, not the parent's.
DEPENDENCIES = {
    ("harmony-chart", "0.11.0"): {
        "traefik": ("traefik", "40.0.1"),
        "cert-manager": ("cert-manager", "v1.19.3"),
        "ingress-nginx": ("ingress-nginx", "4.15.1"),
        "vector": ("vector", "0.50.0"),
        "prometheusstack": ("kube-prometheus-stack", "81.0.1"),
        "opensearch": ("opensearch", "2.13.3"),
    },
}


class UnknownChart(KeyError):
    pass


def _strings(value, path):
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _strings(sub, "%s.%s" % (path, key) if path else str(key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _strings(sub, "%s[%d]" % (path, index))
    elif isinstance(value, str):
        yield path, value


def unescaped_template(text):
    """True when ``text`` holds a "{{" that Helm's tpl would read as a Go template, i.e. one that is
    not part of the escape {{ "{{" }} (which tpl renders as a literal "{{")."""
    return "{{" in text.replace(TPL_ESCAPE, "")


def unescaped_tpl_values(chart, version, values):
    """Dotted paths of strings in ``values`` that ``chart`` passes through tpl and that hold an
    unescaped "{{" (for a parent chart, its dependencies' values too)."""
    found = []
    for prefix in TPL_VALUES.get((chart, version), ()):
        node = values
        for part in prefix.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        found.extend(path for path, text in _strings(node, prefix) if unescaped_template(text))
    for alias, (dep_chart, dep_version) in sorted(DEPENDENCIES.get((chart, version), {}).items()):
        sub = values.get(alias)
        if isinstance(sub, dict):
            found.extend("%s.%s" % (alias, path) for path in unescaped_tpl_values(dep_chart, dep_version, sub))
    return found


def unknown_value_keys(chart, version, values):
    """Dotted paths in ``values`` that ``chart`` at ``version`` does not have."""
    try:
        known = charts()[(chart, version)]
    except KeyError:
        raise UnknownChart("no key list for chart %s %s; known: %s"
                           % (chart, version, ", ".join("%s %s" % c for c in sorted(charts()))))
    found = []
    deps = DEPENDENCIES.get((chart, version), {})
    own = dict((k, v) for k, v in values.items() if k not in deps)
    found.extend(unknown_keys(own, known))
    for alias, (dep_chart, dep_version) in sorted(deps.items()):
        sub = values.get(alias)
        if isinstance(sub, dict):
            # "enabled" is the parent's condition for the dependency, not a key of its own.
            sub = dict((k, v) for k, v in sub.items() if k != "enabled")
            found.extend("%s.%s" % (alias, path) for path in unknown_value_keys(dep_chart, dep_version, sub))
    return found


def _nulls(value, path):
    if isinstance(value, dict):
        for key, sub in value.items():
            sub_path = "%s.%s" % (path, key)
            if sub is None:
                yield sub_path
            else:
                yield from _nulls(sub, sub_path)


def null_subchart_values(chart, version, values):
    """Dotted paths of nulls in ``values`` below one of the chart's dependencies. Helm removes a key
    given as null from the chart's own defaults, but not a subchart key that the parent chart's
    values.yaml sets (harmony 0.11.0 sets traefik.providers.kubernetesIngressNginx, for one): such a
    null silently removes nothing. A dependency whose values need a key removed is its own release."""
    found = []
    for alias in sorted(DEPENDENCIES.get((chart, version), {})):
        sub = values.get(alias)
        if isinstance(sub, dict):
            found.extend(_nulls(sub, alias))
    return found

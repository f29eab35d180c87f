# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The kubeconfig RKE2 writes, made into the cluster layer's kubeconfig on the controller.

RKE2 writes /etc/rancher/rke2/rke2.yaml with one cluster, one context and one user, all named
``default``, and the server ``https://127.0.0.1:6443``. On the controller the cluster, context,
user and current context all take the cluster's name and the server becomes the API endpoint
(the VIP or FQDN behind the load balancers), so the file can sit beside other clusters' files
and be merged into a KUBECONFIG list without clashing.
"""

from __future__ import annotations

import copy


class KubeconfigError(ValueError):
    pass


def _single(config, section):
    items = config.get(section)
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict):
        raise KubeconfigError("the kubeconfig should have exactly one entry in '%s' (RKE2 writes one), got %r"
                              % (section, None if items is None else len(items) if isinstance(items, list) else items))
    return items[0]


def rewrite_kubeconfig(config, name, server):
    """A copy of RKE2's kubeconfig ``config`` (a dict) renamed to ``name`` and pointing at ``server``."""
    if not isinstance(config, dict):
        raise KubeconfigError("the kubeconfig is not a mapping")
    result = copy.deepcopy(config)
    cluster = _single(result, "clusters")
    context = _single(result, "contexts")
    user = _single(result, "users")
    if not isinstance(cluster.get("cluster"), dict) or not isinstance(context.get("context"), dict):
        raise KubeconfigError("the kubeconfig's cluster or context entry has no body")
    cluster["name"] = name
    cluster["cluster"]["server"] = server
    user["name"] = name
    context["name"] = name
    context["context"]["cluster"] = name
    context["context"]["user"] = name
    result["current-context"] = name
    return result

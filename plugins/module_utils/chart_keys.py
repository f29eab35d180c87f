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

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.manifests import unknown_keys

NFS_SUBDIR_4_0_18 = frozenset("""
replicaCount strategyType image image.repository image.tag image.pullPolicy imagePullSecrets
nfs nfs.server nfs.path nfs.mountOptions nfs.volumeName nfs.reclaimPolicy
storageClass storageClass.create storageClass.provisionerName storageClass.defaultClass storageClass.name
storageClass.allowVolumeExpansion storageClass.reclaimPolicy storageClass.archiveOnDelete storageClass.onDelete
storageClass.pathPattern storageClass.accessModes storageClass.volumeBindingMode storageClass.annotations.*
leaderElection leaderElection.enabled rbac rbac.create podSecurityPolicy podSecurityPolicy.enabled
priorityClassName podAnnotations.* podSecurityContext.* securityContext.* serviceAccount serviceAccount.create
serviceAccount.annotations.* serviceAccount.name resources.* nodeSelector.* tolerations affinity.* labels.*
podDisruptionBudget podDisruptionBudget.enabled podDisruptionBudget.maxUnavailable buildMode
""".split())

CHARTS = {
    ("nfs-subdir-external-provisioner", "4.0.18"): NFS_SUBDIR_4_0_18,
}


class UnknownChart(KeyError):
    pass


def unknown_value_keys(chart, version, values):
    """Dotted paths in ``values`` that ``chart`` at ``version`` does not have."""
    try:
        known = CHARTS[(chart, version)]
    except KeyError:
        raise UnknownChart("no key list for chart %s %s; known: %s"
                           % (chart, version, ", ".join("%s %s" % c for c in sorted(CHARTS))))
    return unknown_keys(values, known)

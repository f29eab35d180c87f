# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""RKE2 release names and the one road for changing them.

A release is ``v<major>.<minor>.<patch>+rke2r<n>``. What runs on a node is read from
``rke2 --version`` ("rke2 version v1.35.4+rke2r1 (<commit>)") by exact token, never by substring
(``...rke2r1`` is a prefix of ``...rke2r10``).

The decision table (``version_change``):
- nothing installed: ``install``;
- the same release: ``none``;
- another release outside an upgrade: ``refuse`` (site.yml names playbooks/upgrade.yml);
- in an upgrade: ``upgrade`` for a newer patch, revision or the next minor; ``refuse`` for a
  downgrade, a skipped minor (RKE2's manual upgrade procedure goes minor by minor) or a major change.
"""

from __future__ import annotations

import re

RELEASE = re.compile(r"v(\d+)\.(\d+)\.(\d+)\+rke2r(\d+)")
VERSION_LINE = re.compile(r"^rke2 version (v\S+)", re.M)


class VersionError(ValueError):
    pass


def parse_release(release):
    """'v1.35.4+rke2r1' -> (1, 35, 4, 1)."""
    match = RELEASE.fullmatch(release or "") if isinstance(release, str) else None
    if not match:
        raise VersionError("'%s' is not an RKE2 release like 'v1.35.4+rke2r1'" % (release,))
    return tuple(int(part) for part in match.groups())


def installed_release(version_output):
    """The release in the output of ``rke2 --version``, or None when it names none."""
    match = VERSION_LINE.search(version_output or "")
    if not match:
        return None
    try:
        parse_release(match.group(1))
    except VersionError:
        return None
    return match.group(1)


def version_change(installed, target, upgrading=False):
    """What a run may do on a node running ``installed`` (None: nothing) when the plan says ``target``.

    Returns a dict with ``action`` (install, none, upgrade, refuse) and ``message``.
    """
    wanted = parse_release(target)
    if not installed:
        return {"action": "install", "message": "RKE2 %s is installed" % target}
    running = parse_release(installed)
    if running == wanted:
        return {"action": "none", "message": "RKE2 %s already runs" % target}
    if not upgrading:
        return {"action": "refuse", "message": (
            "RKE2 %s runs, the inventory says rke2_version %s: a release change goes through "
            "playbooks/upgrade.yml (servers one at a time, workers drained), never site.yml. Nothing was changed."
            % (installed, target))}
    if wanted < running:
        return {"action": "refuse", "message": (
            "rke2_version %s is older than the running %s: downgrades are not supported (restore an etcd "
            "snapshot of the old release instead). Nothing was changed." % (target, installed))}
    if wanted[0] != running[0]:
        return {"action": "refuse", "message": "rke2_version %s changes the major version of %s. Nothing was changed."
                % (target, installed)}
    if wanted[1] > running[1] + 1:
        return {"action": "refuse", "message": (
            "rke2_version %s skips minor releases from %s: upgrade one minor at a time (v1.%d first). "
            "Nothing was changed." % (target, installed, running[1] + 1))}
    return {"action": "upgrade", "message": "RKE2 %s is upgraded to %s" % (installed, target)}

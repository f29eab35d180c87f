# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""When an instance's Tutor jobs must run: init after a release or plugin-set change, Tutor's
upgrade steps (``tutor k8s upgrade --from=<release>``) after a release change, never a downgrade.

What was initialised is recorded in the instance's ConfigMap ``openedx-ops-release``
(``tutor_version`` and ``plugins``); the project itself cannot tell, because rendering it with the
new Tutor already rewrites its ``env/version``.
"""

from __future__ import annotations

import json
import re

# Tutor's major version -> the Open edX release name its `upgrade --from` takes (tutor/env.py).
RELEASE_NAMES = {
    15: "olive", 16: "palm", 17: "quince", 18: "redwood", 19: "sumac", 20: "teak", 21: "ulmo", 22: "verawood",
}


def _major(version):
    match = re.match(r"^(\d+)\.", str(version or ""))
    return int(match.group(1)) if match else None


def _release(version):
    match = re.fullmatch(r"([0-9]+)\.([0-9]+)\.([0-9]+)", str(version or ""))
    return tuple(int(part) for part in match.groups()) if match else None


def plugin_set(plugins):
    """The plugin set as recorded: sorted 'name pip' strings, as a JSON list."""
    return json.dumps(sorted("%s %s" % (p["name"], p["pip"]) for p in plugins or []))


def init_decision(recorded, tutor_version, plugins):
    """``recorded``: the data of ConfigMap openedx-ops-release ({} when none).

    Returns dict(init, upgrade_from, refuse, reason).
    """
    wanted_plugins = plugin_set(plugins)
    before = recorded.get("tutor_version") if recorded else None
    decision = {"init": False, "upgrade_from": None, "refuse": None, "reason": "nothing changed since the last init"}
    if not before:
        decision.update(init=True, reason="first init")
        return decision
    old, new = _major(before), _major(tutor_version)
    older = _release(tutor_version) and _release(before) and _release(tutor_version) < _release(before)
    if older:
        decision["refuse"] = (
            "tutor_version %s is older than the initialised %s: Tutor does not support downgrades (restore a "
            "backup of the old release instead). Nothing was applied." % (tutor_version, before))
        return decision
    if old is not None and new is not None and new > old:
        if old not in RELEASE_NAMES:
            decision["refuse"] = ("the initialised release %s is older than the oldest this collection upgrades "
                                  "from (Tutor %d). Nothing was applied." % (before, min(RELEASE_NAMES)))
            return decision
        decision.update(init=True, upgrade_from=RELEASE_NAMES[old],
                        reason="release change %s -> %s" % (before, tutor_version))
        return decision
    if before != tutor_version:
        decision.update(init=True, reason="Tutor %s -> %s" % (before, tutor_version))
    if recorded.get("plugins", wanted_plugins) != wanted_plugins:
        decision.update(init=True, reason="plugin set changed")
    return decision

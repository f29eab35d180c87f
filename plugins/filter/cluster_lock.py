# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters of the cluster's operation lock that must run on the controller (documented in lock_holder.yml and
lock_stale.yml)."""

from __future__ import annotations

import datetime

from ansible import context

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    controller_identity, run_alive, stale)


def playbooks():
    """The playbooks given to ansible-playbook, as on its command line."""
    return " ".join(context.CLIARGS.get("args") or ()) or "?"


def lock_holder(run_id):
    return dict(controller_identity(), run_id=run_id, playbook=playbooks(),
                since=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))


def lock_stale(holder):
    return stale(holder, controller_identity(), run_alive)


class FilterModule(object):
    def filters(self):
        return {"lock_holder": lock_holder, "lock_stale": lock_stale}

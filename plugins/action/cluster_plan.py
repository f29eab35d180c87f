# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Action plugin of openedx_ops.baremetal.cluster_plan: the plan is computed in the controller's own
process, the way the module would compute it on localhost, without packaging the module, starting a
Python process and moving the plan (0.7 MB for 1,000 hosts) through JSON twice."""

from __future__ import annotations

import json

from ansible.plugins.action import ActionBase

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.plan_args import (
    PLAN_ARGUMENT_SPEC, plan_and_table, run_id)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        validation, args = self.validate_argument_spec(argument_spec=PLAN_ARGUMENT_SPEC)
        del validation
        try:
            plan, table = plan_and_table(args)
        except PlanError as exc:
            result.update(failed=True, msg=str(exc), errors=[str(e) for e in exc.errors],
                          warnings=[str(w) for w in exc.warnings])
            return result
        # Which run computed it: playbooks/validate.yml recomputes a plan of any other origin.
        plan["run_id"] = run_id()
        # Plain JSON types, as the module's result would have (the plan is built of OrderedDicts).
        result.update(changed=False, plan=json.loads(json.dumps(plan)), table=table, warnings=list(plan["warnings"]))
        return result

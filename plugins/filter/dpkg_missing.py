# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: dpkg_missing
short_description: The wanted packages that dpkg does not list as installed
version_added: "0.2.0"
description:
  - Reads the lines of C(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n') and returns the packages of O(wanted)
    that are not installed (state C(i) in the status, as in C(ii)), in the order of O(wanted). A converged host then skips the package
    manager altogether - one quick query instead of two C(apt) module calls.
  - A package marked held (C(hi)) is installed.
  - A package that is half-installed, removed with its configuration kept (C(rc)) or unknown counts as missing.
  - An architecture suffix (C(pkg:amd64)) is ignored.
options:
  _input:
    description: The query's output lines (C(stdout_lines)).
    type: list
    elements: str
    required: true
  wanted:
    description: The packages wanted.
    type: list
    elements: str
    required: true
"""

EXAMPLES = r"""
- name: Read which packages are installed
  ansible.builtin.command:
    argv: [dpkg-query, -W, "-f=${db:Status-Abbrev} ${Package}\n", haproxy, keepalived]
  register: dpkg
  changed_when: false
  check_mode: false
  failed_when: false

- name: Install what is missing
  ansible.builtin.apt:
    name: "{{ dpkg.stdout_lines | openedx_ops.baremetal.dpkg_missing(['haproxy', 'keepalived']) }}"
  when: dpkg.stdout_lines | openedx_ops.baremetal.dpkg_missing(['haproxy', 'keepalived']) | length > 0
"""

RETURN = r"""
_value:
  description: The wanted packages that are not installed.
  type: list
  elements: str
"""


def installed_packages(lines):
    """Names of the packages the query lines list with status ii."""
    found = set()
    for line in lines or []:
        fields = line.split()
        # The status's second letter is the package's state: i for installed (ii, or hi when held).
        if len(fields) >= 2 and fields[0][1:2] == "i":
            found.add(fields[-1].split(":", 1)[0])
    return found


def dpkg_missing(lines, wanted):
    installed = installed_packages(lines)
    return [name for name in wanted if name not in installed]


class FilterModule(object):
    def filters(self):
        return {"dpkg_missing": dpkg_missing}

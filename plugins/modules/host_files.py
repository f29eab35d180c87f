#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: host_files
short_description: Converge a set of a host's files and directories in one call
version_added: "0.1.0"
description:
  - Makes each listed path a file with the given content, a directory, or absent, with the given mode, owner
    and group, in the order listed, in one module call (M(ansible.builtin.copy) costs two or three per file).
  - A file's content is written to a temporary file beside it, given its final mode, owner and group, and renamed
    into place, so a reader never sees a half-written file nor looser permissions than asked.
  - A directory is created with its missing parents. A file's directory must exist or be listed before it.
  - A path of another type than asked (a directory where a file is wanted, a symbolic link) fails the task
    naming the path, before anything is changed. A symbolic link listed as C(absent) is removed (not its target).
  - A directory's missing parents are created with the directory's mode, owner and group, as
    M(ansible.builtin.file) does.
options:
  files:
    description: The paths to converge, in order.
    type: list
    elements: dict
    required: true
    suboptions:
      path:
        description: Absolute, normalised path.
        type: str
        required: true
      state:
        description: C(file) (with O(files[].content)), C(directory) or C(absent).
        type: str
        choices: [file, directory, absent]
        default: file
      content:
        description: The file's whole content (text). Only for C(state=file).
        type: str
      mode:
        description: Permission bits as an octal string (C("0644")), or an unquoted YAML octal number (C(0644),
          read as the integer 420); unset keeps what the path has (a new path gets the default permissions less the
          umask).
        type: raw
      owner:
        description: Owner's user name; unset keeps the current (a new path is the connecting user's).
        type: str
      group:
        description: Group name; unset keeps the current.
        type: str
attributes:
  check_mode:
    description: Reports which paths would change, how, and changes nothing; a file in a directory that would be
      created is reported as created.
    support: full
  diff_mode:
    description: One diff per file whose content changes, one per path whose attributes change.
    support: full
notes:
  - Put the task under C(no_log) when a file holds a secret; its diff is then not shown either.
author:
  - openedx_ops maintainers (@openedx-ops)
"""

EXAMPLES = r"""
- name: Write the kernel settings RKE2 needs
  openedx_ops.baremetal.host_files:
    files:
      - path: /etc/modules-load.d/rke2.conf
        content: "overlay\nbr_netfilter\n"
        owner: root
        group: root
        mode: "0644"
      - path: /etc/sysctl.d/90-rke2.conf
        content: "net.ipv4.ip_forward=1\n"
        owner: root
        group: root
        mode: "0644"
  register: kernel_files

- name: Configuration directory, its file, and a file nothing names any more
  openedx_ops.baremetal.host_files:
    files:
      - path: /etc/rancher/rke2
        state: directory
        mode: "0755"
      - path: /etc/rancher/rke2/config.yaml
        content: "{{ config | to_nice_yaml }}"
        mode: "0600"
      - path: /etc/rancher/rke2/old.yaml
        state: absent
  no_log: true
"""

RETURN = r"""
changed_paths:
  description: The paths that changed (or would, in check mode), in the order listed.
  returned: always
  type: list
  elements: str
  sample: [/etc/sysctl.d/90-rke2.conf]
files:
  description: What was done to each path listed.
  returned: always
  type: list
  elements: dict
  contains:
    path:
      description: The path.
      type: str
    state:
      description: The state asked for.
      type: str
    changes:
      description: C(created), C(content), C(mode), C(owner), C(group) or C(removed); empty when the path was
        already as asked.
      type: list
      elements: str
  sample: [{path: /etc/sysctl.d/90-rke2.conf, state: file, changes: [content]}]
"""

import grp
import os
import pwd
import shutil
import stat
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.common.text.converters import to_bytes, to_text

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.host_files import (
    attribute_changes, attributes_diff, content_diff, entry_errors, wanted_mode)


def uid_of(name):
    return pwd.getpwnam(name).pw_uid


def gid_of(name):
    return grp.getgrnam(name).gr_gid


def current_attributes(info):
    def name(lookup, ident, attribute):
        try:
            return getattr(lookup(ident), attribute)
        except KeyError:
            return str(ident)
    return {"mode": stat.S_IMODE(info.st_mode), "uid": info.st_uid, "gid": info.st_gid,
            "owner": name(pwd.getpwuid, info.st_uid, "pw_name"), "group": name(grp.getgrgid, info.st_gid, "gr_name")}


def set_attributes(path, entry):
    mode = wanted_mode(entry)
    if mode is not None:
        os.chmod(path, mode)
    if entry.get("owner") is not None or entry.get("group") is not None:
        os.chown(path, uid_of(entry["owner"]) if entry.get("owner") is not None else -1,
                 gid_of(entry["group"]) if entry.get("group") is not None else -1)


def inspect(module, entries):
    """Stat every path once, and fail before any change when a path's type or a named user or group is wrong."""
    found = []
    for entry in entries:
        for key, lookup in (("owner", uid_of), ("group", gid_of)):
            if entry.get(key) is not None:
                try:
                    lookup(entry[key])
                except KeyError:
                    module.fail_json(msg="%s: %s %r does not exist on this host" % (entry["path"], key, entry[key]))
        try:
            info = os.lstat(entry["path"])
        except FileNotFoundError:
            found.append(None)
            continue
        if stat.S_ISLNK(info.st_mode) and entry["state"] != "absent":
            module.fail_json(msg="%s is a symbolic link; host_files converges regular files and directories only"
                             % entry["path"])
        if entry["state"] == "file" and not stat.S_ISREG(info.st_mode):
            module.fail_json(msg="%s exists and is not a regular file; nothing was changed" % entry["path"])
        if entry["state"] == "directory" and not stat.S_ISDIR(info.st_mode):
            module.fail_json(msg="%s exists and is not a directory; nothing was changed" % entry["path"])
        found.append(info)
    return found


def write_file(module, entry, content, info):
    """Write content to a temporary file beside the path, give it its final attributes (the entry's, else those of
    the file it replaces, else the umask's default), then rename it into place: the path is never seen half
    written, nor with looser permissions than asked."""
    directory = os.path.dirname(entry["path"])
    handle, temporary = tempfile.mkstemp(prefix=".host_files.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        if info is not None:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            os.chown(temporary, info.st_uid, info.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        set_attributes(temporary, entry)
        os.replace(temporary, entry["path"])
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def converge(module, entries):
    report, diffs = [], []
    created_dirs = set()
    for entry, info in zip(entries, inspect(module, entries)):
        path, state, changes = entry["path"], entry["state"], []
        if state == "absent":
            if info is not None:
                changes.append("removed")
                if module._diff and stat.S_ISREG(info.st_mode):
                    with open(path, "rb") as handle:
                        diffs.append(content_diff(path, to_text(handle.read(), errors="surrogate_or_replace"), None))
                if not module.check_mode:
                    if stat.S_ISDIR(info.st_mode):
                        shutil.rmtree(path)
                    else:
                        os.unlink(path)
        elif info is None:
            changes.append("created")
            parent = os.path.dirname(path)
            if state == "file" and not os.path.isdir(parent) and parent not in created_dirs:
                module.fail_json(msg="%s: its directory %s does not exist and is not listed before it" % (path, parent),
                                 changed_paths=[f["path"] for f in report if f["changes"]], files=report)
            new_dirs = [p for p in _with_parents(path) if not os.path.isdir(p)] if state == "directory" else []
            created_dirs.update(new_dirs)
            if module._diff:
                diffs.append(content_diff(path, None, entry.get("content") if state == "file" else "(directory)\n"))
            if not module.check_mode:
                if state == "directory":
                    os.makedirs(path, 0o755)
                    # As ansible.builtin.file does: the parents it had to create get the entry's attributes too.
                    for created in new_dirs:
                        set_attributes(created, entry)
                else:
                    write_file(module, entry, to_bytes(entry["content"], errors="surrogate_or_strict"), None)
        else:
            # Compared before any write: a content change must not hide an attribute change.
            differing = attribute_changes(entry, current_attributes(info), uid_of, gid_of)
            if state == "file":
                wanted = to_bytes(entry["content"], errors="surrogate_or_strict")
                with open(path, "rb") as handle:
                    before = handle.read()
                if before != wanted:
                    changes.append("content")
                    if module._diff:
                        diffs.append(content_diff(path, to_text(before, errors="surrogate_or_replace"), entry["content"]))
                    if not module.check_mode:
                        write_file(module, entry, wanted, info)
            if differing:
                changes.extend(sorted(differing))
                if module._diff:
                    diffs.append(attributes_diff(path, differing))
                if not module.check_mode:
                    set_attributes(path, entry)
        report.append({"path": path, "state": state, "changes": changes})
    return report, diffs


def _with_parents(path):
    while path not in ("/", ""):
        yield path
        path = os.path.dirname(path)


def main():
    module = AnsibleModule(
        argument_spec={
            "files": {"type": "list", "elements": "dict", "required": True, "options": {
                "path": {"type": "str", "required": True},
                "state": {"type": "str", "choices": ["file", "directory", "absent"], "default": "file"},
                "content": {"type": "str"},
                "mode": {"type": "raw"},
                "owner": {"type": "str"},
                "group": {"type": "str"},
            }},
        },
        supports_check_mode=True,
    )
    entries = module.params["files"]
    for entry in entries:
        # An unquoted YAML mode (0644) arrives as the integer 420: its octal digits are what was meant.
        if isinstance(entry.get("mode"), int) and not isinstance(entry.get("mode"), bool):
            entry["mode"] = "%04o" % entry["mode"]
        elif entry.get("mode") is not None:
            entry["mode"] = str(entry["mode"])
    errors = entry_errors(entries)
    if errors:
        module.fail_json(msg="; ".join(errors), errors=errors)
    report, diffs = converge(module, entries)
    changed_paths = [f["path"] for f in report if f["changes"]]
    result = {"changed": bool(changed_paths), "changed_paths": changed_paths, "files": report}
    if module._diff:
        result["diff"] = diffs
    module.exit_json(**result)


if __name__ == "__main__":
    main()

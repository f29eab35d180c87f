# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure logic of module host_files: checking the requested entries, comparing a file's attributes, and the
diff entries a change shows. No filesystem access here (the module reads and writes)."""

from __future__ import annotations

import posixpath
import re

STATES = ("file", "directory", "absent")
MODE = re.compile(r"^0?[0-7]{3}$")


def entry_errors(entries):
    """Messages naming each bad entry (by index and path); empty when every entry can be converged."""
    errors, seen = [], set()
    for index, entry in enumerate(entries):
        path = entry.get("path") or ""
        where = "files[%d] (%s)" % (index, path or "no path")
        state = entry.get("state") or "file"
        if state not in STATES:
            errors.append("%s: state must be one of %s, not %r" % (where, ", ".join(STATES), state))
        if not path.startswith("/") or posixpath.normpath(path) != path or path == "/":
            errors.append("%s: path must be absolute and normalised (no '..', '.', '//' or trailing '/')" % where)
        if path in seen:
            errors.append("%s: the path is listed twice" % where)
        seen.add(path)
        if state == "file" and entry.get("content") is None:
            errors.append("%s: a file needs content" % where)
        if state != "file" and entry.get("content") is not None:
            errors.append("%s: content is only for state=file" % where)
        mode = entry.get("mode")
        if mode is not None and not MODE.match(str(mode)):
            errors.append("%s: mode must be an octal string such as '0644', not %r" % (where, mode))
        if state == "absent" and any(entry.get(key) is not None for key in ("mode", "owner", "group")):
            errors.append("%s: mode, owner and group are not for state=absent" % where)
    return errors


def wanted_mode(entry):
    """The entry's permission bits as an int, or None when it sets none."""
    mode = entry.get("mode")
    return None if mode is None else int(str(mode), 8)


def attribute_changes(entry, current, uid_of, gid_of):
    """{name: (before, after)} of the attributes the entry sets that differ from current (a stat-like dict with
    mode, uid, gid, owner and group); uid_of and gid_of map names to ids."""
    changes = {}
    mode = wanted_mode(entry)
    if mode is not None and current["mode"] != mode:
        changes["mode"] = ("%04o" % current["mode"], "%04o" % mode)
    if entry.get("owner") is not None and current["uid"] != uid_of(entry["owner"]):
        changes["owner"] = (current["owner"], entry["owner"])
    if entry.get("group") is not None and current["gid"] != gid_of(entry["group"]):
        changes["group"] = (current["group"], entry["group"])
    return changes


def content_diff(path, before, after):
    """A diff entry of a file's content (before is None for a file that does not exist)."""
    return {"before_header": path if before is not None else "%s (absent)" % path,
            "after_header": path if after is not None else "%s (absent)" % path,
            "before": before or "", "after": after or ""}


def attributes_diff(path, changes):
    """A diff entry of a path's attributes, one line per attribute that changes."""
    return {"before_header": "%s (attributes)" % path, "after_header": "%s (attributes)" % path,
            "before": "".join("%s: %s\n" % (name, old) for name, (old, _new) in sorted(changes.items())),
            "after": "".join("%s: %s\n" % (name, new) for name, (_old, new) in sorted(changes.items()))}

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writing a file that may hold secrets, on the controller: modules k8s_manifests and tutor_project."""

from __future__ import annotations

import os
import tempfile


def write_private(path, text, prefix=".tmp-"):
    """Write ``text`` to ``path`` with mode 0600 through a temporary file (named ``prefix``...) in the same directory,
    renamed into place: a reader sees the old file or the whole new one, never a looser mode."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise

# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kubernetes resource quantities as plain numbers (millicores, bytes).

Only the forms Kubernetes accepts for CPU and memory are accepted here, so a
value that passes this module also passes the API server.
"""

from __future__ import annotations

import re

_BINARY = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60}
_DECIMAL = {"": 1, "k": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9, "T": 10 ** 12, "P": 10 ** 15, "E": 10 ** 18}
_QUANTITY = re.compile(r"^([0-9]+(?:\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")

GIB = 2 ** 30
MIB = 2 ** 20


class QuantityError(ValueError):
    """A value that is not a Kubernetes quantity of the expected kind."""


def _split(value):
    if isinstance(value, bool):
        raise QuantityError("a boolean is not a quantity")
    if isinstance(value, (int, float)):
        return float(value), ""
    match = _QUANTITY.match(str(value).strip())
    if not match:
        raise QuantityError("'%s' is not a Kubernetes quantity" % (value,))
    return float(match.group(1)), match.group(2) or ""


def cpu_millicores(value):
    """'200m' -> 200, '1' -> 1000, 0.5 -> 500."""
    number, suffix = _split(value)
    if suffix == "m":
        millis = number
    elif suffix == "":
        millis = number * 1000
    else:
        raise QuantityError("'%s' is not a CPU quantity (use cores like 1 or 0.5, or millicores like 200m)" % (value,))
    if millis <= 0:
        raise QuantityError("CPU quantity '%s' must be positive" % (value,))
    return int(round(millis))


def memory_bytes(value):
    """'1Gi' -> 1073741824, '512M' -> 512000000. A bare number is bytes, as in Kubernetes."""
    number, suffix = _split(value)
    if suffix == "m":
        raise QuantityError("'%s' is not a memory quantity (millibytes); use Mi or Gi" % (value,))
    factor = _BINARY.get(suffix) or _DECIMAL[suffix]
    result = int(number * factor)
    if result <= 0:
        raise QuantityError("memory quantity '%s' must be positive" % (value,))
    if suffix == "" and result < MIB:
        raise QuantityError(
            "memory quantity '%s' is only %d bytes; a bare number means bytes, did you mean '%sGi'?"
            % (value, result, value))
    return result


def format_cpu(millicores):
    if millicores % 1000 == 0:
        return "%d" % (millicores // 1000)
    if millicores >= 1000 and millicores % 100 == 0:
        return "%.1f" % (millicores / 1000.0)
    return "%dm" % millicores


def format_memory(num_bytes):
    if num_bytes % GIB == 0:
        return "%dGi" % (num_bytes // GIB)
    if abs(num_bytes) >= GIB:
        return "%.1fGi" % (num_bytes / float(GIB))
    return "%dMi" % int(num_bytes / MIB)

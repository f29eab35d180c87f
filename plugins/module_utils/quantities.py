# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kubernetes resource quantities as plain numbers (millicores, bytes).

Only the forms Kubernetes accepts for CPU and memory are accepted here, so a
value that passes this module also passes the API server.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

_BINARY = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60}
_DECIMAL = {"": 1, "k": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9, "T": 10 ** 12, "P": 10 ** 15, "E": 10 ** 18}
_QUANTITY = re.compile(r"^([0-9]+(?:\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")

GIB = 2 ** 30
MIB = 2 ** 20
# Kubernetes keeps quantities in 64 bits: anything larger (a 400-digit number, infinity) is refused.
MAX_QUANTITY = 2 ** 63 - 1


class QuantityError(ValueError):
    """A value that is not a Kubernetes quantity of the expected kind."""


def _split(value):
    """The number (a Decimal, exact) and the suffix of a quantity."""
    if isinstance(value, bool):
        raise QuantityError("a boolean is not a quantity")
    if isinstance(value, float) and not math.isfinite(value):
        raise QuantityError("'%s' is not a finite quantity" % (value,))
    if isinstance(value, (int, float)):
        number, suffix = Decimal(repr(value) if isinstance(value, float) else value), ""
    elif isinstance(value, str):
        match = _QUANTITY.fullmatch(value.strip())
        if not match or len(value) > 40:
            raise QuantityError("'%s' is not a Kubernetes quantity" % (value[:60],))
        try:
            number, suffix = Decimal(match.group(1)), match.group(2) or ""
        except InvalidOperation:
            raise QuantityError("'%s' is not a Kubernetes quantity" % (value,))
    else:
        raise QuantityError("a value of type %s is not a quantity" % type(value).__name__)
    if number.adjusted() > 30:
        raise QuantityError("'%s' is too large for a quantity" % (str(value)[:60],))
    return number, suffix


def _bounded(result, value):
    if result > MAX_QUANTITY:
        raise QuantityError("'%s' is too large for a Kubernetes quantity" % (str(value)[:60],))
    return result


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
    result = int(millis.to_integral_value())
    if result <= 0:
        raise QuantityError("CPU quantity '%s' is less than 1m" % (value,))
    return _bounded(result, value)


def memory_bytes(value):
    """'1Gi' -> 1073741824, '512M' -> 512000000. A bare number is bytes, as in Kubernetes."""
    number, suffix = _split(value)
    if suffix == "m":
        raise QuantityError("'%s' is not a memory quantity (millibytes); use Mi or Gi" % (value,))
    factor = _BINARY.get(suffix) or _DECIMAL[suffix]
    result = _bounded(int(number * factor), value)
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

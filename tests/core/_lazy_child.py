"""Run by tests/core/test_lazy_imports.py in a fresh interpreter: imports one vendor
step by step and prints, as JSON, which of its modules each step loaded and the
operation names its methods carry."""

from __future__ import annotations

import importlib
import json
import sys
from functools import cached_property
from typing import Any


def loaded(package: str) -> list[str]:
    return sorted(m for m in sys.modules if m == package or m.startswith(package + "."))


def walk(obj: Any, prefix: str, out: dict[str, str]) -> None:
    """Every operation method under ``obj`` (a client or resource): path -> the name
    its operation carries. Reading each resource attribute is what names it."""
    from cxkit._core import operation_of

    for attr in sorted(dir(type(obj))):
        if attr.startswith("_") or attr == "with_raw_response":
            continue
        static = getattr(type(obj), attr)
        if isinstance(static, cached_property):
            walk(getattr(obj, attr), f"{prefix}{attr}.", out)
        elif callable(static) and hasattr(static, "__cx_operation__"):
            out[f"{prefix}{attr}"] = operation_of(getattr(obj, attr)).name


def vendor(spec: dict[str, Any]) -> dict[str, Any]:
    package, report = spec["package"], {}
    module = importlib.import_module(package)
    report["import"] = loaded(package)
    client_cls = getattr(module, spec["client"])
    report["sync client"] = loaded(package)
    client = client_cls(**spec["credentials"])
    report["sync client built"] = loaded(package)
    probe = getattr(client, spec["resource"])
    report["probe"] = loaded(package)
    probe_names: dict[str, str] = {}
    walk(probe, f"{spec['resource']}.", probe_names)
    report["probe names"] = probe_names
    client.with_raw_response  # noqa: B018  (reading it is the step)
    report["raw view"] = loaded(package)
    getattr(client.with_raw_response, spec["resource"])
    report["raw probe"] = loaded(package)
    report["OPERATIONS read early"] = "OPERATIONS" in vars(module)
    sync_names: dict[str, str] = {}
    walk(client, "", sync_names)
    report["sync names"] = sync_names
    async_client = getattr(module, "Async" + spec["client"])(**spec["credentials"])
    async_names: dict[str, str] = {}
    walk(async_client, "", async_names)
    report["async names"] = async_names
    report["OPERATIONS"] = sorted(op.name for op in module.OPERATIONS)
    return report


def types(spec: dict[str, Any]) -> dict[str, Any]:
    module = importlib.import_module(spec["module"])
    value = getattr(module, spec["name"])
    return {"module": getattr(value, "__module__", None), "loaded": loaded(spec["scope"])}


def core() -> dict[str, Any]:
    import cxkit

    return {"loaded": sorted(m for m in sys.modules if m.startswith("cxkit")), "dir": dir(cxkit)}


if __name__ == "__main__":
    command, arg = sys.argv[1], json.loads(sys.argv[2])
    result = {"vendor": vendor, "types": types}.get(command, lambda _: core())(arg)
    print(json.dumps(result))

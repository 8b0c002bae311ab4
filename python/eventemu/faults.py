"""Fault rules from flat keyword arguments (DESIGN.md §2).

``build_rule(None, {"operation": "ces.CreateEvents", "status": 429, "times": 2})``
returns ``{"match": {"operation": "ces.CreateEvents"}, "when": {"times": 2},
"action": {"status": 429}}``. The emulator validates the rule itself; this module
only sorts keywords into blocks and rejects what cannot be a rule at all.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

MATCH_KEYS = ("operation", "project", "method", "path", "header")
WHEN_KEYS = ("probability", "calls", "every", "times", "after_ms", "for_ms")
ACTION_KEYS = ("status", "retry_after_s", "delay_ms", "delay", "fault", "rate_limit")
RULE_KEYS = ("id", "match", "when", "action")

_BLOCK_OF = {**{key: "match" for key in MATCH_KEYS},
             **{key: "when" for key in WHEN_KEYS},
             **{key: "action" for key in ACTION_KEYS}}


def build_rule(rule: Optional[Mapping[str, Any]], options: Mapping[str, Any],
               caller: str = "fault") -> Dict[str, Any]:
    """A rule dict from a full ``rule`` mapping or from flat keywords (not both)."""
    if rule is not None:
        if not isinstance(rule, Mapping):
            raise TypeError(f"{caller}() rule must be a dict, not {type(rule).__name__}")
        if options:
            raise TypeError(f"{caller}() takes either a rule dict or keyword arguments, not both")
        return _plain(rule)
    if not options:
        raise TypeError(f"{caller}() needs a rule dict or keyword arguments such as operation=..., status=...")
    built: Dict[str, Any] = {}
    for key, value in options.items():
        if key == "id":
            built["id"] = value
            continue
        block = _BLOCK_OF.get(key)
        if block is None:
            raise TypeError(f"{caller}() got an unexpected keyword argument {key!r}")
        if value is None:
            continue
        if key == "header" and not isinstance(value, Mapping):
            raise TypeError(f"{caller}() header must be a dict of header name to value")
        if key == "calls" and isinstance(value, int) and not isinstance(value, bool):
            value = [value]  # calls=2 means "the 2nd call"
        built.setdefault(block, {})[key] = value
    return built


def _plain(value: Any) -> Any:
    """Mappings and sequences as dicts and lists (the engine takes JSON values)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value

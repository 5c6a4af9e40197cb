"""Every coded value of the model has a Chinese and an English display name (graph/model/vocabulary.json)."""

from __future__ import annotations

import pytest

from graph.model import enums
from graph.model.kinds import KINDS
from graph.model.nodes import LABELS
from graph.model.vocabulary import display, names, vocabulary

ENUM_DOMAINS = {
    "level": enums.Level,
    "action": enums.StepAction,
    "issue_status": enums.IssueStatus,
    "channel": enums.IssueChannel,
    "task_status": enums.TaskStatus,
    "meeting_kind": enums.MeetingKind,
    "street_kind": enums.StreetKind,
    "community_kind": enums.CommunityKind,
    "grid_kind": enums.GridKind,
    "property_mode": enums.PropertyMode,
    "party_org_kind": enums.PartyOrgKind,
    "admin_org_kind": enums.AdminOrgKind,
    "unit_kind": enums.UnitKind,
    "unit_level": enums.UnitLevel,
    "document_kind": enums.DocumentKind,
    "evaluation_kind": enums.EvaluationKind,
}


def _rel_types() -> set[str]:
    types = {"FIRST_STEP", "LAST_STEP", "NEXT", "BY"}
    for k in KINDS:
        if k.rel:
            types.add(k.rel)
        types.update(r.rel for r in k.refs if r.rel)
    return types


@pytest.mark.parametrize("domain,enum", sorted(ENUM_DOMAINS.items()))
def test_every_enum_value_has_both_names(domain, enum):
    entries = vocabulary()[domain]
    assert set(entries) == {m.value for m in enum}
    assert all(e["zh"] and e["en"] for e in entries.values())


def test_every_label_and_relationship_type_has_both_names():
    assert set(vocabulary()["label"]) == set(LABELS)
    assert set(vocabulary()["relationship"]) == _rel_types()
    for domain in ("label", "relationship"):
        assert all(e["zh"] and e["en"] for e in vocabulary()[domain].values())


def test_display_falls_back_to_the_code():
    assert display("level", "street") == "街道"
    assert display("level", "street", "en") == "street"
    assert display("level", "planet") == "planet"
    assert names("en")["label"]["PartyOrg"] == "Party organization"

"""The model's enumerations (docs/model.md). Values are the strings stored in Neo4j."""

from enum import StrEnum


class StreetKind(StrEnum):
    street = "street"
    town = "town"


class CommunityKind(StrEnum):
    community = "community"
    village = "village"


class GridKind(StrEnum):
    compound = "compound"
    villagers_group = "villagers_group"
    other = "other"


class PropertyMode(StrEnum):
    company = "company"
    mgmt_committee = "mgmt_committee"
    self_managed = "self_managed"
    community_fallback = "community_fallback"


class PartyOrgKind(StrEnum):
    street_working_committee = "street_working_committee"
    community_committee = "community_committee"
    big_party_committee = "big_party_committee"
    compound_branch = "compound_branch"
    building_group = "building_group"
    industry_committee = "industry_committee"


class AdminOrgKind(StrEnum):
    street_office = "street_office"
    residents_committee = "residents_committee"
    villagers_committee = "villagers_committee"


class UnitKind(StrEnum):
    agency = "agency"
    soe = "soe"
    institution = "institution"
    enterprise = "enterprise"


class UnitLevel(StrEnum):
    city = "city"
    district = "district"


class MeetingKind(StrEnum):
    joint_meeting = "joint_meeting"
    evening_talk = "evening_talk"
    onsite_office = "onsite_office"


class TaskStatus(StrEnum):
    open = "open"
    done = "done"
    overdue = "overdue"


class IssueChannel(StrEnum):
    evening_talk = "evening_talk"
    platform = "platform"
    visit = "visit"
    petition = "petition"
    joint_meeting = "joint_meeting"


class IssueStatus(StrEnum):
    open = "open"
    resolved = "resolved"
    closed = "closed"


class Level(StrEnum):
    """Issue levels, in order: grid < community < street < district."""

    grid = "grid"
    community = "community"
    street = "street"
    district = "district"

    @property
    def rank(self) -> int:
        return LEVEL_ORDER.index(self)

    def next(self) -> "Level | None":
        i = self.rank + 1
        return LEVEL_ORDER[i] if i < len(LEVEL_ORDER) else None


LEVEL_ORDER = [Level.grid, Level.community, Level.street, Level.district]


class Between(StrEnum):
    """A pair of consecutive levels an issue can stall between: escalated from the lower, not yet
    accepted by the upper."""

    grid_community = "grid-community"
    community_street = "community-street"
    street_district = "street-district"

    @property
    def from_level(self) -> Level:
        return Level(self.value.split("-")[0])

    @property
    def to_level(self) -> Level:
        return Level(self.value.split("-")[1])


BETWEENS = [b.value for b in Between]


class StepAction(StrEnum):
    filed = "filed"
    accepted = "accepted"
    escalated = "escalated"
    supervised = "supervised"
    resolved = "resolved"
    closed = "closed"
    reopened = "reopened"


class EvaluationKind(StrEnum):
    resident_rating = "resident_rating"


class DocumentKind(StrEnum):
    """Extension: policy documents (e.g. the 4 guidance documents on red property standards)."""

    guidance = "guidance"
    regulation = "regulation"
    notice = "notice"

"""What a contribution request holds and what a reply gives back (plain data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from consultdesk.domain.contributions import ContributionValue, Contributor, ItemRef
from consultdesk.domain.errors import Message
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import AnswerValue

#: Custom document properties that identify a request (Word and LibreOffice keep them).
PROP_KIND = "ConsultDeskKind"
PROP_RESPONSE = "ConsultDeskResponse"
PROP_CONTRIBUTOR = "ConsultDeskContributor"
PROP_PACKET = "ConsultDeskPacket"
PROP_QUESTIONNAIRE = "ConsultDeskQuestionnaire"
PROP_ITEMS = "ConsultDeskItems"
KIND_REQUEST = "contribution-request"
#: Every answer area's w:tag is this prefix, the response id, then the item:
#: "consultdesk:3f2a9c0d1e4b:q1", "consultdesk:3f2a9c0d1e4b:t1_done[2].description".
TAG_PREFIX = "consultdesk"


def control_tag(response_id: str, slot: str) -> str:
    """The w:tag of one answer area (it ends with ":<question id>" for a question)."""
    return f"{TAG_PREFIX}:{response_id}:{slot}"


def slot_key(item: ItemRef, field_id: str | None) -> str:
    """The answer area of an item: "q1", or "t1_done[2].description" for a block field."""
    return item.key if field_id is None else f"{item.key}.{field_id}"


@dataclass(frozen=True, slots=True)
class RequestItem:
    """One assigned item as the request shows it."""

    item: ItemRef
    due: date | None = None
    note: str = ""
    share: int | None = None
    #: the coordinator's current text, shown for reference (with --include-draft)
    draft: AnswerValue = None


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """Everything one request document says."""

    questionnaire: Questionnaire
    response_id: str
    response_title: str
    contributor: Contributor
    items: tuple[RequestItem, ...]
    packet: str
    asked_by: str = ""
    reply_to: str = ""
    #: the draft answers (text or an entry's fields) when the coordinator includes them
    include_draft: bool = False


@dataclass(frozen=True, slots=True)
class RequestIdentity:
    """Who a request (or its reply) is for, read back from the document."""

    response_id: str
    contributor: str
    packet: str = ""
    questionnaire: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReceivedItem:
    """What a reply holds for one item, and where it was found."""

    item: ItemRef
    value: ContributionValue
    #: "control": inside its answer area; "heading": found under the question's heading
    found: str = "control"


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply read from a returned request document."""

    identity: RequestIdentity
    items: tuple[ReceivedItem, ...]
    #: item keys whose answer could not be found (area and heading both gone)
    missing: tuple[str, ...] = ()
    #: item keys left empty by the contributor
    empty: tuple[str, ...] = ()
    #: what the reader had to do (a table read as paragraphs); ``key`` names the area
    notes: tuple[Message, ...] = field(default=())

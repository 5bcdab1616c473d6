"""What the interface calls entities, entity kinds and relations, in its current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from natoapp.store.records import DocumentInfo, EntityInfo


def interface_is_french() -> bool:
    """True when the interface speaks French (the default locale follows the language)."""
    return QLocale().language() == QLocale.Language.French


def entity_name(entity: EntityInfo) -> str:
    """The entity's name in the interface language (the other one when that is empty)."""
    first, second = (
        (entity.name_fr, entity.name_en)
        if interface_is_french()
        else (entity.name_en, entity.name_fr)
    )
    return first or second or entity.id


def other_name(entity: EntityInfo) -> str:
    """The entity's name in the other language, or "" when it is the same."""
    name = entity.name_en if interface_is_french() else entity.name_fr
    return name if name and name != entity_name(entity) else ""


def entity_role(entity: EntityInfo) -> str:
    """A person's role in the interface language, or ""."""
    french = getattr(entity, "role_fr", None)
    return (french if interface_is_french() and french else entity.role) or ""


def entity_description(entity: EntityInfo) -> str:
    """The curated description in the interface language, or ""."""
    french = getattr(entity, "description_fr", None)
    return (french if interface_is_french() and french else entity.description) or ""


def kind_label(kind: str) -> str:
    """A kind of entity as a reader would say it."""
    labels = {
        "framework": QCoreApplication.translate("labels", "Partnership framework"),
        "country": QCoreApplication.translate("labels", "Country"),
        "organisation": QCoreApplication.translate("labels", "Organisation"),
        "person": QCoreApplication.translate("labels", "Person"),
        "event": QCoreApplication.translate("labels", "Event"),
    }
    return labels.get(kind, kind)


def relation_label(kind: str, *, as_subject: bool) -> str:
    """A relation seen from its subject ("Member of") or from its object ("Members")."""
    if as_subject:
        labels = {
            "member": QCoreApplication.translate("labels", "Member of"),
            "aspires_to_membership": QCoreApplication.translate("labels", "Aspires to join"),
            "intends_to_join": QCoreApplication.translate("labels", "Intends to join"),
            "participated_in": QCoreApplication.translate("labels", "Took part in"),
            "contributed_to": QCoreApplication.translate("labels", "Contributed to"),
            "opened_mission_to": QCoreApplication.translate("labels", "Opened a mission to"),
            "attended": QCoreApplication.translate("labels", "Attended"),
            "cooperates_with": QCoreApplication.translate("labels", "Cooperates with"),
        }
    else:
        labels = {
            "member": QCoreApplication.translate("labels", "Members"),
            "aspires_to_membership": QCoreApplication.translate("labels", "Aspiring members"),
            "intends_to_join": QCoreApplication.translate("labels", "Intending to join"),
            "participated_in": QCoreApplication.translate("labels", "Participants"),
            "contributed_to": QCoreApplication.translate("labels", "Contributors"),
            "opened_mission_to": QCoreApplication.translate("labels", "Missions opened by"),
            "attended": QCoreApplication.translate("labels", "Attended by"),
            "cooperates_with": QCoreApplication.translate("labels", "Cooperating with it"),
        }
    return labels.get(kind, kind.replace("_", " "))


def document_label(document: DocumentInfo) -> str:
    """A document as listed: its date (or "n.d.") and its title."""
    return f"{date_or_none(document.date)} — {document.title}"


def date_or_none(date: str | None) -> str:
    """A date as the texts give it, or "n.d." when they give none."""
    return date or QCoreApplication.translate("labels", "n.d.")

"""Dutch labels (translatable) for the contract's codes."""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "meetings": _("Vergaderingen"), "agenda_items": _("Agendapunten"), "decisions": _("Besluiten"),
    "actions": _("Acties"), "commitments": _("Toezeggingen"), "key_dates": _("Belangrijke data"),
    "projects": _("Projecten"), "amounts": _("Bedragen"), "people": _("Personen"),
    "organisations": _("Organisaties"), "municipalities": _("Gemeenten"),
}
PART_TYPES = {
    "agenda": _("Agenda"), "minutes": _("Verslag"), "decision_list": _("Besluitenlijst"),
    "action_list": _("Actielijst"), "proposal": _("Voorstel"), "letter": _("Brief"), "memo": _("Memo"),
    "application_form": _("Aanvraagformulier"), "assessment_report": _("Beoordelingsrapport"),
    "programme": _("Programma"), "budget": _("Begroting"), "policy_report": _("Beleidsrapport"),
    "parliamentary_letter": _("Statenbrief"), "other": _("Overig"),
}
DECISION_KINDS = {
    "approve": _("ingestemd"), "adopt": _("vastgesteld"), "take_note": _("kennisgenomen"),
    "reject": _("afgewezen"), "postpone": _("aangehouden"), "other": _("overig"),
}
ATTENDANCE = {"present": _("aanwezig"), "absent": _("afwezig"), "partial": _("deels aanwezig")}
SIZES = {"small": _("klein"), "medium": _("middelgroot"), "large": _("groot")}
# indicative hours per week per size class (klein < 4, middelgroot 4-12, groot > 12)
SIZE_HOURS = {"small": 2, "medium": 8, "large": 16}
AMOUNT_ROLES = {
    "budget": _("budget"), "subsidy": _("subsidie"), "cofinancing": _("cofinanciering"), "cost": _("kosten"),
    "savings": _("besparing"), "revenue": _("opbrengst"), "other": _("overig"),
}
FACETS = {
    "type": _("Soort document"), "organisation": _("Organisatie"), "year": _("Jaar"),
    "municipality": _("Gemeente"), "person": _("Persoon"), "kind": _("Soort feit"),
}


def label(mapping: dict, code):
    if code is None:
        return ""
    return mapping.get(code, code)

"""Dutch labels (translatable) for the contract's codes."""

from django.utils.translation import gettext_lazy as _

from ..extract.registry import KINDS

# the registry's Dutch labels, translated; the literals below put them in the message catalogue
_CATALOGUE = (_("Vergaderingen"), _("Agendapunten"), _("Besluiten"), _("Stemmingen"), _("Acties"), _("Toezeggingen"),
              _("Belangrijke data"), _("Projecten"), _("Bedragen"), _("Personen"), _("Organisaties"), _("Gemeenten"))
KIND_LABELS = {k.key: _(k.label) for k in KINDS}
VOTE_OUTCOMES = {
    "adopted": _("aangenomen"), "rejected": _("verworpen"), "withdrawn": _("ingetrokken"), "held": _("aangehouden"),
    "unanimous": _("unaniem aangenomen"), "other": _("overig"),
}
VOTE_SUBJECTS = {"proposal": _("voorstel"), "motion": _("motie"), "amendment": _("amendement"), "other": _("overig")}
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
# the review of facts below the publication confidence ("open" = nobody reviewed it yet)
REVIEW_STATES = {"open": _("te controleren"), "accepted": _("geaccepteerd"), "rejected": _("afgewezen")}

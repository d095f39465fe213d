from django import forms
from django.utils.translation import gettext_lazy as _


class ActionForm(forms.Form):
    what = forms.ChoiceField(choices=[("done", _("Afgerond")), ("reopen", _("Weer open")), ("note", _("Alleen notitie"))])
    note = forms.CharField(label=_("Notitie"), required=False, max_length=2000)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Bestand (PDF, DOCX, HTML, tekst)"))

"""General Dutch governance patterns, each as a small hand-written variant run through the whole pipeline
(read → segment → extract). Written from what development documents of many bodies showed; the texts here
name no body of any evaluation set."""

from __future__ import annotations

from regiovolger.pipeline import process_bytes


def _extract(body: str) -> dict:
    return process_bytes(body.encode("utf-8"), "test.txt").extraction


def _texts(facts: list[dict], key: str = "text") -> list[str]:
    return [f.get(key) or "" for f in facts]


def test_points_under_a_deciding_sentence_are_decisions():
    body = ("Korte aantekeningen vergadering commissie Financiën van 3 maart 2022\n"
            "1. Rappel toezeggingen\n\n"
            "Naar aanleiding van de brief van de minister besluiten de leden als volgt:\n"
            "- toezeggingen T100 en T101 als \"voldaan\" aan te merken;\n"
            "- toezegging T102 als \"openstaand\" te blijven beschouwen met nieuwe deadline 1 juli 2022;\n"
            "- toezegging T103 als \"openstaand\" te blijven beschouwen met nieuwe deadline 1 juli 2022.\n")
    d = _extract(body)
    texts = _texts(d["decisions"])
    assert any("T100" in x for x in texts) and any("T102" in x for x in texts) and any("T103" in x for x in texts)
    # a named deadline is a key date for each point, even on the same day
    assert [k["date"] for k in d["key_dates"]].count("2022-07-01") == 2
    assert d["documents"][0]["type"] == "decision_list"


def test_vote_result_written_on_lines_under_its_subject():
    body = ("Uitslagen van de raadsvergadering\n\n"
            "Een aangenomen amendement wijzigt het besluit.\n\n"
            "7.a\nAmendement over de schoolbouw\nStemmen voor:  5\nStemmen tegen:  20\nAmendement: verworpen\n\n"
            "7.b\nRaadsvoorstel Beleid armoede 2024-2027.\nStemmen voor:  25\nStemmen tegen:  0\nRaadsvoorstel: aangenomen\n")
    votes = _extract(body)["votes"]
    got = [(v["outcome"], v["votes_for"], v["votes_against"]) for v in votes]
    assert ("rejected", 5, 20) in got and ("adopted", 25, 0) in got
    assert not any(v["subject"].startswith("Een aangenomen") for v in votes)


def test_conditional_adoption_is_no_vote():
    body = ("Nieuwsbrief van de griffie\n\n"
            "Als deze motie door de raad wordt aangenomen, leidt dit tot nieuw beleid.\n")
    assert _extract(body)["votes"] == []


def test_titles_say_the_type():
    cases = {
        "Collegebesluiten 12 maart 2019\n\nHet college heeft het volgende besloten.\n": "decision_list",
        "Toezeggingen en moties\n\nNr Onderwerp Stand van zaken\n1 Verkeersplan uitwerken loopt\n": "action_list",
        "Subsidieplafonds 2024\n\nVastgestelde plafonds per regeling.\n": "budget",
    }
    for body, typ in cases.items():
        assert _extract(body)["documents"][0]["type"] == typ, body


def test_page_number_before_the_title_line():
    body = ("1 Agenda Algemeen bestuur Op 5 december 2023\nPlaats: gemeentehuis\n"
            "1. Opening\n2. Verslag vorige vergadering\nBesluit: het bestuur stelt het verslag vast.\n"
            "3. Mededelingen\n4. Rondvraag\n")
    d = _extract(body)
    assert d["documents"][0]["type"] != "proposal"
    assert [a["title"] for a in d["agenda_items"]][:2] == ["Opening", "Verslag vorige vergadering"]


def test_task_sentences_of_minutes_are_actions():
    body = ("Notulen dorpsraad 4 april 2023\nAanwezig: Anna, Bert, Cees\n\n"
            "1. Speeltuin\nOnze voorzitter neemt contact op met de gemeente over de speeltuin.\n"
            "2. Jaarverslag\nDe secretaris past het jaarverslag aan en stuurt het rond.\n"
            "3. Enquête\nDe secretaris vraagt om opheldering bij de gemeente.\n")
    texts = " | ".join(_texts(_extract(body)["actions"]))
    assert "contact op" in texts and "jaarverslag" in texts and "opheldering" in texts


def test_listed_amounts_are_projects_only_under_a_lead_about_projects():
    listed = ("De minister kent in deze ronde de volgende Regio Deals toe:\n"
              "Westhoek € 12 miljoen\nOostpolder € 8,5 miljoen\nZuidkust € 20 miljoen\n")
    names = _texts(_extract(listed)["projects"], "name")
    assert {"Westhoek", "Oostpolder", "Zuidkust"} <= set(names)
    # the same rows under a lead that speaks of no projects, deals or awards are no projects
    costs = "De kosten per windstreek zijn als volgt:\nNoordkant € 12 miljoen\nZuidkant € 8 miljoen\nOostkant € 4 miljoen\n"
    assert _extract(costs)["projects"] == []


def test_money_spent_on_a_named_work_is_a_project():
    body = ("Nieuwsbericht\n\nHet waterschap heeft 1,3 miljoen euro uitgetrokken voor het baggeren van de haven "
            "bij Oudedorp.\n")
    projects = _extract(body)["projects"]
    assert any("baggeren van de haven" in p["name"].lower() and p["budget_eur"] == 1300000 for p in projects)


def test_register_of_council_commitments():
    body = ("Openstaande raadstoezeggingen per april 2023\n\n"
            "Openstaande raadstoezeggingen, die nog niet zijn afgedaan:\n"
            "12 4-2-2021 Fractie A Verkeersveiligheid: de wethouder komt terug op de oversteekplaats. loopt\n"
            "15 8-6-2022 Fractie B Sportpark: het college informeert de raad over de kosten. loopt\n")
    texts = " | ".join(_texts(_extract(body)["commitments"]))
    assert "oversteekplaats" in texts and "Sportpark" in texts


def test_people_after_a_role_label_inside_the_attendance_list():
    body = ("Notulen van de openbare vergadering van het algemeen bestuur, gehouden op 5 maart 2023\n"
            "Aanwezig: mevrouw A.B. Claes en de heren C. Dekker en E. Fransen, allen vertegenwoordiger van de fractie "
            "Water; voorzitter : de heer G.H. Jansen secretaris : mevrouw K. van den Berg\n"
            "Afwezig met bericht van verhindering: de heer L. Mol\n\n1. Opening\nDe voorzitter opent de vergadering.\n")
    names = {a["name"] for m in _extract(body)["meetings"] for a in m["attendees"] if a["status"] != "absent"}
    assert {"G.H. Jansen", "K. van den Berg", "C. Dekker"} <= names


def test_meeting_portal_fields_and_double_numbered_items():
    body = ("Vergadering college\n\nOrgaan:\nBurgemeester en Wethouders\nDatum:\n02-10-2023\nLocatie:\nRaadzaal\n\n"
            " 1. 001. Rondvraag\n\n  Rondvraag\n\n  Besluit De wethouder deelt mee dat de besluitenlijst van de "
            "vergadering van 25 september 2023 klaar is.\n\n 2. 002. Besluitenlijst\n\n  Besluitenlijst van de vergadering "
            "van 25 september 2023\n\n  Besluit De besluitenlijst wordt ongewijzigd vastgesteld.\n")
    d = _extract(body)
    assert [(m["date"], m["body"].lower()) for m in d["meetings"]] == [
        ("2023-10-02", "college van burgemeester en wethouders")]
    assert [(a["number"], a["title"]) for a in d["agenda_items"]] == [("001", "Rondvraag"), ("002", "Besluitenlijst")]


def test_flattened_register_numbering_is_put_back_on_lines():
    from regiovolger.extract.view import relined
    line = ("Vergadering algemeen bestuur 01 Opening en vaststellen agenda. Vaststellen. 02 Verslag vorige vergadering "
            "Vaststellen. 03 Ingekomen post. 1. Instemmen met de afhandeling. 2. Kennis nemen. 04 Benoeming DB-lid. "
            "05 Jaarrekening 2023 Vaststellen. 06 Rondvraag en sluiting van de vergadering door de voorzitter. ")
    lines = relined(line).split("\n")
    assert [ln.split()[0] for ln in lines[1:] if ln[:1] == "0"] == ["01", "02", "03", "04", "05", "06"]
    assert len(relined(line)) == len(line)


def test_enumerated_days_are_each_a_key_date():
    body = ("Collegebesluiten 3 mei 2023\n\nOp 15, 16 en 17 mei 2023 vergaderen de commissies.\n"
            "Zij geven advies over de voorstellen die in het algemeen bestuur aan de orde komen.\n")
    dates = {k["date"] for k in _extract(body)["key_dates"]}
    assert {"2023-05-15", "2023-05-16", "2023-05-17"} <= dates


def test_subject_under_an_onderwerp_label_is_the_item_title():
    body = ("Besluitenlijst GS-vergadering van 9 mei 2023\n\n"
            "Nummer Afdeling Gedeputeerde\n1 Allen Secretaris\nOnderwerp\nBesluitenlijst van de vorige vergadering.\n\n"
            "Nummer Afdeling Gedeputeerde\n2 2023-0042 WVV Jansen\nOnderwerp\nReconstructie provinciale weg.\n\n"
            "Nummer Afdeling Gedeputeerde\n3 2023-0077 REW Pietersen\nOnderwerp\nSubsidieregeling jeugd.\n")
    titles = [a["title"] for a in _extract(body)["agenda_items"]]
    assert "Reconstructie provinciale weg" in titles and "Subsidieregeling jeugd" in titles


def test_matters_listed_under_an_outcome_heading_are_votes():
    body = ("Uitslagen raadsvergadering 4 juli 2023\n\n"
            "Aangenomen moties:\n- Motie Zwerfafval aanpakken (CDA)\n- Motie Speeltuin Noord (VVD, PvdA)\n\n"
            "Verworpen amendementen:\n- Amendement Parkeernorm (GroenLinks)\n\n"
            "De raad vergaderde in de raadzaal.\n")
    got = [(v["outcome"], v["subject_kind"], v["subject"]) for v in _extract(body)["votes"]]
    assert ("adopted", "motion", "Motie Zwerfafval aanpakken (CDA)") in got
    assert ("adopted", "motion", "Motie Speeltuin Noord (VVD, PvdA)") in got
    assert ("rejected", "amendment", "Amendement Parkeernorm (GroenLinks)") in got
    assert len(got) == 3


def test_counts_written_as_for_against_votes():
    body = "Verslag raadsvergadering 4 juli 2023\n\nDe motie over het zwembad wordt met 15 tegen 12 stemmen aangenomen.\n"
    got = [(v["outcome"], v["votes_for"], v["votes_against"]) for v in _extract(body)["votes"]]
    assert got == [("adopted", 15, 12)]


def test_attendance_per_faction_on_one_line():
    body = ("Verslag commissie Bestuur 28 oktober 2019\nVoorzitter: W. Tak\n"
            "Aanwezig namens de fracties: VVD: A. Jansen, B. Pieters; CDA: C. de Boer; D66: D. Smit (tot 21.00 uur)\n"
            "Afwezig: E. Mol (PvdA)\n\n1. Opening\nDe voorzitter opent de vergadering.\n")
    got = {a["name"]: (a["organisation"], a["status"]) for m in _extract(body)["meetings"] for a in m["attendees"]}
    assert got["B. Pieters"] == ("VVD", "present") and got["C. de Boer"] == ("CDA", "present")
    assert got["D. Smit"] == ("D66", "partial") and got["E. Mol"][1] == "absent"


def test_a_letter_promising_its_addressee_what_comes_next():
    body = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 11 juni 2014\n\nGeachte voorzitter,\n\n"
            "Hierbij informeer ik uw Kamer over de voortgang. Voor 1 januari 2015 stuur ik u een nieuwe rapportage. "
            "Het wetsvoorstel wordt naar verwachting in het voorjaar van 2015 bij uw Kamer ingediend. In 2013 is de "
            "evaluatie afgerond. Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek. "
            "Ik heb u eerder geïnformeerd over de pilot.\n\nDe Minister van Economische Zaken,\nH.G.J. Kamp\n")
    d = _extract(body)
    promised = [c["text"] for c in d["commitments"]]
    assert any(x.startswith("Voor 1 januari 2015 stuur ik u") for x in promised)
    assert any(x.startswith("Ik zal uw Kamer voor de zomer") for x in promised)
    assert not any("Hierbij" in x or "eerder" in x for x in promised)
    assert all(c["evidence"]["confidence"] < 0.6 for c in d["commitments"])  # reviewed by staff before publication


def test_adopted_as_a_formality_is_a_vote_not_a_condition():
    body = "Besluitenlijst raad 3 mei 2023\n\n5. Verordening afvalstoffen 2023\nAls hamerstuk aangenomen.\n"
    assert [(v["subject"], v["outcome"]) for v in _extract(body)["votes"]] == [
        ("Verordening afvalstoffen 2023", "unanimous")]


def test_points_under_beslispunten_in_a_decision_list_are_decisions_not_agenda_items():
    body = ("Besluitenlijst vergadering dagelijks bestuur 14 maart 2023\n\n"
            "1. Vervanging gemaal De Polder\n\nPortefeuillehouder\n\nJansen, P.\n\nBeslispunten\n\n"
            " 1. In te stemmen met de aanbesteding van het nieuwe gemaal voor € 2.400.000.\n"
            " 2. Kennis te nemen van de planning van de bouw.\n"
            " 3. Het algemeen bestuur te informeren via bijgevoegde mededeling.\n\n"
            "2. Benoeming leden adviescommissie water\n\nBeslispunten\n\n"
            " 1. De heer A. de Wit te benoemen tot lid van de adviescommissie.\n")
    d = _extract(body)
    texts = _texts(d["decisions"])
    for clause in ("In te stemmen met de aanbesteding", "Kennis te nemen van de planning",
                   "Het algemeen bestuur te informeren", "De heer A. de Wit te benoemen"):
        assert any(x.startswith(clause) for x in texts), clause
    assert [i["number"] for i in d["agenda_items"]] == ["1", "2"]


def test_projects_named_by_agenda_titles_need_no_money_of_their_own():
    body = ("Besluitenlijst vergadering dagelijks bestuur 9 mei 2023\n\n"
            " 4. Kredietaanvraag project Slimme Stuwen Oost\n"
            " 5. Bestuursvoorstel Beekherstelproject De Molenbeek\n"
            " 6. Projectplan ‘Herinrichting Kerkstraat–Dorpsweg Zuid’\n"
            " 7. Aanvraagformulier project Waterprogramma 2030\n\n"
            "Het project De gemeente heeft nog geen reactie gegeven.\n")
    names = _texts(_extract(body)["projects"], "name")
    assert "Slimme Stuwen Oost" in names and "De Molenbeek" in names
    assert "Herinrichting Kerkstraat–Dorpsweg Zuid" in names
    assert not any("Waterprogramma" in n for n in names)  # a form's title names its programme
    assert not any(n.startswith("De gemeente") or n == "De" for n in names)


def test_a_page_flattened_to_one_line_is_typed_and_titled_by_its_first_sentence():
    body = ("1 VERSLAG van de vergadering van het Buurtplatform Noord op dinsdag 4 maart 2008 om uur in het "
            "Wijkcentrum. Voorzitter mevrouw A. Bakker Afwezig met kennisgeving de heer B. Smit 1 Opening De "
            "voorzitter opent de vergadering en heet iedereen welkom. 2 Mededelingen Er zijn geen mededelingen "
            "over de wijkschouw of over het onderhoud van het park aan de noordkant van de wijk.\n")
    d = _extract(body)
    [doc] = d["documents"]
    assert (doc["type"], doc["date"]) == ("minutes", "2008-03-04")
    assert doc["title"].endswith("in het Wijkcentrum.") and len(doc["title"]) < 160
    assert [m["date"] for m in d["meetings"]] == ["2008-03-04"]


def test_tasks_in_minutes_written_as_a_passive_with_its_doer_or_after_a_fronted_phrase():
    body = ("Notulen bestuursvergadering Dorpsraad 3 februari 2020\n"
            "Aanwezig: Kees, Anna, Bram\n\n"
            "    1. Over de nieuwsbrief zal Kees de teksten naar Anna sturen. De opmaak zal verzorgd worden door Anna "
            "en Bram. Het weer was die avond slecht.\n")
    actions = _extract(body)["actions"]
    owners = {tuple(a["owners"]) for a in actions}
    assert ("Kees",) in owners and ("Anna", "Bram") in owners
    assert not any("weer" in a["text"] for a in actions)


def test_points_under_besluit_closed_by_an_outcome_and_a_reported_approval_in_the_simple_past():
    body = ("College van B en W\n\ndinsdag 8 maart 2022\n\nAgendapunten\n\n  1. 1\n\n"
            "    Voorgesteld besluit\n\n    1. Te starten met de proef Buurtbus Oost in 2022\n\n"
            "    Besluit\n\n    1. Te starten met de proef Buurtbus Oost in 2022\n\n    Akkoord.\n\n"
            "  2. 2\n\n    Op 1 maart keurde de stuurgroep drie nieuwe projecten goed.\n")
    texts = _texts(_extract(body)["decisions"])
    assert any(x.startswith("Te starten met de proef Buurtbus Oost") for x in texts)
    assert any("keurde de stuurgroep drie nieuwe projecten goed" in x for x in texts)


def test_a_meeting_portal_page_with_proposal_rows_is_a_meeting():
    body = ("Raadsvergadering\n\ndinsdag 12 april 2022\n\n19:30 - 22:00\n\nLocatie\nRaadszaal\nVoorzitter\nP. de Groot\n\n"
            "Uitzending\n\nAgendapunten\n\nBesluit\n\nDe voorzitter opent de vergadering. De heer Bos is met kennisgeving "
            "afwezig.\n\n00:00:10 - 00:01:00 - P. de Groot\n\nVoorstel: de agenda vast te stellen.\n\nBesluit\n\n"
            "De agenda wordt ongewijzigd vastgesteld.\n\nVoorstel: de besluitenlijst van 1 maart 2022 vast te stellen.\n\n"
            "Besluit\n\nDe besluitenlijst wordt ongewijzigd vastgesteld.\n\nVoorstel: de lijst met ingekomen stukken vast "
            "te stellen.\n\nBesluit\n\nDe lijst wordt ongewijzigd vastgesteld.\n")
    d = _extract(body)
    assert [m["date"] for m in d["meetings"]] == ["2022-04-12"]


def _attendees(d: dict) -> dict[str, str]:
    return {a["name"]: a["status"] for m in d["meetings"] for a in m["attendees"]}


def test_attendance_in_columns_with_blank_lines_between_rows():
    body = ("Verslag Wijkoverleg Oost 12 maart 2019\n\n"
            "Aanwezig:  Dhr. K. Akkerman                      Noordbuurt (voorzitter)\n\n"
            "                 Mevr. L. Brink                   Noordbuurt\n\n"
            "Dhr. P. Claassen                      Zuidbuurt\n\n"
            "Mevr. T. Dekker                       Stichting Welzijn\n\n"
            "Afwezig:        Dhr. R. Evers (mk)               Zuidbuurt\n\n"
            "1. Opening\nDe voorzitter opent de vergadering.\n")
    att = _attendees(_extract(body))
    assert {k: v for k, v in att.items() if v == "present"}.keys() == {"K. Akkerman", "L. Brink", "P. Claassen", "T. Dekker"}
    # the column after the name is its descriptor, never part of the name
    assert not any("Noordbuurt" in name for name in att)


def test_abbreviated_labels_after_a_heading_that_lost_its_line_break():
    body = ("Adviesraad Sociaal Domein\n"
            "Verslag bijeenkomst Adviesraad Sociaal Domein op 4 maart 2015 Aanw.:\n"
            "dhr. A. Bakker, mw. J. v.d. Linde, mw. M. Smit (notulen)\n"
            "Afw.:\nmw. A. Jong, dhr. T. Wit\n"
            "1. Opening en vaststelling van de agenda De voorzitter heet iedereen welkom en merkt op dat er twee "
            "punten bij komen. Dhr. Bakker licht toe dat de werkgroep is gestart.\n")
    d = _extract(body)
    att = _attendees(d)
    assert att.get("A. Bakker") == "present" and att.get("J. v.d. Linde") == "present"
    assert att.get("T. Wit") == "absent"
    assert d["documents"][0]["type"] == "minutes" and d["meetings"][0]["date"] == "2015-03-04"


def test_attendance_table_whose_cells_lost_their_gap():
    body = ("Notulen Raad 2 februari 2017 (19:30)\n\nDatum: 02-02-2017\nGenodigden:\nAanwezigNaam\n"
            "VoorzitterG. Akkerman\n"
            "LokaalA.J. Bos, dr. E.G. Claassen en R. Dekker\n"
            "PartijXdrs. I. Evers en H.J. Fokkema\n"
            "Het collegeA.J. Groen, B. Hoek\n\n"
            "1 Opening\nDe voorzitter opent de vergadering.\n")
    att = _attendees(_extract(body))
    for name in ("A.J. Bos", "E.G. Claassen", "R. Dekker", "I. Evers", "A.J. Groen"):
        assert att.get(name) == "present", (name, att)
    assert not any(name.startswith(("Lokaal", "PartijX", "AanwezigNaam")) for name in att)


def test_a_stand_in_was_present_in_place_of_the_member():
    body = ("Verslag van de vergadering van het Algemeen Bestuur van 17 juni 2009\n"
            "Berichten van verhindering/vervanging: Westdorp: dhr. De Boer Oostdorp: dhr. Van Dam (wordt vervangen "
            "door mw. Van Eck), dhr. Faber, mw. Groen (wordt vervangen door dhr. Hoek), dhr. Ismail\n"
            "1. Opening\nDe voorzitter opent de vergadering.\n")
    att = _attendees(_extract(body))
    assert att.get("Van Dam") == "absent" and att.get("Groen") == "absent"
    assert att.get("Van Eck") == "present" and att.get("Hoek") == "present"


def test_meeting_portal_page_is_an_agenda_or_with_decisions_a_decision_list():
    head = ("Commissie Ruimte\n\ndonderdag 18 april 2024\n\n19:30 - 22:30\nLocatie\n\nRaadzaal\n\nVoorzitter\n"
            "Mw. K. Akkerman\nAgenda documenten\n\nAgendapunten\n\n")
    agenda = head + " 1. 1\n  Opening\n 2. 2\n  Mededelingen\n 3. 3\n  Verordening parkeren\n"
    decided = head + " 1. 1\n\n  Besluit\n\n  De agenda wordt vastgesteld.\n 2. 2\n\n  Besluit\n\n  Conform voorstel.\n"
    assert [p["type"] for p in _extract(agenda)["documents"]] == ["agenda"]
    assert [p["type"] for p in _extract(decided)["documents"]] == ["decision_list"]


def test_bullet_points_are_no_titles_of_new_documents():
    body = ("Bespreekpunten vergadering wijkraad 12 december 2011\n"
            " 1. Opening door de voorzitter en vaststellen agenda\n"
            " 2. Afwezig met bericht: Anna, Bert\n"
            " 3. Berichten van de coördinator\n"
            "  • Brief over onbeantwoorde vragen verzonden\n"
            "  • Verslag van de werkgroep volgt nog\n"
            " 4. Rondvraag\n")
    d = _extract(body)
    assert len(d["documents"]) == 1
    numbers = [a["number"] for a in d["agenda_items"]]
    assert numbers[:4] == ["1", "2", "3", "4"], numbers  # the attendance inside item 2 keeps item 1


def test_item_start_times_are_no_part_of_agenda_titles():
    body = ("Raadsvergadering - 9 november 2017\n\nLocatie: Raadszaal\n\n"
            "1\n17.00 uur Opening en inspreken burgers\n2\n17.05 uur Vaststellen agenda\n"
            "3\n17.10 uur Behandeling Begroting 2018\n4\n18.20 uur Schorsing\n5\n21.45 uur Rondvraag\n"
            "6\n22.00 uur Sluiting\n")
    titles = [a["title"] for a in _extract(body)["agenda_items"]]
    assert titles[:4] == ["Opening en inspreken burgers", "Vaststellen agenda", "Behandeling Begroting 2018", "Schorsing"]


def test_a_sentence_adverb_is_no_owner_of_a_task():
    body = ("Besluitenlijst college 5 mei 2021\n\n1. Manifest\n"
            "Het manifest sluit aan bij ons beleid. Daarnaast zet het de gemeente op de kaart als groene gemeente.\n")
    assert not any("Daarnaast" in (a.get("owners") or [""])[0] for a in _extract(body)["actions"] if a.get("owners"))


def test_project_names_in_running_prose():
    from regiovolger.extract.projects.prose_names import prose_name
    assert prose_name("De gemeente wil twee miljoen euro investeren in renovatie van de sporthal in Noorddorp.") \
        == "Renovatie van de sporthal in Noorddorp"
    assert prose_name("Ook komt er een fietspad langs de Dorpsweg in Oosthoek.") == "Fietspad langs de Dorpsweg in Oosthoek"
    assert prose_name("Uit het Leefbaarheidsfonds zijn 30 subsidies verstrekt.") == "Leefbaarheidsfonds"
    assert prose_name("Aan welke resultaten van de Regio Deal levert dit project een bijdrage?") is None
    assert prose_name("De raad vergadert op 5 mei over de begroting.") is None


def test_a_news_item_reports_the_meeting_it_tells_about():
    dated = ("Raadsvergadering 28 juni 2018\n\nOndanks de korte agenda nam de raad drie uur de tijd voor het debat over "
             "de nieuwe sporthal. Volgens de fractie was het een goed gesprek.\n")
    undated = ("Raad kiest voor sporthal\n\nDe raad heeft hierover donderdagavond vergaderd en nam na een motie het "
               "plan aan. Het college gaat het plan uitwerken.\n\nJan de Vries van het CDA vroeg naar de kosten. "
               "Volgens D66-raadslid Anna Bakker is het plan sober.\n")
    unrelated = "Nieuwe bibliotheek open\n\nDe bibliotheek aan het Marktplein is vandaag geopend.\n"
    d = _extract(dated)
    assert [(m["body"], m["date"]) for m in d["meetings"]] == [("gemeenteraad", "2018-06-28")]
    d = _extract(undated)
    assert [(m["body"], m["date"]) for m in d["meetings"]] == [("gemeenteraad", None)]
    assert _attendees(d) == {"Jan de Vries": "present", "Anna Bakker": "present"}
    assert _extract(unrelated)["meetings"] == []


# --- sixth session: patterns seen in development set 5 and earlier sets -------------------------------------------


def _types(body: str) -> list[str]:
    return [d["type"] for d in _extract(body)["documents"]]


def test_a_page_flattened_to_one_line_is_typed_by_its_sentences():
    minutes = ("1 OPENBARE VERGADERING van de raad der gemeente Oosterdorp op donderdag 3 maart 2011 in het raadhuis "
               "Aanwezig de leden: mevrouw A.B. Smit (PvdA), de heer C. de Vries (CDA), de heer D. Jansen (VVD) en de "
               "heer E. Bakker (SGP) Griffier: de heer F. Mulder Voorzitter stelt aan de orde: AGENDAPUNT 1 Opening "
               "Dames en heren, goedenavond. Ik open hierbij de vergadering van de raad. " + "Wij spreken vanavond "
               "over de begroting en over de plannen voor het centrum van het dorp. " * 6)
    assert _types(minutes) == ["minutes"]
    letter = ("Gemeente Westdorp College van burgemeester en wethouders Postbus 10 WESTDORP Datum 17 november 2011 "
              "Ons kenmerk : AB/123 Betreft : Rapportage Geacht college, Hierbij bied ik u de eerste rapportage van "
              "de regio aan. " + "In deze rapportage staan de inspanningen over de eerste maanden van het jaar. " * 6)
    assert _types(letter) == ["letter"]


def test_we_propose_that_you_decide_is_a_proposal():
    body = ("Op grond van vorenstaande stellen wij u voor in uw eerstvolgende vergadering te besluiten een "
            "kasgeldleningsbesluit vast te stellen tot een bedrag van € 2.000.000.\n")
    assert _types(body) == ["proposal"]


def test_a_part_of_the_budget_and_a_reserve_specification_are_budget():
    assert _types("Ontvangen subsidies\n\nMet dit onderdeel van de begroting 2017 informeren we u over "
                  "subsidiebijdragen.\n") == ["budget"]
    assert _types("Specificatie reserve overlopende projecten\n\nOmschrijving\n\nDoorontwikkeling website\n\n"
                  "29.500\n") == ["budget"]


def test_a_news_headline_naming_a_budget_is_no_budget():
    body = ("Ontwerpbegroting Regio Noord 2020-2023 akkoord\n\n"
            "Het bestuur heeft de ontwerpbegroting goedgekeurd. De gemeenteraden ontvangen de begroting.\n\n"
            "Foto: het bestuur\n\nNaar overzicht\n")
    assert _types(body) == ["other"]


def test_a_meeting_portal_page_is_one_decision_list():
    body = ("Gemeenteraad\n\nRaadsvergadering\n\nmaandag 21 december 2020 18:00 - 21:30\nLocatie:\nRaadzaal\n\n"
            "Agendapunten\n\n • 1\n\n  Opening en mededelingen.\n\n • 2\n\n"
            "  Voorstel aan de raad om het controleprotocol 2020 vast te stellen.  Besluit\n"
            "  De raad stelt het controleprotocol vast.\n\n"
            "Toezeggingen\n\nTitel\nAfvalwater\nRegie op gesprek met omwonenden\n")
    d = _extract(body)
    assert [x["type"] for x in d["documents"]] == ["decision_list"]
    # the promises under the portal's "Toezeggingen" / "Titel" head, one per line
    assert _texts(d["commitments"]) == ["Afvalwater", "Regie op gesprek met omwonenden"]


def test_lettered_sub_items_and_unnumbered_headings_are_agenda_items():
    lettered = ("Notulen\n\nVergadering van het algemeen bestuur, 22 april 2010\n\n"
                "Aanwezig: mevrouw A. Smit, voorzitter, de heer B. Jansen\n\n"
                "1. Opening.\n\nDe voorzitter opent de vergadering.\n\n"
                "2. a) Verslag van de vergadering van 26 november 2009.\n\nHet verslag wordt vastgesteld.\n\n"
                "b) Verslag van de vergadering van 2 december 2009.\n\nHet verslag wordt vastgesteld.\n")
    items = [(i["number"], i["title"][:7]) for i in _extract(lettered)["agenda_items"]]
    assert ("2a", "Verslag") in items and ("2b", "Verslag") in items
    headed = ("Verslag vergadering dorpsraad 21-01-2021\n\nAanwezig:\nAnna Smit (voorzitter), Bert Jansen\n\n"
              "Opening online vergadering\n\nIngekomen stukken / mededelingen:\n\n"
              " • Kennismaking wethouder\n  We maken een afspraak met de nieuwe wethouder.\n\n"
              "Financiën dorpsraad\nDe aanvragen die zijn gehonoreerd blijven voorlopig staan.\n\n"
              "Rondvraag\n\n • Verkeer\n  De snelheid in de dorpsstraat blijft een zorg van de bewoners.\n\n"
              "Voorzitter sluit de vergadering\n\nVACATURE\nDe dorpsraad zoekt een penningmeester voor het bestuur.\n")
    titles = _texts(_extract(headed)["agenda_items"], "title")
    assert titles[:4] == ["Opening online vergadering", "Ingekomen stukken / mededelingen", "Financiën dorpsraad",
                          "Rondvraag"]
    assert not any("VACATURE" in t for t in titles)  # after the closing: no item


def test_attendance_in_old_prose_and_in_flattened_table_cells():
    prose = ("1 NOTULEN VERGADERING GEMEENTERAAD 22 september 2011. Voorzitter: mr. A. Bos. Tegenwoordig zijn de "
             "leden: Van Asperen, mevr. Baş, Beerlage, mevr. De Boer, Işik en Zwanenberg. Griffier: drs. C. Smit. "
             "De VOORZITTER opent de vergadering.\n")
    names = {a["name"] for m in _extract(prose)["meetings"] for a in m["attendees"]}
    assert {"Van Asperen", "Baş", "Beerlage", "De Boer"} <= names
    cells = ("vergadering |\nnotulen ledenraad 2023 |\ndatum |\n22 juni 2023 |\naanwezig |\n"
             "Anna de Wit |\nCollege Noord |\nBert van Dam |\nCollege Zuid |\nCarla Smit |\nCollege Oost |\n|\n"
             "1. Opening\nDe voorzitter opent de vergadering.\n")
    names = {a["name"] for m in _extract(cells)["meetings"] for a in m["attendees"]}
    assert {"Anna de Wit", "Bert van Dam", "Carla Smit"} <= names


def test_prose_attendance_with_plural_honorifics_and_sentences():
    body = ("Notulen van de openbare vergadering van de raad, gehouden op dinsdag 8 april 2008. Aanwezig: de "
            "raadsleden, te weten, de dames T.A. Buis en ir. C.H. van den Berg- Huisman, de heren H.J. Bolhuis en "
            "J. Brink, J. Talens en de dames T. Terwal-Arends en R.M. Zuiker. De wethouders, te weten, de heren "
            "mr. J.D. Frieling en H. Kosmeijer.\n\n1. Opening\n\nDe voorzitter opent de vergadering.\n")
    names = {a["name"] for m in _extract(body)["meetings"] for a in m["attendees"]}
    assert {"T.A. Buis", "C.H. van den Berg-Huisman", "J. Talens", "T. Terwal-Arends", "R.M. Zuiker",
            "J.D. Frieling"} <= names


def test_weekdays_tell_the_year_of_an_undated_news_item():
    body = ("Gemeente legt kadernota voor\n\nDat valt op te maken uit de Kadernota 2018, die het college vandaag "
            "presenteert.De sporthal is oud. De gemeenteraad houdt op donderdag 8 juni een bijeenkomst over de "
            "kadernota met de inwoners. Op 22 juni debatteert de raad en neemt op 6 juli een definitief besluit.\n")
    dates = {k["date"] for k in _extract(body)["key_dates"]}
    assert {"2017-06-08", "2017-06-22", "2017-07-06"} <= dates


def test_a_credit_list_names_its_projects():
    body = ("Voorstel aan de raad om:\n4. De volgende kredieten aan te passen:\n"
            "- 78002 ontwikkeling Stationsstraat: € 760.000 doorschuiven naar 2021\n"
            "- 71113 snelfietsroute Noord-Zuid: aanvullend krediet € 100.000\n"
            "- 74008 Centrale plein Oost: aanvullend krediet € 62.000\n")
    got = {(p["name"].lower(), p["budget_eur"]) for p in _extract(body)["projects"]}
    assert {("ontwikkeling stationsstraat", 760000), ("snelfietsroute noord-zuid", 100000),
            ("centrale plein oost", 62000)} <= got


def test_weekday_year_needs_one_fitting_year():
    from regiovolger.extract.sentences import weekday_year
    text = "Kadernota 2018. De raad vergadert op donderdag 8 juni."
    assert weekday_year(text, 0, len(text)) == 2017
    # no year named near the weekday: nothing to choose from
    text = "De raad vergadert op donderdag 8 juni."
    assert weekday_year(text, 0, len(text)) is None
    # years far apart allow more than one year with a Thursday on 8 June: no guess
    text = "Plan 2012-2024. De raad vergadert op donderdag 8 juni."
    assert weekday_year(text, 0, len(text)) is None


def test_cells_of_a_table_in_thousands_are_amounts():
    from regiovolger.extract.amounts import find_amounts
    table = ("In onderstaande tabel zijn de financiële afwijkingen opgenomen. Deze posten lichten we toe bij het "
             "programma waar ze horen.\n\nProgramma\n\nOnderwerp\n\n2023\n\nExtra verkiezing\n\n257\n\n"
             "Treasury\n\n-580\n\nEindtotaal\n\n \n\n-323\n\nBedragen * 1.000\n")
    values = [int(a.value_eur) for a in find_amounts(table)]
    assert values == [257000, -580000, -323000]  # the year in the head is no amount
    # the same cells without a unit line are numbers, not money
    assert find_amounts(table.replace("Bedragen * 1.000\n", "")) == []


def test_press_release_above_an_agenda_dates_its_meeting_and_run_on_items_count():
    body = ("Gemeente Zuiderdorp\nRaadsvergadering Zuiderdorp 13 mei a.s.\n"
            "Op dinsdag 13 mei aanstaande komt de gemeenteraad bijeen in de raadzaal. Deze openbare vergadering "
            "begint om 20.00 uur. Burgers kunnen over een geagendeerd voorstel het woord voeren gedurende maximaal "
            "5 minuten; aanmelden kan tot 10.00 uur op de dag van de vergadering bij de griffier. Publiek is van "
            "harte welkom bij deze vergadering. Insprekers worden verzocht hun bijdrage digitaal te sturen.\n"
            "Agenda\n1. Opening\n2. Mededelingen\n3. Vaststellen notulen 22 april 2008\n"
            "A.Besluitvorming 4. Eerste voortgangsrapportage 2008 5. Tussenbalans beleidsprogramma 2006-2010 "
            "6. Krediet voor de brede school B.Informatief\n7. Sluiting\n")
    d = _extract(body)
    assert "2008-05-13" in [m["date"] for m in d["meetings"]]
    assert "2008-04-22" not in [m["date"] for m in d["meetings"]]  # the date of an item is not the meeting's
    numbers = [i["number"] for i in d["agenda_items"]]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]


def test_labels_stacked_before_their_values_are_read_as_those_present():
    # a two-column attendance table read label column first, all on one line, with a page number run into the title
    body = ("1 Notulen van de openbare vergadering van de raad van de gemeente Oudedorp, gehouden op dinsdag "
            "4 maart 2014 Aanwezig: P.Q. Aalbers, R. Bosma (Dorpspartij) en mevrouw S.T. Claessen (Groen). "
            "Voorzitter: Wethouders: Griffier: Verslag: Mevrouw K. de Vries-Mol Mevrouw L. Evers, de heer M. Fokker "
            "Mevrouw N. Gans De heer O. Hoek 1. Opening De voorzitter opent de vergadering.\n")
    meeting = _extract(body)["meetings"][0]
    names = {a["name"] for a in meeting["attendees"]}
    assert {"P.Q. Aalbers", "R. Bosma", "S.T. Claessen", "K. de Vries-Mol", "L. Evers", "M. Fokker", "N. Gans",
            "O. Hoek"} <= names
    assert meeting["chair"] == "K. de Vries-Mol"
    assert meeting["date"] == "2014-03-04"


def test_a_name_run_into_the_next_honorific_and_a_degree_after_a_name():
    body = ("Verslag van de vergadering van de raad, gehouden op 5 juni 2015\n"
            "Aanwezig: mevrouw K.A. van Dam de dames mr. A.M. Jansen (D66), drs. Th.H.M. Smit mpa (PvdA) "
            "en de heren ir. F.W. van den Berg (VVD)\n\n1. Opening\n")
    names = {a["name"] for a in _extract(body)["meetings"][0]["attendees"]}
    assert {"K.A. van Dam", "A.M. Jansen", "Th.H.M. Smit", "F.W. van den Berg"} <= names


def test_periods_announced_in_news_are_key_dates_without_a_day():
    body = ("Nieuw zwembad in Oudedorp\n\n"
            "De opening van het nieuwe zwembad wordt voorzien in het eerste kwartaal van 2031. "
            "De nieuwe exploitant moet eind oktober bekend zijn. In het najaar volgt de definitieve besluitvorming. "
            "Het oude bad is in 2019 opgeknapt. Het doel is 30% minder energie in 2030. "
            "Het budget voor 2031 staat in de begroting.\n")
    got = {k["date_text"]: k for k in _extract(body)["key_dates"]}
    assert {"eerste kwartaal van 2031", "eind oktober", "najaar"} <= got.keys()
    assert all(k["date"] is None for k in got.values())
    assert not {"2019", "2030", "voor 2031"} & got.keys()  # looked back, a target, a budget year
    assert "zwembad" in got["eerste kwartaal van 2031"]["title"]


def test_item_headings_run_into_the_minutes_text():
    body = ("Notulen van de openbare vergadering van de raad, gehouden op 3 april 2012\n"
            "Aanwezig: P.Q. Aalbers, R. Bosma en S.T. Claessen Afwezig: - 1A. OPENING EN MEDEDELINGEN VAN DE VOORZITTER "
            "De VOORZITTER: Dames en heren, goedenavond. Van harte welkom. 1B. VASTSTELLING AGENDA De VOORZITTER: Dan "
            "stel ik de agenda vast. 2. Vaststelling besluitenlijst De heer Bosma vraagt naar punt 4 van de lijst "
            "van de vorige vergadering. De besluitenlijst wordt vastgesteld.\n"
            "3. De heer Aalbers wordt gevraagd als stembureau op te treden.\n")
    d = _extract(body)
    items = [(i["number"], i["title"]) for i in d["agenda_items"]]
    assert items[:3] == [("1a", "OPENING EN MEDEDELINGEN VAN DE VOORZITTER"), ("1b", "VASTSTELLING AGENDA"),
                         ("2", "Vaststelling besluitenlijst")]
    assert not any(n == "3" for n, _ in items)  # a sentence about a person after a number is no item
    assert {"P.Q. Aalbers", "R. Bosma", "S.T. Claessen"} <= {a["name"] for a in d["meetings"][0]["attendees"]}


def test_bare_figures_under_a_money_heading_are_euros():
    body = ("Bijlage bij de jaarstukken\n\nSpecificatie reserve lopende projecten\n\nOmschrijving\n\nSaldo 31-12\n\n"
            "Uitgaven 2021\n\nToelichting\n\nNieuw archiefsysteem\n\n54.000\n\n17.500\n\nMiddelen zijn ingezet.\n\n"
            "Website\n\n1.250.000\n\nVertraagd.\n\nIn 2021 zijn 200 aanvragen behandeld.\n")
    values = sorted(a["value_eur"] for a in _extract(body)["amounts"])
    assert values == [17500, 54000, 1250000]  # the count of 200 requests is no amount


def test_votes_by_majority_and_a_broken_outcome_word():
    body = ("Besluitenlijst van de vergadering van het algemeen bestuur van 2 februari 2021\n\n"
            "3. Suïcidepreventie\nHet Algemeen Bestuur besluit met een meerderheid aan stemmen om het project "
            "suïcidepreventie op te nemen in de regeling.\n\n"
            "4. Brief aan betrokkene\nHet voorstel om conform de concept-brief te reageren is met 8 stemmen voor en "
            "6 stemmen tegen aange nomen.\n")
    votes = _extract(body)["votes"]
    got = {(v["outcome"], v["votes_for"], v["votes_against"]) for v in votes}
    assert ("adopted", 8, 6) in got and ("adopted", None, None) in got
    assert any("concept-brief" in (v["subject"] or "") for v in votes)


def test_decisions_reported_in_news_and_inverted_order():
    body = ("Nieuwe brandweerkazerne\n\nOmdat de huidige kazerne verouderd is en niet meer voldoet, heeft de "
            "gemeenteraad eerder dit jaar besloten om op de huidige locatie een nieuwe kazerne te bouwen. "
            "Vorige week ging de meerderheid van de raad akkoord met het voorstel om € 2,9 miljoen uit te trekken.\n")
    texts = _texts(_extract(body)["decisions"])
    assert any("besloten om op de huidige locatie" in x for x in texts)
    assert any("ging de meerderheid van de raad akkoord" in x for x in texts)
    minutes = ("Besluitenlijst van de vergadering van het algemeen bestuur van 2 februari 2021\n\n"
               "4. Kadernota\nVervolgens besluit het AB dat hiervoor een extra vergadering wordt gepland.\n")
    assert any("besluit het AB dat" in x for x in _texts(_extract(minutes)["decisions"]))


def test_prose_names_every_work_a_sentence_names():
    from regiovolger.extract.projects.prose_names import prose_names

    names = prose_names("Het geld gaat naar de aanleg van een piekberging in de Oostpolder, het ontwerpen van een "
                        "fietsbrug bij Westdorp en de renovatie van de sporthal in Zuideind.")
    assert len(names) == 3 and names[0].startswith("Aanleg van een piekberging")
    assert any("sporthal" in n for n in names)


def test_a_meeting_held_is_minutes_and_a_present_tense_headline_is_news():
    minutes = ("Openbare vergadering van de raad der gemeente Oudedorp gehouden op maandag 23 december 1985 des avonds "
               "om acht uur in de raadzaal. Voorzitter: mr. J. de Vries, burgemeester. Aanwezig de leden Aalbers, "
               "Bosma en Claessen. 1. VASTSTELLING NOTULEN. De notulen worden vastgesteld. 2. MEDEDELINGEN. Geen.\n")
    assert _extract(minutes)["documents"][0]["type"] == "minutes"
    news = ("Gemeenteraad behandelt op 3 maart rapport over bestuurscultuur\n\n"
            "De verkenner presenteerde op 26 februari zijn bevindingen aan de gemeenteraad. Op dinsdagavond 3 maart "
            "om 20.00 uur behandelt de gemeenteraad het rapport.\n")
    assert _extract(news)["documents"][0]["type"] == "other"


def test_names_with_initials_anchor_a_list_read_column_after_column():
    body = ("Notulen van de vergadering van de raad, gehouden op donderdag 11 februari 2010\n"
            "Aanwezig: (*fractievoorzitters) Voorzitter Dorpspartij Groen Wethouders Griffier A.E. Koopman "
            "F.A.L. Polman, N.C. Portman, M.L.A. Sikking R. Verhoef* M. Haaksma*, K. Verhoeven Y.N. de Bie "
            "J.A. Jagers H. van Bergen Afwezig: - 1. OPENING De voorzitter opent de vergadering.\n")
    names = {a["name"] for a in _extract(body)["meetings"][0]["attendees"]}
    assert {"A.E. Koopman", "F.A.L. Polman", "R. Verhoef", "M. Haaksma", "Y.N. de Bie", "H. van Bergen"} <= names


def test_a_body_reporting_changes_to_its_own_policy():
    body = ("Geachte Statenleden,\n\nMet deze brief informeren wij u over het definitieve beleid.\n\n"
            "Op basis van de zienswijzen hebben wij de oorspronkelijke planning aangepast. We hebben de "
            "beoordelingscriteria voor projecten aangescherpt. Wij zullen de criteria volgend jaar evalueren.\n\n"
            "Met vriendelijke groet,\nGedeputeerde Staten\n")
    texts = _texts(_extract(body)["decisions"])
    assert any("planning aangepast" in x for x in texts) and any("criteria voor projecten aangescherpt" in x for x in texts)
    assert not any("evalueren" in x for x in texts)  # what is still to come is no decision

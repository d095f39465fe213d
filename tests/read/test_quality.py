"""Quality scores, glyph-loss detection and lexicon repair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regiovolger.document import Text, join_pages
from regiovolger.read.quality import (
    apply_quality,
    damaged_form,
    detect_lost_glyphs,
    page_quality,
    repair,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
CLEAN_SEEDS = ["000_7d41a99c5d0235de", "001_68d5d2a6072dc2a2", "002_38b91b8ba2dcf276", "003_c496a21ee49fb5b4"]
DAMAGED_SEED = "004_d72ba61341b6dc27"


def seed(name: str) -> str:
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"seed {name} not available")
    return path.read_text(encoding="utf-8")


def damage(text: str, lost: set[str]) -> str:
    """Simulate glyph loss word by word, as the PDF extraction does it."""
    return "".join(
        tok if not tok or tok.isspace() else damaged_form(tok, lost) for tok in re.split(r"(\s+)", text)
    )


# A council letter in another house style than the seeds.
RAADSBRIEF = """Geachte leden van de raad,

In uw vergadering van dinsdag heeft de wethouder toegezegd dat het college voor de
zomer met een aangepast plan voor de herinrichting van het stadshart komt. Daarin
worden de bezwaren van de bewoners en ondernemers meegenomen. Daarnaast onderzoeken
wij of de parkeerplaatsen aan de noordkant kunnen blijven. De kosten worden geraamd
op twee miljoen euro; de provincie draagt daaraan bij uit het fonds voor leefbaarheid.
Wij sturen u voor de volgende vergadering een brief met de stand van zaken en de
planning van de uitvoering. De fractie vroeg of de inwoners tijdig worden betrokken
bij de keuzes die nog moeten worden gemaakt over de inrichting van het plein.

Met vriendelijke groet,
het college van burgemeester en wethouders
"""


# --- scores ---------------------------------------------------------------------


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_clean_seeds_score_high(name):
    assert page_quality(seed(name)) >= 0.9


def test_handmade_clean_letter_scores_high():
    assert page_quality(RAADSBRIEF) >= 0.9


def test_damaged_passages_score_clearly_lower():
    lines = seed(DAMAGED_SEED).split("\n")
    voorwoord = "\n".join(lines[22:48])  # "ee  soort", "sa e le i g", "op asis"
    inleiding = "\n".join(lines[66:72])  # "o der e i ge  iet la ger gaa ..."
    assert "ee  soort" in voorwoord and "o der e i ge" in inleiding
    assert page_quality(voorwoord) < 0.8
    assert page_quality(inleiding) < 0.5
    # and the same letter with glyph loss loses its high score
    assert page_quality(damage(RAADSBRIEF, {"n", "m"})) < 0.7


def test_mojibake_and_replacement_characters_lower_the_score():
    moji = RAADSBRIEF.replace("e", "Ã«", 8) + " Eén ideeën: Ã©Ã©n ideeÃ«n, financiÃ«le gevolgen."
    assert page_quality(moji) < 0.7
    broken = RAADSBRIEF.replace("ee", "\ufffd")
    assert page_quality(broken) < 0.7


def test_table_of_numbers_is_not_garbage():
    table = (
        "Begroting (bedragen x € 1.000)\n\n"
        "            2022      2023      2024\n"
        "Lasten     1.234     5.678     9.012\n"
        "Baten      1.100     5.500     8.800\n"
        "Saldo       -134      -178      -212\n"
        "            12,5%     13,1%     14,0%\n"
    )
    assert page_quality(table) >= 0.9
    assert page_quality("1 2 3 4 5 6 7 8 9 10\n" * 20) >= 0.9


def test_ocr_junk_lowers_the_score():
    junk = "Dc gcmccntc hccft l|et voorstel ~ bespr0ken. ¦ De raad \\ stemt ^ in met dc w1jziging van |het plan.\n" * 4
    assert page_quality(junk) < 0.8


# --- detection -------------------------------------------------------------------


def test_detects_lost_letters_in_seed():
    lost = detect_lost_glyphs(seed(DAMAGED_SEED))
    assert {"n", "m", "b", "v"} <= lost
    assert not lost & set("aeiorsdtlgkhpz")  # letters that show up in the damaged words


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_detects_nothing_in_clean_seeds(name):
    assert detect_lost_glyphs(seed(name)) == set()


def test_detects_other_lost_letters():
    assert detect_lost_glyphs(damage(RAADSBRIEF, {"d", "t"})) == {"d", "t"}


def test_detects_nothing_in_clean_letter():
    assert detect_lost_glyphs(RAADSBRIEF) == set()


# --- repair ----------------------------------------------------------------------


def test_repairs_seed_examples():
    text = seed(DAMAGED_SEED)
    lost = detect_lost_glyphs(text)
    repaired, repairs = repair(text, lost)
    assert "als een soort V&D van de samenleving" in repaired
    assert "tot stand gekomen op basis van denken en doen" in repaired
    assert "ondernemingen niet langer gaan over projecten" in repaired
    assert "ee  soort" not in repaired
    for old_start, old_end, new_start, new_end, old, new in repairs:
        assert text[old_start:old_end] == old
        assert repaired[new_start:new_end] == new


def test_repairs_handmade_variant_with_other_letters():
    damaged = damage(RAADSBRIEF, {"d", "t"})
    assert "wor en" in damaged and "he  college" in damaged
    repaired, repairs = repair(damaged, {"d", "t"})
    for phrase in ("het college", "worden", "vergadering", "uitvoering", "kosten"):
        assert phrase in repaired
    assert len(repairs) > 20


def test_ambiguous_fragments_are_left_alone():
    # "aar" may be maar, naar or waar; "eer" meer, weer or neer: keep them as they are
    damaged = "Het is ee  goe  pla   aar eer i  de  a  de raa ."
    repaired, _ = repair(damaged, {"m", "n", "w"})
    assert " aar eer " in repaired
    # a lone letter is never guessed into a word ("a" could be "na" when n is lost)
    repaired, _ = repair("Dit is ee  pla  a de ha d ge aakt.", {"n", "m"})
    assert repaired == "Dit is een plan a de hand gemaakt."


def test_no_repair_without_lost_letters():
    text = "als ee  soort"
    assert repair(text, set()) == (text, [])


def test_capitalised_word_keeps_its_visible_capital():
    # a capital is its own glyph: "Bra a t" is Brabant with b and n lost, not "Bra want"
    repaired, _ = repair("De provincie Bra a t ke t ee  s el groeie de se tor.", {"b", "n", "c"})
    assert "Brabant kent een snel groeiende sector" in repaired


# --- Text -------------------------------------------------------------------------


def paged(text: str, size: int = 5000) -> Text:
    joined, pages = join_pages([text[i : i + size] for i in range(0, len(text), size)])
    return Text(text=joined, pages=pages, media_type="application/pdf")


def test_apply_quality_repairs_seed_and_keeps_offsets():
    before = paged(seed(DAMAGED_SEED))
    original_pages = [before.text[p.start : p.end] for p in before.pages]
    after = apply_quality(before)
    assert after.glyph_loss
    assert after.original == before.text
    assert "een soort" in after.text and "samenleving" in after.text and "op basis van" in after.text
    assert after.repairs
    for r in after.repairs:
        assert after.text[r.start : r.end] == r.repaired
    lost = detect_lost_glyphs(before.text)
    for page, old in zip(after.pages, original_pages):
        assert after.text[page.start : page.end] == repair(old, lost)[0]
        assert page.quality is not None and 0 <= page.quality <= 1
    assert after.quality < 0.95
    assert min(p.quality for p in after.pages) < 0.8


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_apply_quality_leaves_clean_seeds_unchanged(name):
    text = paged(seed(name))
    after = apply_quality(text)
    assert after.text == text.text
    assert after.original is None and after.repairs == [] and not after.glyph_loss
    assert [(p.start, p.end) for p in after.pages] == [(p.start, p.end) for p in text.pages]
    assert after.quality >= 0.9


def test_apply_quality_is_idempotent():
    once = apply_quality(paged(damage(RAADSBRIEF, {"d", "t"}) * 3, size=900))
    assert once.repairs
    twice = apply_quality(once)
    assert twice.text == once.text and twice.original == once.original
    assert [(p.start, p.end) for p in twice.pages] == [(p.start, p.end) for p in once.pages]


def test_apply_quality_page_offsets_on_handmade_text():
    pages = [damage(RAADSBRIEF, {"d", "t"}), "Bijlage 1\n\n2022  1.234\n2023  5.678", damage(RAADSBRIEF, {"d", "t"})]
    joined, spans = join_pages(pages)
    after = apply_quality(Text(text=joined, pages=spans, media_type="application/pdf"))
    assert after.original == joined
    assert after.text[after.pages[1].start : after.pages[1].end] == pages[1]
    assert "het college" in after.text[after.pages[2].start : after.pages[2].end]
    assert after.text.count("\f") == 2
    assert after.pages[1].quality >= 0.9 > after.pages[0].quality

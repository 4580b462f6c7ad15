from notecards.ids import anki_guid, anki_object_id, card_id, normalize_anchor


def test_card_id_is_stable_and_ignores_spacing_case_and_yo():
    a = card_id("HTTP/Основы.md", "definition", "Ёмкость  Кэша")
    assert a == card_id("HTTP/Основы.md", "definition", "емкость кэша")
    assert len(a) == 16 and int(a, 16) >= 0


def test_card_id_depends_on_path_kind_and_anchor():
    base = card_id("a.md", "definition", "HTTP")
    assert base != card_id("b.md", "definition", "HTTP")
    assert base != card_id("a.md", "term", "HTTP")
    assert base != card_id("a.md", "definition", "HTTPS")


def test_anchor_normalization_is_nfc():
    assert normalize_anchor("e\u0301") == normalize_anchor("\u00e9")


def test_guid_and_object_ids_are_deterministic_and_in_range():
    assert anki_guid("abc") == anki_guid("abc") != anki_guid("abd")
    for name in ("notecards Basic", "Vault::Folder", ""):
        value = anki_object_id("deck", name)
        assert (1 << 30) <= value < (1 << 41)
        assert value == anki_object_id("deck", name)
    assert anki_object_id("deck", "x") != anki_object_id("model", "x")

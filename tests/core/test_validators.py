import pytest

from marketplace.validators import (
    is_valid_hs,
    is_valid_inn,
    is_valid_ogrn,
    is_valid_okpd2,
    is_valid_unspsc,
    okpd2_parent,
)


@pytest.mark.parametrize("inn", ["7707083893", "7736050003", "500100732259"])
def test_valid_inns(inn):
    assert is_valid_inn(inn)


@pytest.mark.parametrize(
    "inn", ["7707083894", "770708389", "77070838931", "500100732258", "77070838a3", "７７０７０８３８９３", ""]
)
def test_invalid_inns(inn):
    assert not is_valid_inn(inn)


@pytest.mark.parametrize("ogrn", ["1027700132195", "1027739609391", "304500116000157"])
def test_valid_ogrns(ogrn):
    assert is_valid_ogrn(ogrn)


@pytest.mark.parametrize("ogrn", ["1027700132196", "102770013219", "304500116000158", "abc"])
def test_invalid_ogrns(ogrn):
    assert not is_valid_ogrn(ogrn)


@pytest.mark.parametrize("code", ["20", "20.1", "20.15", "20.15.3", "20.15.31", "20.15.31.000", "25.62.10.110"])
def test_okpd2_formats(code):
    assert is_valid_okpd2(code)


@pytest.mark.parametrize("code", ["2", "20.", "20.155", "20.15.311", "20.15.31.00", "20-15", "аб.12", " 20.15"])
def test_okpd2_bad_formats(code):
    assert not is_valid_okpd2(code)


def test_okpd2_parent_chain():
    chain = []
    code = "25.62.10.110"
    while code:
        chain.append(code)
        code = okpd2_parent(code)
    assert chain == ["25.62.10.110", "25.62.10", "25.62.1", "25.62", "25.6", "25"]


def test_hs_and_unspsc():
    assert is_valid_hs("310210")
    assert is_valid_hs("3102101000")
    assert not is_valid_hs("31021")
    assert is_valid_unspsc("23101500")
    assert not is_valid_unspsc("00101500")
    assert not is_valid_unspsc("2310150")

"""custseg.files: reading csv in Chinese encodings, Excel with a parquet cache, and errors."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.files import cache_home, read_table


def test_excel_is_cached_as_parquet_after_the_first_read(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTSEG_DATA_HOME", str(tmp_path / "home"))
    frame = pd.DataFrame(
        {
            "InvoiceNo": [536365, "C536379", 536366],
            "Qty": [1, -2, 3],
            "Description": ["灯", None, "杯子"],
        }
    )
    frame.to_excel(tmp_path / "book.xlsx", index=False)
    first = read_table(tmp_path / "book.xlsx")
    cached = list((cache_home() / "parsed").glob("book-*.parquet"))
    assert len(cached) == 1
    second = read_table(tmp_path / "book.xlsx")
    pd.testing.assert_frame_equal(first, second)
    assert first["InvoiceNo"].tolist() == ["536365", "C536379", "536366"]
    assert first["Description"].isna().tolist() == [False, True, False]


def test_several_sheets_are_concatenated(tmp_path):
    with pd.ExcelWriter(tmp_path / "two.xlsx") as writer:
        pd.DataFrame({"a": [1, 2]}).to_excel(writer, sheet_name="Year 2009-2010", index=False)
        pd.DataFrame({"a": [3]}).to_excel(writer, sheet_name="Year 2010-2011", index=False)
    assert read_table(tmp_path / "two.xlsx", sheet_name=[0, 1])["a"].tolist() == [1, 2, 3]


def test_unknown_ending_is_named(tmp_path):
    path = tmp_path / "orders.docx"
    path.write_bytes(b"x")
    with pytest.raises(DataError, match="orders.docx"):
        read_table(path)


def test_undecodable_text_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n\xff\xfe\x80\x81,1\n" * 3)
    with pytest.raises(DataError, match="bad.csv"):
        read_table(path)

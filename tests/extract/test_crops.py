"""Evidence crops: the row as printed, with its table's header set above it."""
from __future__ import annotations

import io

from PIL import Image

from minutetrail.extract.crops import crop_png
from minutetrail.extraction import parse_file
from tests.tablepdf import Layout, layout_pdf


def test_a_row_crop_carries_its_tables_header(tmp_path):
    rows = [[str(i), f"Review the winter gritting routes with the highways contractor (part {i})", "Jo Bloggs", "30/06/2024"]
            for i in range(1, 6)]
    pdf = layout_pdf(tmp_path / "log.pdf", Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], rows))
    last = parse_file(str(pdf)).actions[-1]
    assert last.header_bbox is not None and last.header_bbox[3] < last.bbox[1]
    alone = Image.open(io.BytesIO(crop_png(pdf, last.page, last.bbox)))
    headed = Image.open(io.BytesIO(crop_png(pdf, last.page, last.bbox, last.header_bbox)))
    assert headed.height > alone.height + 10 and headed.width >= alone.width
    # the top of the headed crop is the header's ink, not white
    top = headed.crop((0, 0, headed.width, headed.height // 3)).convert("L")
    assert top.getextrema()[0] < 128

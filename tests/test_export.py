import json

import pandas as pd

from core.export import table_csv, table_json


def test_csv_and_json_keep_non_ascii_text():
    table = pd.DataFrame({"actor": ["Zelensky"], "quote": ["work’s been done"], "confidence": [0.5]})
    csv = table_csv(table).decode("utf-8-sig")
    assert csv.splitlines()[0] == "actor,quote,confidence" and "work’s been done" in csv
    rows = json.loads(table_json(table).decode("utf-8"))
    assert rows == [{"actor": "Zelensky", "quote": "work’s been done", "confidence": 0.5}]

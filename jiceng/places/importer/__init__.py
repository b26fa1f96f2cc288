"""Import China's statistical divisions (NBS codes) from CSV files.

A national file holds one level, told by its parent column (``streetCode``
means villages, ``areaCode`` townships, ``cityCode`` counties,
``provinceCode`` cities, none provinces). A generic ``code,name,parentCode``
file may mix levels; each row's level follows from its code's length.

The whole file is checked before anything is written, so a bad file leaves the
database as it was, and every bad row is reported at once. Importing the same
file again writes nothing: rows are compared with what is stored and only
changed names or parents are updated. Divisions missing from a newer file are
kept, because cases, units and grids may still point at them.

Modules: :mod:`.layout` and :mod:`.checker` read and check a file, :mod:`.problems`
holds the rules for one division, :mod:`.writer` stores the rows (through
:mod:`jiceng.core.fast.bulk`), :mod:`.run` ties them together, :mod:`.report` says
what happened.
"""

from jiceng.places.importer.code_shape import PARENT_LENGTH as PARENT_LENGTH
from jiceng.places.importer.errors import MAX_LISTED_ERRORS as MAX_LISTED_ERRORS
from jiceng.places.importer.errors import DivisionFileError as DivisionFileError
from jiceng.places.importer.national import import_all as import_all
from jiceng.places.importer.national import national_files as national_files
from jiceng.places.importer.problems import division_problems as division_problems
from jiceng.places.importer.report import ImportReport as ImportReport
from jiceng.places.importer.run import import_divisions as import_divisions
from jiceng.places.importer.run import load_demo_county as load_demo_county

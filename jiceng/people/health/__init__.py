"""Health-related marks of a person (disability …), encrypted at rest.

Health data is sensitive personal information: it is stored as Fernet
ciphertext like names and ID numbers, never as a plain column, so someone
reading the table (a backup, a replica, a SQL console) learns nothing.

Why one encrypted field and not a blind index per mark: a yes/no mark has two
values, so an index that is the same for every "yes" splits the table in two
groups anyone can label by their size (6 % disabled). An index keyed per person
would hide that, but then no SQL filter can use it either, and each check costs
a keyed hash per person, the same work as decrypting. So the marks are
encrypted, and the places that need them (policy matching, coverage) narrow
the people down in SQL first and decrypt only the rest, once per person.

Every row holds a ciphertext of the same length whatever the marks are (a
fixed-width plaintext, never empty), so neither emptiness nor length tells
"has a mark" from "has none".
"""

from jiceng.people.health.decrypting import HealthDecryptor as HealthDecryptor
from jiceng.people.health.decrypting import decrypt_token as decrypt_token
from jiceng.people.health.field import HealthFlagsField as HealthFlagsField
from jiceng.people.health.marks import HEALTH_FLAGS as HEALTH_FLAGS
from jiceng.people.health.marks import NONE as NONE
from jiceng.people.health.marks import HealthFlags as HealthFlags
from jiceng.people.health.marks import decode as decode
from jiceng.people.health.marks import encode as encode
from jiceng.people.health.marks import with_flag as with_flag
from jiceng.people.health.words import LABELS as LABELS
from jiceng.people.health.words import describe as describe

"""Personal data that residents type into free text: found and masked (or removed).

Contacts given in their own fields are encrypted and shown masked; the same phone
number typed into a description ("我叫李秀英，电话138…") must not undo that. Two
forms of a text, both pure functions of it:

- :func:`mask_text`, for staff who may see the case: mobile and landline numbers,
  ID numbers and bank-card-like runs keep their ends only (``138****5678``, as
  :mod:`jiceng.core.crypto` masks the contact fields), and self-introduced names
  keep their surname (``李**``). :func:`mask_address` also hides house numbers.
- :func:`scrub_text`, for the public: the same things, and house numbers, removed
  (``**``).

Dates (``20261204``, ``2026-12-04``), years, amounts (``3000元``) and case numbers
(12 digits from a date) are left alone: a run of digits is judged by its length and
first digits, and a short run only when a phone word stands before it.
"""

from jiceng.core.pii.texts import HIDDEN as HIDDEN
from jiceng.core.pii.texts import mask_address as mask_address
from jiceng.core.pii.texts import mask_text as mask_text
from jiceng.core.pii.texts import scrub_text as scrub_text

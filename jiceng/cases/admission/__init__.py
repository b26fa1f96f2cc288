"""Public submission limits: one rule for the resident portal and the public API.

The portal and the API used to keep separate budgets (the portal 10 an hour,
counted after success; the API 20 an hour, counted before, so refused and
retried requests used it up), and both keyed a daily quota on the phone
number alone. Nobody proves they own the phone they type, so anyone could
send five requests with a neighbour's number and lock the neighbour out for
a day. Now both channels call ``admit``, with one set of keys:

- **per address**: ``PER_ADDRESS`` submissions an hour from one client
  address, whatever the phone. This is what holds back a script.
- **per phone and address**: ``PER_PHONE_AT_ADDRESS`` submissions a day for
  one phone from one address. Flooding someone's number from another address
  uses up only that other address's budget, never the resident's own.

There is deliberately no quota on the phone alone: a key that a stranger can
fill must not be able to block its owner. Sending many requests *about* one
number needs many addresses, each still bounded by its hourly limit, and
unreviewed requests are not published (spam is held for the dispatcher).

A submission is counted once, in the same transaction that accepts it: a
refused or invalid one counts nothing, and a retry answered from the stored
answer of an ``Idempotency-Key`` never reaches ``admit``. Phones appear in
the keys only as their keyed digest (``crypto.blind_index``).
"""

from jiceng.cases.admission.admitting import admit as admit
from jiceng.cases.admission.admitting import refusal as refusal
from jiceng.cases.admission.limits import PER_ADDRESS as PER_ADDRESS
from jiceng.cases.admission.limits import PER_PHONE_AT_ADDRESS as PER_PHONE_AT_ADDRESS
from jiceng.cases.admission.limits import Refused as Refused

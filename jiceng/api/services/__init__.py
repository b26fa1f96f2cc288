"""Creating, revoking and checking API keys.

A key is ``jck_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of
the whole key is compared in constant time. The secret has 192 random bits,
so a fast hash is enough; nothing but the hash is kept.
"""

from jiceng.api.services.keys import KEY_ROLES as KEY_ROLES
from jiceng.api.services.keys import apikey_create as apikey_create
from jiceng.api.services.keys import apikey_revoke as apikey_revoke
from jiceng.api.services.keys import apikey_unit as apikey_unit
from jiceng.api.services.lookup import apikey_user as apikey_user

"""Photos sent with requests: checked by content, and stripped of what a camera hides in them.

A phone's photo carries EXIF: where it was taken (GPS), when, and the phone's make and
serial. A resident reporting a broken road should not give away where they live, so
every photo is decoded and written afresh with the pixels alone. The orientation the
EXIF asked for is applied to the pixels first, so the photo still stands the right way up.
"""

from jiceng.cases.photos.cleaning import clean_photo as clean_photo
from jiceng.cases.photos.upload import MAX_PHOTO_BYTES as MAX_PHOTO_BYTES
from jiceng.cases.photos.upload import read_upload as read_upload

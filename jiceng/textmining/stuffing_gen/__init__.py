"""Generated SEO-spam footers: lists of porn and gambling titles, for training and tests.

Spam pages append an endless variety of such lists to an innocent article, so a
lexicon of known phrases is always behind. The stuffing detector
(:mod:`jiceng.textmining.stuffing`) learns instead from lists built here by
combining parts (adjectives, people, scenes, qualities; casino brands, games,
offers), written with the evasions spammers use: traditional characters,
full-width letters, zero-width characters, symbols inserted between characters,
pinyin.

Every inventory is split in two by position: :data:`TRAIN` parts build the
training lists and :data:`HELD_OUT` parts the test lists, so a test proves the
detector flags phrases it never saw.
"""

from jiceng.textmining.stuffing_gen.inventory import HELD_OUT as HELD_OUT
from jiceng.textmining.stuffing_gen.inventory import TRAIN as TRAIN
from jiceng.textmining.stuffing_gen.inventory import Part as Part
from jiceng.textmining.stuffing_gen.pages import disguise as disguise
from jiceng.textmining.stuffing_gen.pages import stuffed_list as stuffed_list
from jiceng.textmining.stuffing_gen.pages import stuffed_page as stuffed_page
from jiceng.textmining.stuffing_gen.pages import vice_phrase as vice_phrase

"""Hot issues: many messages about one and the same problem (the 每月一题 signal).

Grouping
    Each message becomes a TF-IDF vector of character 2–3-grams of its title
    and the start of its text (``TEXT_CHARS``) plus, with equal weight, of its
    title; titles name the problem ("伊景园滨河苑捆绑销售车位") while bodies
    wander.  Each vector keeps its ``VECTOR_FEATURES`` strongest n-grams: the
    distinctive ones (an estate's name, "搅拌站"), so that long messages about
    one problem are not kept apart by everything else they say.  Messages are
    grouped by average-linkage agglomerative clustering and two groups are
    merged only while the *average* cosine similarity between all their members
    stays at or above ``min_similarity`` (0.2).  Average linkage, unlike
    connected components, does not chain "丽发新城 搅拌站" to "丽发新城 停水"
    through one message that mentions both, so a group is one problem at one
    place rather than a topic.  Because no merge can happen without at least one
    pair at or above the threshold, clustering runs separately inside each
    connected component of the "similarity ≥ threshold" graph.

Scale
    A city's month is 100,000 messages; grouping them takes about 35 s of CPU
    and 700 MB (bench/textmining/hot_issues_scale.py), and placing an hour's new
    messages into the stored groups takes about 2 s.  What makes it so:

    * n-grams are hashed into ``2**HASH_BITS`` columns instead of being looked
      up in a vocabulary, and counted a chunk of messages at a time.  At this
      size two n-grams share a column now and then; an accidental shared column
      adds a few thousandths to a similarity compared with 0.2;
    * n-grams found in one message only, or in more than ``COMMON_SHARE`` of
      the month (and more than ``COMMON_FLOOR`` messages), are left out: the
      first cannot make two messages alike, the second tell no problem from
      another and would make the comparison quadratic.  The floor keeps a big
      problem's own name (丽发新城 in 47 of 附件3's 4,326 messages) in;
    * the similarity graph is built from sparse products, a block of messages
      at a time, so pairs that share no n-gram cost nothing;
    * a connected component larger than ``DENSE_LIMIT`` is cut at a higher
      similarity (0.25, 0.3, …) until its pieces fit, and each piece is
      clustered exactly.  Pieces are not merged again: at worst two parts of
      one large problem stay apart, never two problems together;
    * the groups are kept (:class:`Grouping`, an ``.npz`` of plain arrays):
      n-gram counts, each message's vector and group.  A new message joins the
      group of its category whose members it resembles most on average when
      that average reaches ``min_similarity`` (the average-linkage test, the
      message being a group of one), else it starts a group of its own.  New
      messages do not merge existing groups; the nightly full regroup does.

Boilerplate
    Sentences that recur word for word across a large share of the input
    ("自己也想过办法，实在没办法才来反映。", a form's standard closing line) say
    nothing about the problem, yet in short messages they outweigh it and pull
    unrelated messages together. A sentence found in at least
    ``BOILERPLATE_SHARE`` of the messages (and in at least three) is removed
    before grouping; digits do not count ("我家12号，门口有棵大桂花树" is one
    line for every house). When messages carry their category, a clause found
    in messages of three or more categories is removed too: one problem is
    reported under one category, a stock phrase under any. On the 4,326
    messages of 附件3 (no categories) no sentence is that common, so the groups
    there are unchanged.

Heat index
    ``heat = (log2(1 + voices) + 0.5·log2(1 + likes) + 0.5·log2(1 + active_days)) × recency``

    * voices: distinct users when a user column is given, else messages — one
      person posting twenty times is one voice;
    * likes: sum of likes (点赞数) of the members — a like is a weaker voice
      than a message, hence the half weight and the logarithms, which also stop
      one viral post from burying everything else;
    * active_days: distinct calendar days with a message — a problem raised
      over weeks matters more than a burst in one afternoon;
    * recency: ``0.6 + 0.4 · 2^(-age/90 days)`` where age is the time from the
      group's last message to ``now`` (default: the newest message of the
      input, so an old export ranks the same whenever it is analysed).  Stale
      issues lose at most 40 %: an unsolved old problem stays visible.
"""

from jiceng.textmining.hotissues.boilerplate import Boilerplate as Boilerplate
from jiceng.textmining.hotissues.boilerplate import drop_boilerplate as drop_boilerplate
from jiceng.textmining.hotissues.boilerplate import find_boilerplate as find_boilerplate
from jiceng.textmining.hotissues.grouping import Grouping as Grouping
from jiceng.textmining.hotissues.issue import HotIssue as HotIssue
from jiceng.textmining.hotissues.messages import Message as Message
from jiceng.textmining.hotissues.ranking import find_hot_issues as find_hot_issues
from jiceng.textmining.hotissues.ranking import heat_index as heat_index
from jiceng.textmining.hotissues.ranking import rank_groups as rank_groups
from jiceng.textmining.hotissues.state import StateError as StateError

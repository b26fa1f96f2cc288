from knowledge_data import PENSION_TEXT

from jiceng.knowledge.articles import articles, citation


def test_a_document_is_cut_at_its_articles_with_the_preamble_first():
    pieces = articles(PENSION_TEXT)
    assert [label for label, _ in pieces] == ["", "第一条", "第二条", "第三条"]
    assert pieces[2][1].startswith("第二条 城乡居民")


def test_a_document_without_articles_is_cut_into_numbered_paragraphs():
    assert articles("一段。\n\n二段。") == [("第1段", "一段。"), ("第2段", "二段。")]


def test_a_citation_is_the_number_then_the_article():
    assert citation("诸人社发〔2025〕12号", "第二条") == "诸人社发〔2025〕12号 第二条"
    assert citation("诸人社发〔2025〕12号", "") == "诸人社发〔2025〕12号"

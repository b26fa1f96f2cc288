from jiceng.textmining.duplicates import DuplicateIndex

CASES = {
    "c1": "枫桥镇陈家村自来水已经停水三天了，老人孩子没水喝，请尽快处理。",
    "c2": "天竺社区垃圾站无人清运，夏天臭气熏天，苍蝇很多。",
    "c3": "枫桥中学门口早晚高峰拥堵，希望安排交警疏导。",
    "c4": "百树社区楼下烧烤店油烟扰民，晚上十二点还很吵。",
    "c5": "陈家村村口路灯坏了两个月，晚上出行不安全。",
}


def _index() -> DuplicateIndex:
    index = DuplicateIndex(bits=18)
    for case_id, text in CASES.items():
        index.add(case_id, text)
    return index


def test_a_reworded_duplicate_is_found_first():
    hits = _index().query("陈家村（枫桥镇）停水已三天，家里老人孩子都没有水喝了，希望尽快解决")
    assert hits[0][0] == "c1"
    assert hits[0][1] > 2 * hits[1][1]


def test_scores_are_cosines_between_zero_and_one():
    index = _index()
    same = index.query(CASES["c2"], k=1)
    assert same[0][0] == "c2"
    assert abs(same[0][1] - 1.0) < 1e-6
    assert all(0 < score <= 1.0 + 1e-9 for _, score in index.query("停水", k=5))


def test_removed_cases_are_no_longer_returned():
    index = _index()
    assert index.remove("c1")
    assert "c1" not in index
    assert all(case_id != "c1" for case_id, _ in index.query(CASES["c1"]))
    assert not index.remove("c1")


def test_adding_an_id_again_replaces_its_text():
    index = _index()
    index.add("c1", "完全不同的内容：体育馆开放时间咨询")
    assert len(index) == 5
    assert index.query(CASES["c1"], k=1)[0][0] != "c1"


def test_min_score_filters_weak_matches():
    assert _index().query("体育馆开放时间", min_score=0.5) == []


def test_many_cases_stay_searchable_across_index_levels():
    index = DuplicateIndex(bits=18)
    filler = [
        f"第{i}号楼{i % 7}单元{i % 13}楼道灯不亮，物业{i % 5}号管家不处理" for i in range(1500)
    ]
    index.add_many((f"f{i}", text) for i, text in enumerate(filler[:1000]))
    for i, text in enumerate(filler[1000:], start=1000):
        index.add(f"f{i}", text)
    for case_id, text in CASES.items():
        index.add(case_id, text)
    assert index.query("陈家村停水三天，老人孩子没水喝")[0][0] == "c1"
    assert index.query(filler[1234], k=1)[0][0] == "f1234"
    assert index.query(filler[10], k=1)[0][0] == "f10"

"""Invented dispatches for the folder index tests (short: the analysis is the slow part)."""

from __future__ import annotations

PESKOV = (
    "Песков прокомментировал встречу\n\nМОСКВА, 8 августа 2019. /ТАСС/. Пресс-секретарь президента "
    "Дмитрий Песков заявил журналистам: «Встреча прошла в конструктивном ключе». По словам Пескова, "
    "стороны договорились продолжить переговоры.\n"
)
ZAKHAROVA = (
    "Захарова ответила на вопрос\n\nМОСКВА, 9 августа 2019. /РИА Новости/. Официальный представитель "
    "МИД Мария Захарова сказала: «Мы ждем ответа от коллег». Она добавила, что Москва готова к диалогу.\n"
)
WEATHER = "Погода в Москве\n\nМОСКВА, 7 августа 2019. /ТАСС/. В столице ожидаются дожди и ветер.\n"


def make_wire(root):
    """A folder of three dispatches: 1.txt (Песков, ТАСС), 2.txt (Захарова, РИА Новости), 3.txt (weather)."""
    d = root / "wire"
    d.mkdir()
    for name, text in (("1.txt", PESKOV), ("2.txt", ZAKHAROVA), ("3.txt", WEATHER)):
        (d / name).write_text(text, encoding="utf-8")
    return d


def listing(d):
    """Every file under ``d`` with its bytes and mtime (to prove nothing of the user's changed)."""
    return {p.relative_to(d): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(d.rglob("*")) if p.is_file()}

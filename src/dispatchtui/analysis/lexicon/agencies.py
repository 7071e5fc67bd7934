"""News agencies that open a dateline (upper-cased; matched after stripping slashes and dots)."""

AGENCIES = frozenset({
    "ТАСС", "ИТАР-ТАСС", "РИА НОВОСТИ", "РИА", "ИНТЕРФАКС", "INTERFAX", "INTERFAX.RU", "ИНТЕРФАКС-ЗАПАД",
    "ПРАЙМ", "РБК", "REGNUM", "РЕГНУМ", "KAZAKHSTAN TODAY", "КАЗИНФОРМ", "KAZINFORM", "SPUTNIK", "СПУТНИК",
    "БЕЛТА", "УНИАН", "УКРИНФОРМ", "КАБАР", "АКИPRESS", "24.KG", "TREND", "ТРЕНД", "REUTERS", "РЕЙТЕР",
    "AFP", "АФП", "AP", "BLOOMBERG", "БЛУМБЕРГ", "DPA", "XINHUA", "СИНЬХУА", "ANADOLU", "IRNA", "ИРНА",
    "ИА REGNUM", "ФОНТАНКА", "ФОНТАНКА.РУ", "NEWS.RU", "ЛЕНТА.РУ", "LENTA.RU", "ГАЗЕТА.RU", "ИЗВЕСТИЯ",
    "RT", "ТВ БРИКС", "АЗЕРТАДЖ", "АРМЕНПРЕСС", "НОВОСТИ-ГРУЗИЯ", "ХОВАР", "KHOVAR", "ЖАХОН", "UZA",
})

"""Interface strings in English and Russian. The language follows the locale unless overridden."""
from __future__ import annotations

import os
from collections.abc import Mapping

_EN: dict[str, str] = {
    # panes
    "article": "Article", "speakers": "Speakers", "quotes": "Quotes", "topics": "Topics",
    "library": "Library",
    # panel states
    "analysing": "analysing…", "loading": "reading the whole file…",
    "no_speakers": "no speakers found", "no_quotes": "no quotes found",
    "no_topics": "no topics found", "analysis_failed": "analysis unavailable",
    "unknown_speaker": "unknown", "org": "org",
    "quotes_n": "{n} quotes", "quote_1": "1 quote", "speakers_n": "{n} speakers", "speaker_1": "1 speaker",
    "matches_n": "{n} matches", "match_1": "1 match",
    # bindings / commands
    "focus_article": "Article", "focus_speakers": "Speakers", "focus_quotes": "Quotes", "focus_topics": "Topics",
    "next_pane": "Next pane", "prev_pane": "Previous pane",
    "next_dispatch": "Next", "prev_dispatch": "Previous", "back": "Back", "quit": "Quit",
    "find": "Find", "find_next": "Next match", "find_prev": "Previous match",
    "copy_quote": "Copy quote", "copy_paragraph": "Copy paragraph", "help": "Help",
    "palette": "Commands", "toggle_panels": "Panels", "open": "Open", "filter": "Filter",
    "search": "Search", "top": "Top", "bottom": "Bottom", "page_down": "Page down", "page_up": "Page up",
    "down": "Down", "up": "Up", "jump": "Jump", "close": "Close",
    # find bar / library inputs
    "find_placeholder": "find (lemma-aware: Рахмона → Рахмоном)…",
    "filter_placeholder": "filter headlines…", "search_placeholder": "search all dispatches…",
    "filter_label": "Filter", "search_label": "Search", "no_matches": "no matches",
    "nothing_in_library": "no dispatches", "searching": "searching…",
    # notifications
    "copied": "Copied: {what}", "copied_quote": "quote by {who}", "copied_paragraph": "paragraph {n}",
    "nothing_to_copy": "No quote here to copy", "analysis_error": "Analysis failed: {error}",
    "load_error": "Cannot open {path}: {reason}", "layout_error": "Layout failed: {error}",
    "first_dispatch": "This is the first dispatch", "last_dispatch": "This is the last dispatch",
    "system_clipboard": " (and system clipboard)",
    "copy_failed": "Could not copy to the terminal clipboard (OSC 52): {error}",
    "no_system_clipboard": "System clipboard unavailable (no pyperclip backend here)",
    # help
    "help_title": "Keys", "help_hint": "esc, q or ? closes", "key": "Key", "action": "Action",
    # palette
    "cmd_jump_speaker": "Jump to speaker: {name}", "cmd_copy_quote": "Copy quote: {who} «{words}»",
    "cmd_jump_topic": "Jump to topic: {label}", "cmd_next": "Open next dispatch",
    "cmd_prev": "Open previous dispatch", "cmd_library": "Back to the library", "cmd_find": "Find in dispatch",
    "cmd_toggle_panels": "Toggle the side panels", "cmd_theme": "Theme: {name}", "cmd_help": "Show keys",
    "cmd_copy_paragraph": "Copy the current paragraph", "cmd_search": "Search all dispatches",
    "cmd_filter": "Filter headlines",
    "keymap_problems": "The keymap in {path}:",
    "keymap_not_a_table": "\"keymap\" must map command ids to keys",
    "keymap_unknown_id": "{what}: no such command",
    "keymap_not_keys": "{what}: keys go in a string (\"ctrl+f\" or \"ctrl+f,f3\")",
    "keymap_bad_key": "{what}: not a key name", "keymap_clash": "{what}: one key, two commands (the keymap wins)",

    # issue 14: statements, habits, help sections, notices
    "unnamed": "unnamed", "question": "question", "reported": "reported", "fragment": "fragment",
    "direct_only": "direct", "no_direct_quotes": "no direct quotes (r: all statements)",
    "toggle_statements": "Direct only / all", "cmd_toggle_statements": "Quotes: direct only / all statements",
    "open_pager": "Open in $PAGER", "open_editor": "Open in $EDITOR",
    "cmd_open_pager": "Open the source in the pager", "cmd_open_editor": "Open the source in the editor",
    "escape": "Close find / clear / back", "quit_now": "Quit at once", "close_input": "Close filter / search",
    "find_submit": "Search", "find_submit_prev": "Search backwards", "history_prev": "Earlier",
    "history_next": "History", "find_close": "Close (matches stay)",
    "help_focus": "Go to pane 1–4", "help_cycle": "Next / previous pane",
    "help_find_step": "Next / previous match",
    "help_dispatch": "Next / previous dispatch", "help_line": "Down / up", "help_page": "Page down / up",
    "help_ends": "Top / bottom", "help_history": "Earlier / later searches",
    "help_reader": "Reader", "help_article": "Article", "help_panels": "Panels", "help_find": "Find",
    "help_library": "Library", "help_app": "Everywhere",
    "find_status": "/{query}  {count}", "external_failed": "Cannot run {tool}: {error}",
    "no_source_file": "This dispatch has no file to open (standard input)",
    "failed_inputs": "Could not open {n} input(s): {names}", "failed_input_row": "not opened: {reason}",
    "no_headline_matches": "no headline matches (esc clears the filter; / searches the text)",
    "no_search_matches": "no dispatch contains it (try fewer words)",
    "cannot_show": "This dispatch cannot be shown: {reason}",
    "no_matches_for": "No matches for {query}",

    # issue 13: the library as a table, people, the live folder, the index
    "col_date": "Date", "col_agency": "Agency", "col_place": "Place", "col_headline": "Headline",
    "col_statements": "Dir/Rep", "col_speakers": "Speakers",
    "facets": "Facets", "cmd_facets": "Filter by agency, person or topic", "facets_title": "Filter by",
    "facet_agency": "Agency", "facet_person": "Person", "facet_topic": "Topic", "no_facets": "nothing to filter by yet",
    "sort_date": "Sort by date", "sort_agency": "Sort by agency", "sort_statements": "Sort by statements",
    "cmd_sort_date": "Sort by date (newest first; again: oldest first)",
    "cmd_sort_agency": "Sort by agency", "cmd_sort_statements": "Sort by statements (most first)",
    "help_sort": "Sort by date / agency / statements (again: reverse)",
    "sorted_by": "Sorted by {by}", "reversed": "(reversed)",
    "toggle_read": "Read / unread", "next_unread": "Next unread", "cmd_toggle_read": "Mark read / unread",
    "cmd_next_unread": "Go to the next unread dispatch", "help_unread": "Next unread / toggle read",
    "no_unread": "Everything here is read",
    "people": "People", "cmd_people": "People quoted in the folder",
    "toggle_indexing": "Pause / resume indexing", "cmd_toggle_indexing": "Pause or resume the folder indexing",
    "indexed": "analysed {done} / {total}", "indexing": "indexing…", "paused": "paused (i resumes)", "minutes": "{n} min", "seconds": "{n} s",
    "indexing_paused": "Indexing paused", "indexing_resumed": "Indexing resumed",
    "index_unavailable": "The folder index is not available ({reason}); working from memory",
    "index_rebuilt": "The folder index was rebuilt: {reason}", "index_failed": "indexing failed",
    "new_n": "{n} new", "arrived_1": "1 new dispatch", "arrived_n": "{n} new dispatches",
    "removed_1": "1 dispatch removed", "removed_n": "{n} dispatches removed",
    "shown_changed": "This dispatch changed on disk; it is read again when you come back to it",
    "people_open": "Open", "people_search": "Search people", "cmd_people_search": "Search people by name",
    "people_back": "Back", "help_people_back": "Back", "help_people": "People",
    "cmd_copy_statement": "Copy the statement with its attribution",
    "people_title": "People", "statements_of": "Statements: {name}", "no_people": "nobody is quoted here yet",
    "no_statements": "no statements", "people_placeholder": "name (lemma-aware: Пескова → Песков)…",
    "direct_n": "direct {n}", "reported_n": "reported {n}", "dispatches_n": "in {n}",
    "col_name": "Name", "col_direct": "Direct", "col_reported": "Reported", "col_dispatches": "Disp.",
    "people_unindexed": "from the dispatches opened so far (the folder index is not ready)",
}

_RU: dict[str, str] = {
    "article": "Текст", "speakers": "Персоны", "quotes": "Цитаты", "topics": "Темы", "library": "Подборка",
    "analysing": "анализ…", "loading": "чтение всего файла…",
    "no_speakers": "персоны не найдены", "no_quotes": "цитаты не найдены",
    "no_topics": "темы не найдены", "analysis_failed": "анализ недоступен",
    "unknown_speaker": "неизвестно", "org": "орг.",
    "quotes_n": "цитат: {n}", "quote_1": "цитат: 1", "speakers_n": "персон: {n}", "speaker_1": "персон: 1",
    "matches_n": "совпадений: {n}", "match_1": "совпадений: 1",
    "focus_article": "Текст", "focus_speakers": "Персоны", "focus_quotes": "Цитаты", "focus_topics": "Темы",
    "next_pane": "След. панель", "prev_pane": "Пред. панель",
    "next_dispatch": "Следующая", "prev_dispatch": "Предыдущая", "back": "Назад", "quit": "Выход",
    "find": "Найти", "find_next": "След. совпадение", "find_prev": "Пред. совпадение",
    "copy_quote": "Копировать цитату", "copy_paragraph": "Копировать абзац", "help": "Справка",
    "palette": "Команды", "toggle_panels": "Панели", "open": "Открыть", "filter": "Фильтр",
    "search": "Поиск", "top": "В начало", "bottom": "В конец", "page_down": "Стр. вниз", "page_up": "Стр. вверх",
    "down": "Вниз", "up": "Вверх", "jump": "Перейти", "close": "Закрыть",
    "find_placeholder": "найти (с учётом форм: Рахмона → Рахмоном)…",
    "filter_placeholder": "фильтр по заголовкам…", "search_placeholder": "поиск по всем сообщениям…",
    "filter_label": "Фильтр", "search_label": "Поиск", "no_matches": "нет совпадений",
    "nothing_in_library": "нет сообщений", "searching": "поиск…",
    "copied": "Скопировано: {what}", "copied_quote": "цитата ({who})", "copied_paragraph": "абзац {n}",
    "nothing_to_copy": "Здесь нет цитаты", "analysis_error": "Ошибка анализа: {error}",
    "load_error": "Не удалось открыть {path}: {reason}", "layout_error": "Ошибка разметки: {error}",
    "first_dispatch": "Это первое сообщение", "last_dispatch": "Это последнее сообщение",
    "system_clipboard": " (и в системный буфер)",
    "copy_failed": "Не удалось скопировать в буфер терминала (OSC 52): {error}",
    "no_system_clipboard": "Системный буфер обмена недоступен (нет механизма pyperclip)",
    "help_title": "Клавиши", "help_hint": "esc, q или ? — закрыть", "key": "Клавиша", "action": "Действие",
    "cmd_jump_speaker": "К персоне: {name}", "cmd_copy_quote": "Копировать цитату: {who} «{words}»",
    "cmd_jump_topic": "К теме: {label}", "cmd_next": "Открыть следующее сообщение",
    "cmd_prev": "Открыть предыдущее сообщение", "cmd_library": "Вернуться к подборке",
    "cmd_find": "Найти в тексте", "cmd_toggle_panels": "Показать/скрыть панели", "cmd_theme": "Тема: {name}",
    "cmd_help": "Показать клавиши", "cmd_copy_paragraph": "Копировать текущий абзац",
    "cmd_search": "Поиск по всем сообщениям", "cmd_filter": "Фильтр по заголовкам",
    "keymap_problems": "Раскладка клавиш в {path}:",
    "keymap_not_a_table": "\"keymap\" должен сопоставлять командам клавиши",
    "keymap_unknown_id": "{what}: нет такой команды",
    "keymap_not_keys": "{what}: клавиши пишутся строкой (\"ctrl+f\" или \"ctrl+f,f3\")",
    "keymap_bad_key": "{what}: нет такой клавиши",
    "keymap_clash": "{what}: одна клавиша на две команды (действует раскладка)",

    "unnamed": "без имени", "question": "вопрос", "reported": "пересказ", "fragment": "фрагмент",
    "direct_only": "прямая речь", "no_direct_quotes": "прямой речи нет (r — все высказывания)",
    "toggle_statements": "Прямая речь / все", "cmd_toggle_statements": "Цитаты: только прямая речь / все",
    "open_pager": "Открыть в $PAGER", "open_editor": "Открыть в $EDITOR",
    "cmd_open_pager": "Открыть исходный файл в пейджере", "cmd_open_editor": "Открыть исходный файл в редакторе",
    "escape": "Закрыть поиск / снять / назад", "quit_now": "Выйти сразу", "close_input": "Закрыть фильтр / поиск",
    "find_submit": "Искать", "find_submit_prev": "Искать назад", "history_prev": "Прежние",
    "history_next": "История", "find_close": "Закрыть (совпадения остаются)",
    "help_focus": "К панели 1–4", "help_cycle": "След. / пред. панель",
    "help_find_step": "След. / пред. совпадение",
    "help_dispatch": "След. / пред. сообщение", "help_line": "Вниз / вверх", "help_page": "Стр. вниз / вверх",
    "help_ends": "В начало / в конец", "help_history": "Прежние / поздние запросы",
    "help_reader": "Чтение", "help_article": "Текст", "help_panels": "Панели", "help_find": "Поиск",
    "help_library": "Подборка", "help_app": "Везде",
    "find_status": "/{query}  {count}", "external_failed": "Не удалось запустить {tool}: {error}",
    "no_source_file": "У этого сообщения нет файла (стандартный ввод)",
    "failed_inputs": "Не удалось открыть ({n}): {names}", "failed_input_row": "не открыт: {reason}",
    "no_headline_matches": "нет совпадений в заголовках (esc — сбросить фильтр; / — поиск по тексту)",
    "no_search_matches": "ни одно сообщение этого не содержит (попробуйте меньше слов)",
    "cannot_show": "Это сообщение нельзя показать: {reason}",
    "no_matches_for": "Нет совпадений: {query}",

    "col_date": "Дата", "col_agency": "Агентство", "col_place": "Место", "col_headline": "Заголовок",
    "col_statements": "Пр/Кс", "col_speakers": "Кто говорит",
    "facets": "Фасеты", "cmd_facets": "Фильтр по агентству, персоне или теме", "facets_title": "Фильтр",
    "facet_agency": "Агентство", "facet_person": "Персона", "facet_topic": "Тема", "no_facets": "пока не по чему фильтровать",
    "sort_date": "По дате", "sort_agency": "По агентству", "sort_statements": "По высказываниям",
    "cmd_sort_date": "Сортировать по дате (новые сверху; ещё раз — старые)",
    "cmd_sort_agency": "Сортировать по агентству", "cmd_sort_statements": "Сортировать по числу высказываний",
    "help_sort": "Сортировка: дата / агентство / высказывания (ещё раз — обратно)",
    "sorted_by": "Сортировка: {by}", "reversed": "(обратная)",
    "toggle_read": "Прочитано / нет", "next_unread": "След. непрочитанное", "cmd_toggle_read": "Отметить прочитанным / непрочитанным",
    "cmd_next_unread": "К следующему непрочитанному", "help_unread": "След. непрочитанное / отметка",
    "no_unread": "Здесь всё прочитано",
    "people": "Персоны", "cmd_people": "Кого цитируют в подборке",
    "toggle_indexing": "Пауза / продолжить индексацию", "cmd_toggle_indexing": "Приостановить или продолжить индексацию",
    "indexed": "проанализировано {done} / {total}", "indexing": "индексация…", "paused": "пауза (i — продолжить)", "minutes": "{n} мин", "seconds": "{n} с",
    "indexing_paused": "Индексация приостановлена", "indexing_resumed": "Индексация продолжается",
    "index_unavailable": "Индекс папки недоступен ({reason}); работаем из памяти",
    "index_rebuilt": "Индекс папки перестроен: {reason}", "index_failed": "индексация не удалась",
    "new_n": "новых: {n}", "arrived_1": "новое сообщение: 1", "arrived_n": "новых сообщений: {n}",
    "removed_1": "удалено сообщений: 1", "removed_n": "удалено сообщений: {n}",
    "shown_changed": "Это сообщение изменилось на диске; оно будет перечитано, когда вы к нему вернётесь",
    "people_open": "Открыть", "people_search": "Поиск персон", "cmd_people_search": "Искать персону по имени",
    "people_back": "Назад", "help_people_back": "Назад", "help_people": "Персоны",
    "cmd_copy_statement": "Копировать высказывание с атрибуцией",
    "people_title": "Персоны", "statements_of": "Высказывания: {name}", "no_people": "пока никто не цитируется",
    "no_statements": "высказываний нет", "people_placeholder": "имя (с учётом форм: Пескова → Песков)…",
    "direct_n": "прямых {n}", "reported_n": "косвенных {n}", "dispatches_n": "в {n}",
    "col_name": "Имя", "col_direct": "Прямая", "col_reported": "Косв.", "col_dispatches": "Сообщ.",
    "people_unindexed": "по открытым сообщениям (индекс папки ещё не готов)",
}

_TABLES = {"en": _EN, "ru": _RU}
_lang = "en"


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """``ru`` if the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE — in POSIX precedence) is Russian, else ``en``."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def set_lang(lang: str | None) -> str:
    """Set the interface language (``None`` → from the locale). Returns the language in use."""
    global _lang
    if lang:
        lang = lang.lower()[:2]
    _lang = lang if lang in _TABLES else detect_lang()
    return _lang


def tr(key: str, **kwargs: object) -> str:
    """The interface string ``key`` in the current language, formatted with ``kwargs``."""
    text = _TABLES[_lang].get(key) or _EN.get(key, key)
    return text.format(**kwargs) if kwargs else text


def plural(n: int, one: str, many: str) -> str:
    return tr(one) if n == 1 else tr(many, n=n)

"""People's names as files and people write them: "Last, First" put in reading order, titles
and suffixes told apart from names (by `nameparser`), and Latin spellings of any script (by
`anyascii`) where a transliteration is reliable enough to build an address from, and the
name to greet someone by, whichever order their names come in ("Nguyễn Thị Mai": Mai).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from nameparser import HumanName
from nameparser.config import CONSTANTS

__all__ = ["display_name", "family_name_first", "greeting_name", "latin_spelling", "name_parts",
           "short_name", "surname_particle", "unreliable_script", "unwrapped_name"]

# Scripts whose Latin spelling cannot be derived from the characters alone: Chinese
# characters have a reading per language (王 is Wang, Ō or Wong), Japanese and Korean names
# have several romanisations in use, and Arabic and Hebrew leave most vowels unwritten.
_UNRELIABLE_SCRIPTS = {
    "CJK": "Chinese or Japanese characters", "HIRAGANA": "Japanese kana",
    "KATAKANA": "Japanese kana", "HANGUL": "Korean hangul", "ARABIC": "Arabic script",
    "HEBREW": "Hebrew script",
}


def _is_suffix(word: str) -> bool:
    bare = word.lower().strip(".")
    return bare in CONSTANTS.suffix_acronyms or bare in CONSTANTS.suffix_not_acronyms


# Ranks written before a name ("Battalion Chief Sigrid Halvorsen", "Chief Ngozi Obi",
# "Engineer Tuan Nguyen" of a fire crew): never what anyone is greeted by.
_RANKS = frozenset("""
    battalion chief deputy assistant captain capt lieutenant lt sergeant sgt corporal cpl major
    maj colonel col commander cmdr officer detective det inspector constable engineer
    firefighter paramedic chaplain professor prof superintendent supt marshal
""".split())


def _without_ranks(name: str) -> str:
    """The name without the ranks before it, while at least two words of it are left."""
    words = name.split()
    while len(words) > 2 and words[0].lower().strip(".") in _RANKS:
        words = words[1:]
    return " ".join(words)


def _is_title(word: str) -> bool:
    return word.lower().strip(".") in CONSTANTS.titles


# Quotes and brackets that enclose a name as mailers and address books write it ('Kim,
# Soo-jin', "Doe, Jane", [Jane Doe], <Jane Doe>); a quote never begins or ends a name.
_ENCLOSING = {"'": "'", '"': '"', "‘": "’", "’": "’", "“": "”", "”": "”", "„": "“", "«": "»",
              "»": "«", "‹": "›", "(": ")", "[": "]", "<": ">", "{": "}"}
_QUOTES_AT_EDGES = "'\"‘’“”„«»‹›`´[]<>{}"


def unwrapped_name(raw: str) -> str:
    """A name without the quotes and brackets around it and without stray quotes at its
    ends: "'Kim, Soo-jin'" -> "Kim, Soo-jin", "[Jane Doe]" -> "Jane Doe", '"Jane' -> "Jane".
    Quotes inside a name ("O'Brien", 'Jane "JJ" Doe') stay."""
    name = re.sub(r"\s+", " ", raw).strip(" ,;")
    while len(name) >= 2 and _ENCLOSING.get(name[0]) == name[-1]:
        name = name[1:-1].strip(" ,;")
    return name.strip(_QUOTES_AT_EDGES + " ,;")


def display_name(raw: str) -> str:
    """A name in reading order, as people write it on an envelope.

    Surrounding quotes and runs of spaces go; "Doe, Jane" and "Mustermann, Heiko" (directory
    order, one comma, no title before it) become "Jane Doe" and "Heiko Mustermann". A comma before a
    suffix ("Jane Doe, PhD") or inside a longer formatted name ("Mr. John Richter, James Doe
    Sr.") is kept as written.
    """
    name = unwrapped_name(raw)
    if name.count(",") != 1:
        return name
    left, right = (unwrapped_name(part) for part in name.split(","))
    if not left or not right:
        return left or right
    right_words, left_words = right.split(), left.split()
    if all(_is_suffix(word) for word in right_words):
        return name
    if len(left_words) > 3 or any(_is_title(w) or _is_suffix(w) for w in left_words):
        return name
    return f"{right} {left}"


# Family names that come first in their own language. A name starting with one of them is in
# family-name-first order when the rest of the name confirms it (see `_family_first`).
_VIETNAMESE_FAMILY = frozenset("""
    nguyễn nguyen trần tran lê le phạm pham hoàng hoang huỳnh huynh phan vũ vu võ vo đặng dang
    bùi bui đỗ do hồ ho ngô ngo dương duong lý ly đinh dinh đoàn doan trương truong lâm lam
    trịnh trinh đào dao lương luong tạ ta quách quach lưu luu
""".split())
_VIETNAMESE_MIDDLE = frozenset("thị thi văn van hữu huu đức duc ngọc ngoc minh".split())
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_HUNGARIAN_FAMILY = frozenset("""
    nagy kovács kovacs tóth toth szabó szabo horváth horvath varga kiss molnár molnar németh
    nemeth farkas balogh papp takács takacs juhász juhasz lakatos mészáros meszaros oláh olah
    rácz racz fekete szilágyi szilagyi török torok fehér feher gál gal kis szűcs szucs kocsis
    fodor szalai sipos lukács lukacs gulyás gulyas bíró biro király kiraly katona
""".split())
_HUNGARIAN_GIVEN = frozenset("""
    lászló laszlo istván istvan józsef jozsef jános janos zoltán zoltan sándor sandor gábor
    gabor ferenc attila péter peter tamás tamas zsolt tibor andrás andras csaba imre lajos
    györgy gyorgy balázs balazs mária maria erzsébet erzsebet katalin ilona éva eva anna
    zsuzsanna judit ágnes agnes andrea krisztina eszter réka reka zsófia zsofia dóra dora
    anikó aniko márta marta orsolya nóra nora bence máté mate dániel daniel ádám adam levente
    dávid david gergely kristóf kristof ákos akos norbert viktor bálint balint márk mark
    dorottya boglárka boglarka petra fanni lilla hanna emese
""".split())
_JAPANESE_FAMILY = frozenset("""
    sato satō suzuki takahashi tanaka watanabe ito itō yamamoto nakamura kobayashi kato katō
    yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki ikeda
    hashimoto yamashita ishikawa nakajima maeda fujita ogawa goto gotō okada hasegawa
    murakami kondo kondō ishii saito saitō sakamoto endo endō aoki fujii nishimura fukuda
    miura fujiwara okamoto matsuda nakagawa nakano harada tamura takeuchi kaneko nakayama
    ishida morita shibata sakai kudo kudō yokoyama miyazaki miyamoto uchida takagi ando andō
    taniguchi maruyama takada fujimoto takeda murata sugiyama masuda sugawara hirano kojima
    otsuka chiba kubo matsui iwasaki sakurai kinoshita noguchi matsuo nomura kikuchi
    sugimoto watanabe
""".split())
# Chinese and Korean family names: in Latin letters the order cannot be told from the name
# (Zhang Wei and Wei Zhang are both written), so the greeting uses the whole name.
_CHINESE_KOREAN_FAMILY = frozenset("""
    wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao zheng liang
    xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng su ding
    ren shen yao zhong qian cui kim lee park choi jung jeong kang cho yoon jang lim kwon
    hwang ahn yoo
""".split())


# A given name spelled in Japanese syllables (Hiroshi, Kenji, Yūko), not "Smith" or "Anna".
_JAPANESE_SYLLABLES_RE = re.compile(
    r"(?:(?:sh|ch|ts|[kgsztdnhbpmrfj])?y?[aiueoāīūēō]|n(?![aiueoāīūēōy])|(?<=[aiueo])[kstp](?=[kstp]))+",
    re.IGNORECASE)


def _family_first(words: list[str]) -> bool | None:
    """Whether a name of `words` puts the family name first: True when the order is known
    (Vietnamese "Nguyễn Thị Mai", Hungarian "Nagy László", Japanese "Tanaka Hiroshi", Korean
    "Kim Min-jun"), None when it may be either (Chinese or Korean in Latin letters, names in
    Chinese, Japanese or Korean script), False for given-name-first names."""
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower()
    if any(unreliable_script(w) for w in words[:1]) and not any(c.isascii() for c in words[0]):
        return None
    if len(words) < 2:
        return False
    if first in _VIETNAMESE_FAMILY and last not in _VIETNAMESE_FAMILY and (
            len(words) >= 3 or _VIETNAMESE_LETTERS.search(" ".join(words))
            or any(w.lower() in _VIETNAMESE_MIDDLE for w in words[1:-1])):
        return True
    if first in _HUNGARIAN_FAMILY and last in _HUNGARIAN_GIVEN and first not in _HUNGARIAN_GIVEN:
        return True
    if first in _JAPANESE_FAMILY and last not in _JAPANESE_FAMILY and len(words) == 2 \
            and _JAPANESE_SYLLABLES_RE.fullmatch(last):
        return True
    if first in _CHINESE_KOREAN_FAMILY and len(words) == 2 and last in _JAPANESE_FAMILY \
            and last not in _CHINESE_KOREAN_FAMILY:
        return False  # "Ren Takahashi": a Japanese family name last, the given name first
    if first in _CHINESE_KOREAN_FAMILY and len(words) <= 3:
        return True if "-" in last and first in _KOREAN_FAMILY else None
    return False


_KOREAN_FAMILY = frozenset("kim lee park choi jung jeong kang cho yoon jang lim kwon hwang ahn "
                           "yoo han oh seo shin song hong".split())


def _spoken(word: str) -> str:
    """A name word typed in lower case in a hurry, capitalised: "ana-lucía" -> "Ana-Lucía"."""
    if word != word.lower():
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


@lru_cache(maxsize=4096)  # nameparser takes about a millisecond a name; drafts ask often
def greeting_name(raw: str) -> str:
    """The name to greet someone by ("Hi Mai,"), for the draft's greeting and subject, the
    checklist's greeting rule and the person's lists: the given name; the whole name (titles
    left out) when the order of a family-name-first name cannot be told; a name typed all in
    lower case is capitalised. "" for an empty name. Source: issue "Drafts a person would
    send" (greet by the given name)."""
    latin = _latin_given(raw)
    if latin:
        return latin
    given, rest = name_parts(raw)
    if not given:
        return ""
    words = _clean_words(w for w in _without_ranks(display_name(raw)).split()
                         if not _is_title(w) and not _is_suffix(w))
    if _family_first([w.strip(",") for w in words]) is None:
        return " ".join(_spoken(w.strip(",")) for w in words)
    typed = display_name(raw).split()
    if len(typed) > 1 and typed[0].strip(".,").lower() in _RELIGIOUS_TITLES:
        return f"{typed[0].strip(',')} {_spoken(typed[1].strip(','))}"  # "Sister Margaret"
    malay = _malay_given(words)
    if malay:
        return _spoken(malay)
    initials = 0
    while initials < len(words) - 1 and re.fullmatch(r"(?:[A-Z]\.){1,4}|[A-Z]", words[initials]):
        initials += 1
    if initials:  # "K. R. Venkataraman": the initials stand for other names; greet the name
        rest = words[initials:]
        return _spoken(rest[0].strip(",")) if len(rest) <= 2 else greeting_name(" ".join(rest))
    if len(words) >= 3 and words[0] == given and _folded(" ".join(words[:2])) in COMPOUND_GIVEN:
        return " ".join(_spoken(w) for w in words[:2])  # "María José Fernández": María José
    return _spoken(given)


def _latin_given(raw: str) -> str:
    """"Siyuan" for "陈思远 (Chen Siyuan)", "Haruto" for "中村 陽翔 (Haruto Nakamura)": a name in
    Chinese, Japanese or Korean script with its Latin spelling in parentheses is greeted by
    the given name of the Latin spelling, told by a known family name at either end (the whole
    Latin spelling when neither is known); "" for any other name. Readers found the greeting
    "Hi 陈思远 (Chen Siyuan)," awkward."""
    m = re.fullmatch(r"\s*([^()]+?)\s*\(([^()]+)\)\s*", raw)
    if not m:  # "Li Jing 李静", "Park Ji-won 박지원": the script after the Latin, unbracketed
        words = raw.split()
        split = next((i for i, w in enumerate(words) if unreliable_script(w)), 0)
        if split < 2 or not all(unreliable_script(w) for w in words[split:]):
            return ""
        return _latin_given(f"{' '.join(words[:split])} ({' '.join(words[split:])})")
    script, latin_text = m[1], m[2]
    if not any(unreliable_script(w) for w in script.split()):
        # "Chen Jiahui (陈佳慧)": the Latin spelling first, the script in parentheses
        script, latin_text = latin_text, script
    if not any(unreliable_script(w) for w in script.split()):
        return ""
    latin = [w for w in latin_text.split() if w.isalpha() or "-" in w]
    if not latin or not all(w.isascii() or not unreliable_script(w) for w in latin):
        return ""
    family = _CHINESE_KOREAN_FAMILY | _JAPANESE_FAMILY
    if len(latin) >= 2 and latin[0].lower() in family and latin[-1].lower() not in family:
        latin = latin[1:]
    elif len(latin) >= 2 and latin[-1].lower() in family:
        latin = latin[:-1]
    return " ".join(_spoken(w) for w in latin)


# Titles a person is called by with their name ("Hi Sister Margaret", "Hi Father Tomás").
_RELIGIOUS_TITLES = frozenset(
    "sister father brother mother rabbi imam pastor reverend rev fr".split())

# Malay names with a patronymic ("Mohd Faizal bin Rahman"): the first name is often a form of
# Muhammad that nobody is called by; people go by the name after it.
_MUHAMMAD = frozenset("mohd md muhd muhammad mohammad mohamad mohammed mohamed".split())
_PATRONYMIC = frozenset("bin binti bte bt bt. b. a/l a/p".split())


def _malay_given(words: list[str]) -> str:
    """"Faizal" for "Mohd Faizal bin Rahman"; "" when the name is not of that form."""
    bare = [w.strip(",").lower() for w in words]
    at = next((i for i, w in enumerate(bare) if w in _PATRONYMIC), None)
    if at is not None and at >= 2 and bare[0] in _MUHAMMAD:
        return words[1].strip(",")
    if len(bare) >= 2 and bare[0] in ("mohd", "md", "muhd"):  # an abbreviation, never said
        return words[1].strip(",")
    return ""


# Given names of two words that are one name: greeting "María" for María José is a slip a
# reader notices. Spanish, Portuguese, French, Arabic and English compounds; grow as needed.
COMPOUND_GIVEN = frozenset("""
    maria jose|jose maria|jose luis|juan carlos|juan pablo|juan jose|juan manuel|jose manuel
    |jose antonio|miguel angel|luis miguel|maria fernanda|maria jesus|maria luisa
    |maria del carmen|ana maria|ana sofia|ana paula|maria eduarda|joao pedro|joao paulo
    |jean pierre|jean paul|jean luc|jean marc|jean francois|marie claire|marie france|anne marie
    |marie pierre|pierre yves|fatima zahra|fatima ezzahra|mohamed amine|mohammed amine
    |abdel rahman|abd el rahman|mary ann|mary jane|mary beth|sarah jane|lee ann|billy bob
    |ana lucia|ana luisa|ana clara|ana beatriz|ana carolina|maria clara|maria luiza|joao vitor
    |luiz carlos|jose carlos|maria elena|maria isabel|juan ignacio|pedro henrique
""".replace("\n", " ").split("|"))
COMPOUND_GIVEN = frozenset(" ".join(c.split()) for c in COMPOUND_GIVEN)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("-", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _clean_words(words) -> list[str]:
    """Name words without quotes or brackets at their ends, and without words that hold no
    letter: a name stored with debris ('Soo-jin\'"] ["\'Kim') still greets "Soo-jin"."""
    cleaned = (w.strip(_QUOTES_AT_EDGES) for w in words)
    return [w for w in cleaned if any(ch.isalpha() for ch in w)]


def name_parts(raw: str) -> tuple[str, list[str]]:
    """See `_name_parts`; a fresh list each call, the parse itself cached."""
    given, rest = _name_parts(raw)
    return given, list(rest)


@lru_cache(maxsize=4096)
def _name_parts(raw: str) -> tuple[str, tuple[str, ...]]:
    """(given name, the other name words in order) with titles, suffixes and nicknames left
    out: "Dr. Jürgen Müller III" -> ("Jürgen", ["Müller"]); "Doe, Jane Marie" -> ("Jane",
    ["Marie", "Doe"]); "Ludwig van Beethoven" -> ("Ludwig", ["van", "Beethoven"])."""
    name = re.sub(r"\([^)]*\)|\"[^\"]*\"|“[^”]*”", " ", unwrapped_name(raw))  # (Liz), "JJ"
    name = _without_ranks(display_name(name.replace("’", "'")))
    parsed = HumanName(name)
    words = " ".join(filter(None, [parsed.first, parsed.middle, parsed.last])).split()
    words = _clean_words(w for w in words if not _is_suffix(w))  # titles kept apart ("King")
    plain = _clean_words(w for w in name.split() if not _is_suffix(w) and not w.endswith("."))
    if len(words) < 2 <= len(plain):  # "Judge Reinhold", "Dean Smith": a name, not a title
        words = plain
    if not words:
        return "", ()
    if _family_first(words):  # "Nguyễn Thị Mai": Mai, then ["Thị", "Nguyễn"]
        return words[-1], (*words[1:-1], words[0])
    return words[0], tuple(words[1:])


def family_name_first(raw: str) -> bool:
    """Whether the name is known to put the family name first ("Nguyễn Thị Mai", "Nagy
    László", "Tanaka Hiroshi"), so that `name_parts` gives the family name last of the other
    words and every word between is a middle name, never a second surname."""
    name = re.sub(r"\([^)]*\)|\"[^\"]*\"|“[^”]*”", " ", unwrapped_name(raw))
    words = [w.strip(",") for w in display_name(name).split()
             if not _is_title(w) and not _is_suffix(w)]
    return bool(_family_first(words))


def surname_particle(word: str) -> bool:
    """Whether `word` is a particle that opens a surname ("van", "de", "Ó", "Mac", "bin"),
    by nameparser's list; the comparison ignores case, the word is never changed."""
    return word.lower() in CONSTANTS.prefixes


def short_name(raw: str) -> str:
    """The name to call someone by in the interface ("Meetings with Wei"): the given name
    without titles or suffixes (`name_parts`): "Dr. Wei Zhang" -> "Wei", "Zhang, Wei" ->
    "Wei". A title with a surname only stays whole ("Dr. Zhang"), since the surname alone is
    not how anyone is addressed; "" for a name with no words."""
    given, others = name_parts(raw)
    name = display_name(raw)
    if given and not others and (name.split() or [""])[0].lower().strip(".") in CONSTANTS.titles:
        return name
    return given or name


def unreliable_script(text: str) -> str:
    """The name of a script in `text` whose Latin spelling is not reliable (see above), or ""."""
    for char in text:
        if char.isalpha() and ord(char) > 0x24F:
            unicode_name = unicodedata.name(char, "")
            for key, label in _UNRELIABLE_SCRIPTS.items():
                if unicode_name.startswith(key):
                    return label
    return ""


def latin_spelling(text: str) -> str:
    """`text` in Latin letters, by anyascii's transliteration: "Дмитрий" -> "Dmitriy",
    "Jürgen" -> "Jurgen", "Øyvind" -> "Oyvind"."""
    return anyascii(text)


def without_their_name(line: str, name: str) -> str:
    """A note line without the person's own name at its start ("mateus - soccer side, tracking
    data": the name is who it is about, written down to remember them, never part of a
    point)."""
    # "山田 花子 (Hanako Yamada)": the notes use the Latin spelling
    latin = re.search(r"\(([^)]+)\)", name)
    name = latin[1] if latin else name
    parts = [p.lower().strip(".,") for p in name.split() if len(p) > 1]
    if not parts:
        return line
    names = {" ".join(parts), parts[0], f"{parts[0]} {parts[-1]}", greeting_name(name).lower()}
    match = re.match(r"\s*([^,:;()-]+?)\s*(?:,|:|;|\s-\s|\s–\s)\s*", line)
    if match and " ".join(match[1].lower().split()) in names:
        return line[match.end():]
    # "yusuf said billing denials are killing them", "daniela from district hr, sent ...":
    # what they said, or who they are, without the name
    said = re.match(r"\s*(\S+(?:\s+\S+)?)\s+(?:said|says|mentioned|told\s+me|thinks)\s+"
                    r"(?:that\s+)?", line, re.IGNORECASE)
    if said and said[1].lower() in names:
        return line[said.end():]
    affiliation = re.match(r"\s*(\S+(?:\s+\S+)?)\s+(?:from|at|of|in)\s+[^,;:]+(?:[,;:]\s*|$)",
                           line, re.IGNORECASE)
    if affiliation and affiliation[1].lower() in names:
        return line[affiliation.end():]
    return line

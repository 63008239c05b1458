"""Business cards into people: .vcf files (vCard 2.1, 3.0 and 4.0), pasted card text, and the
one-line quick-add form "Jane Doe, Engineering Manager, jane@acme.com".
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, replace

import phonenumbers
import vobject

from followup.core.addresses import BadAddress, normalise_address
from followup.core.domains import company_name, is_company_domain
from followup.core.email_guess import name_from_address
from followup.core.names import display_name, latin_spelling, surname_particle, unwrapped_name


@dataclass(frozen=True)
class CardPerson:
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    web: str = ""
    notes: str = ""
    domain: str = ""  # the company's email domain; "" for free mail or no address
    # What the card said that could not be used (an address no message could go to), one line
    # each; the same lines are kept in `notes` so nothing the card said is lost.
    left_out: tuple[str, ...] = ()


class ParseError(ValueError):
    """A card or invitation file that cannot be read; the message names the problem."""


DEFAULT_REGION = "US"  # how phone numbers without a +country code are read

_EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WEB_RE = re.compile(
    r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$",
    re.IGNORECASE)
_LABEL_RE = re.compile(
    r"^(?:e-?mail|mail|tel|phone|mobile|mob|cell|office|fax|work|direct|web|website|url|"
    r"linkedin|[tmefw])\s*:\s*", re.IGNORECASE)
# A label that says the rest of the line is a phone number: "M: +44 7700 900123", "Mob.
# 0170 1234567", "Tel. (030) 123 456", "☎ 0044 20 7946 0958". After a word label comes ":",
# ".", or a space and the number; a symbol needs nothing.
_PHONE_LABEL_RE = re.compile(
    r"^(?:(?:tel|tele|telephone|phone|ph|p|t|m|mob|mobile|cell|cellphone|c|office|o|direct|"
    r"dir|dd|ddi|main|work|w|home|h|handy|telefon|tél|tfn|móvil|movil|cel|mobil|portable|"
    r"fax|f)(?:\s*[:.]\s*|\s+(?=[+(\d]))|[☎📞📱✆]\s*[:.]?\s*)(?=[+(\d])", re.IGNORECASE)
_FAX_LABEL_RE = re.compile(r"^(?:fax|f)\b", re.IGNORECASE)
# What a phone number may be written with: digits, +, brackets, dashes, dots, slashes,
# spaces and an extension.
_PHONE_SHAPE_RE = re.compile(
    r"^\+?[\d\s().\-/]{6,}(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$", re.IGNORECASE)
_MIN_PHONE_DIGITS = 6
# Between a job title and a company on one line: "Head of Data | Kettle & Co", "Designer ·
# Figma". A dash or "at" only counts after a title: "Mary-Jane" and "Smith - Jones" stay.
_STRONG_SPLIT_RE = re.compile(r"\s+[|·•@]\s+|\s*[|·•]\s*")
_TITLE_SPLIT_RE = re.compile(r"\s+(?:[-–—]|at)\s+|\s*[–—]\s*", re.IGNORECASE)
_COMPANY_RE = re.compile(
    r"\b(?:inc|corp|corporation|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|co|company|labs?|group|"
    r"technologies|systems|partners|studio|software|ventures|holdings)\b\.?$", re.IGNORECASE)
# Postal address lines: a house number first, a street word, or a postcode with a town.
_POSTAL_RE = re.compile(
    r"^\d+\w?\s+\w+|\b(?:street|st|avenue|ave|road|rd|blvd|boulevard|suite|ste|floor|lane|"
    r"drive|plaza|po box|straße|strasse|str)\b\.?|\b\d{4,5}\s+[A-Z]\w+$"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$", re.IGNORECASE)
_TITLE_RE = re.compile(
    r"\b(?:engineer\w*|developer|manager|director|head|lead|vp|vice president|president|chief|"
    r"officer|ceo|cto|cfo|coo|cio|founder|co-founder|recruiter|recruiting|talent|designer|"
    r"scientist|analyst|architect|consultant|specialist|coordinator|partner|associate|intern|"
    r"administrator|product|principal|staff|senior|sr\.?|junior|jr\.?|researcher|advocate|"
    r"owner|executive|representative|hr|people)\b", re.IGNORECASE)


# --- vCard files ---------------------------------------------------------------------------

# The properties Followup reads; every other line of a card is skipped before parsing, so a
# photo, an address or a vendor extension can never refuse a card.
_USED_PROPERTIES = frozenset(
    "BEGIN END VERSION FN N ORG TITLE ROLE EMAIL TEL URL X-SOCIALPROFILE NOTE".split())
_NAME_RE = re.compile(
    r"^(?:(?P<group>[A-Za-z0-9-]+)\.)?(?P<name>[A-Za-z0-9-]+)(?P<params>;[^:]*)?:")
# A base64 value: 2.1's ENCODING=BASE64 (or a bare BASE64), 3.0's ENCODING=b.
_BASE64_PARAM = re.compile(r";\s*(?:ENCODING\s*=\s*)?(?:BASE64|B)\s*(?=;|$)", re.IGNORECASE)
_NOT_VOICE = frozenset({"fax", "pager", "modem", "textphone", "bbs", "isdn", "car"})


@dataclass(frozen=True)
class _CardLine:
    number: int  # the line in the file where this property starts
    text: str


def _physical_lines(raw: bytes) -> list[bytes]:
    """Lines split at CRLF, LF and the CR CR LF some phones write; a CR alone inside a value
    stays in the line (see `_decode`)."""
    lines = re.split(rb"\r*\n", raw)
    return lines[:-1] if lines and lines[-1] == b"" else lines


def _unfold(raw: bytes) -> list[tuple[int, bytes]]:
    """Logical lines with their first line's number: RFC 6350 folds (a break and one blank)
    and vCard 2.1 quoted-printable soft breaks (a value line ending in "=")."""
    logical: list[tuple[int, bytearray]] = []
    soft = False
    for number, line in enumerate(_physical_lines(raw), start=1):
        if soft and logical:
            logical[-1][1][-1:] = line  # drop the "=" of the soft break
        elif line[:1] in (b" ", b"\t") and logical:
            logical[-1][1].extend(line[1:])
        else:
            logical.append((number, bytearray(line)))
        current = logical[-1][1]
        head = bytes(current.split(b":", 1)[0]).upper()
        soft = b"QUOTED-PRINTABLE" in head and current.endswith(b"=")
    return [(number, bytes(line)) for number, line in logical]


def _decode(number: int, line: bytes, version: str) -> str:
    """One logical line as text: quoted-printable values decoded in their CHARSET (vCard 2.1),
    UTF-8 otherwise (ISO-8859-1 accepted for 2.1, whose default it was)."""
    head, colon, value = line.partition(b":")
    params = head.upper()
    charset_match = re.search(rb";CHARSET=([A-Za-z0-9_-]+)", params)
    charset = charset_match.group(1).decode("ascii").lower() if charset_match else "utf-8"
    if b"QUOTED-PRINTABLE" in params:
        value = quopri.decodestring(value)
        head = re.sub(rb";(?:ENCODING=)?QUOTED-PRINTABLE", b"", head, flags=re.IGNORECASE)
    head = re.sub(rb";CHARSET=[A-Za-z0-9_-]+", b"", head, flags=re.IGNORECASE)
    try:
        text = value.decode(charset)
    except LookupError:
        raise ParseError(f"line {number}: unknown character set {charset!r}") from None
    except UnicodeDecodeError:
        if version != "2.1":
            raise ParseError(f"line {number} is not UTF-8 text; save the file as UTF-8 and "
                             "import it again") from None
        text = value.decode("latin-1")
    if b"QUOTED-PRINTABLE" in params:  # decoded line breaks are text, escaped for parsing
        text = text.replace("\r\n", "\n").replace("\n", "\\n")
    text = text.replace("\r", "\\n")  # a bare CR inside a value: a line break, escaped
    try:
        head_text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError(f"line {number}: the property name is not text") from None
    return head_text + (":" if colon else "") + text


def _card_lines(data: bytes | str) -> list[_CardLine]:
    """The lines of a .vcf file Followup reads, decoded, with their line numbers."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    # vCard 1.0 and 2.1 share the rules (latin-1 by default, quoted-printable, base64).
    version = "2.1" if re.search(rb"(?im)^VERSION:\s*(?:2\.1|1\.0)", raw) else ""
    kept = []
    in_base64 = False  # inside a 2.1 base64 value, which runs to a blank line (vCard 2.1 §2.1.3)
    for number, line in _unfold(raw):
        stripped = line.strip()
        if not stripped:
            in_base64 = False
            continue
        match = _NAME_RE.match(stripped.decode("latin-1"))
        if match is None and in_base64:
            continue  # base64 data ("N/cGhv...", "TEL+..."): never a property, whatever it reads
        in_base64 = bool(match) and bool(_BASE64_PARAM.search(match.group("params") or ""))
        if match is None:
            lead_match = re.match(rb"[A-Za-z0-9.-]*", stripped)  # always matches, maybe empty
            lead = lead_match.group(0).decode("ascii") if lead_match else ""
            if lead.rsplit(".", 1)[-1].upper() in _USED_PROPERTIES:
                raise ParseError(f"line {number} is not \"NAME:value\": "
                                 f"{stripped.decode('utf-8', 'replace')[:60]}")
            continue  # a line Followup does not use (an unknown name, a stray line): skipped
        if match.group("name").upper() not in _USED_PROPERTIES:
            continue
        kept.append(_CardLine(number, _decode(number, stripped, version).strip()))
    return kept


def parse_vcards(data: bytes | str) -> list[CardPerson]:
    """Every card in a .vcf file (vCard 2.1, 3.0 or 4.0).

    Lines Followup does not use (photos, addresses, PROFILE, vendor extensions, names it
    cannot read) are skipped; ParseError names the line of anything it uses and cannot read.
    """
    lines = _card_lines(data)
    if not lines or lines[0].text.upper().replace(" ", "") != "BEGIN:VCARD":
        first = next((f"line {n} is {t.strip()[:40]!r}" for n, t in enumerate(
            (data.decode("utf-8", "replace") if isinstance(data, bytes) else data).splitlines(),
            start=1) if t.strip()), "the file is empty")
        raise ParseError(f"not a vCard file: it does not start with BEGIN:VCARD ({first})")
    people = []
    for begin, card_lines in _split_cards(lines):
        text = "\r\n".join(line.text for line in card_lines) + "\r\n"
        try:
            component = vobject.readOne(text, validate=False, ignoreUnreadable=False)
        except (vobject.base.VObjectError, ValueError, UnicodeError) as exc:
            raise ParseError(f"not a valid vCard file: {_vobject_problem(exc, card_lines)}"
                             ) from None
        people.append(_card_person(component, begin, _raw_text(card_lines, "FN"),
                                   _raw_text(card_lines, "ORG", component=0)))
    return people


def _raw_text(lines: list[_CardLine], name: str, component: int | None = None) -> str:
    """The unescaped value of the first `name` line (RFC 6350 §3.4 escapes), "" if none;
    with `component`, only the first non-empty of the ;-separated parts from there on."""
    for line in lines:
        match = _NAME_RE.match(line.text)
        if match and match.group("name").upper() == name:
            value = line.text[match.end():]
            if component is not None:
                parts = re.split(r"(?<!\\);", value)[component:]
                value = next((p for p in parts if p.strip()), "")
            return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1),
                          value).strip()
    return ""


def _split_cards(lines: list[_CardLine]) -> list[tuple[int, list[_CardLine]]]:
    cards, current, begin = [], None, 0
    for line in lines:
        keyword = line.text.upper().replace(" ", "")
        if keyword == "BEGIN:VCARD":
            if current is not None:
                raise ParseError(f"line {line.number}: a card begins inside the card of line "
                                 f"{begin} (no END:VCARD before it)")
            current, begin = [line], line.number
        elif current is None:
            what = line.text.split(":", 1)[-1] if keyword.startswith("BEGIN:") else ""
            raise ParseError(f"line {line.number} is outside any card"
                             + (f": a {what}, not a VCARD" if what else " (after END:VCARD)"))
        else:
            current.append(line)
            if keyword == "END:VCARD":
                cards.append((begin, current))
                current = None
    if current is not None:
        raise ParseError(f"the card that begins on line {begin} never ends (no END:VCARD)")
    return cards


def _vobject_problem(exc: Exception, lines: list[_CardLine]) -> str:
    """vobject's complaint with the line number of the file."""
    message = str(getattr(exc, "msg", exc))
    number = getattr(exc, "lineNumber", None)
    prefix = "Failed to parse line: "
    bad = message[len(prefix):].strip() if message.startswith(prefix) else ""
    where = next((line.number for line in lines if bad and line.text.strip() == bad), None)
    if where is None and isinstance(number, int) and 0 < number <= len(lines):
        where = lines[number - 1].number
    if bad:
        return f'line {where or "?"} is not "NAME:value": {bad[:60]}'
    return f"line {where}: {message}" if where else message


def _card_person(card, begin: int, full_name: str = "", org: str = "") -> CardPerson:
    email, left_out = _valid_email(card)
    name = _card_name(card, full_name) or (
        name_from_address(email) or email.split("@")[0] if email else "")
    if not name:
        raise ParseError(f"the card that begins on line {begin} has no name (neither FN nor "
                         "N) and no email address")
    company = org  # read from the file's line: vobject splits "Company, The" at the comma
    domain = _work_domain(card)
    return CardPerson(
        name=name,
        title=_text(card, "title") or _text(card, "role"),
        company=company or company_name(domain, (name,)) if domain else company,
        email=email,
        phone=_phone(card).removeprefix("tel:"),
        web=_card_web(card),
        notes="\n".join(filter(None, [_text(card, "note"), *left_out])),
        domain=domain,
        left_out=tuple(left_out),
    )


def _valid_email(card) -> tuple[str, list[str]]:
    """The preferred address that is valid (normalised), and a note for each one that is not:
    an address that cannot be written to is kept in the notes, never refuses the card."""
    lines = [line for line in card.contents.get("email", []) if str(line.value).strip()]
    order = ("work", "internet")
    lines.sort(key=lambda line: (_preference(line), next(
        (i for i, kind in enumerate(order) if kind in _types(line)), len(order))))
    left_out = []
    for line in lines:
        try:
            return normalise_address(str(line.value)), left_out
        except BadAddress as exc:
            left_out.append(f"Email address left out: {exc}")
    return "", left_out


def _card_name(card, full: str) -> str:
    """FN as written (`full`, read from the file's line: vobject cuts an FN at a comma), or
    N in reading order. An FN in directory order ("Mustermann, Heiko") is put in reading
    order when N gives that structure (its family name first); without N an FN is kept as
    written ("URI PNG, version 4.0")."""
    parts = _first_value(card, "n")
    family = given = ""
    if parts is not None and not isinstance(parts, str):
        family, given = (" ".join(p) if isinstance(p, list) else p or ""
                         for p in (parts.family, parts.given))
    full = unwrapped_name(full)
    if full:
        # FN is the name as the card shows it (RFC 6350 §6.2.1): turned around only when N
        # says its first part is the family name ("Mustermann, Heiko" with N:Mustermann;...).
        # Without N, only an FN whose two parts both read as names is taken for directory
        # order ("Pérez Rodríguez, José"; not "URI PNG, version 4.0").
        if "," in full and (full.replace(" ", "").startswith(f"{family},".replace(" ", ""))
                            if family else parts is None and _names_only(full)):
            return display_name(full)
        return full
    if parts is None or isinstance(parts, str):
        return display_name(str(parts or ""))
    words = [" ".join(p) if isinstance(p, list) else p for p in
             [parts.prefix, parts.given, parts.additional, parts.family, parts.suffix]]
    return " ".join(w.strip() for w in words if w and w.strip())


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _names_only(full: str) -> bool:
    """Whether both sides of the one comma in `full` are one to three words of letters."""
    sides = unwrapped_name(full).split(",")
    return len(sides) == 2 and all(
        1 <= len(side.split()) <= 3 and all(_NAME_WORD.fullmatch(w) and not any(
            ch.isdigit() for ch in w) for w in side.split()) for side in sides)


def _first_value(card, key: str):
    lines = card.contents.get(key)
    return lines[0].value if lines else None


def _text(card, key: str) -> str:
    value = _first_value(card, key)
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip() if value is not None else ""


def _types(line) -> set[str]:
    """TYPE values from every vCard version: 2.1 bare words, 3.0 TYPE=a,b, 4.0 PREF=1."""
    found = {word.lower() for word in line.singletonparams}
    for value in line.params.get("TYPE", []):
        found.update(part.strip().strip('"').lower() for part in value.split(","))
    if line.params.get("PREF"):
        found.add("pref")
    return found


# No preference given: after every preferred value (PREF is 1 to 100, RFC 6350 §5.3).
_NOT_PREFERRED = 101


def _preference(line) -> int:
    """How preferred a value is, lower first (RFC 6350 §5.3: PREF=1 is the most preferred);
    vCard 2.1's bare PREF and 3.0's TYPE=pref, which have no degree, count as 1."""
    for value in line.params.get("PREF", []):
        match = re.match(r"\s*(\d+)", str(value))
        if match and 1 <= int(match.group(1)) <= 100:
            return int(match.group(1))
        return 1
    return 1 if "pref" in _types(line) else _NOT_PREFERRED


_PHONE_KINDS = ("work", "cell", "mobile", "voice")


def _phone(card) -> str:
    """The number to call: the most preferred (PREF), then work, mobile, plain voice, then
    any; a fax, pager or modem number only when there is nothing else."""
    lines = [line for line in card.contents.get("tel", []) if str(line.value).strip()]
    voice = [line for line in lines if not (_types(line) & _NOT_VOICE) or "voice" in _types(
        line)]
    voice.sort(key=lambda line: (_preference(line), next(
        (i for i, kind in enumerate(_PHONE_KINDS) if kind in _types(line)), len(_PHONE_KINDS))))
    chosen = voice or lines
    return str(chosen[0].value).strip() if chosen else ""


def _work_domain(card) -> str:
    """The company's domain: of the work address when the card has one, else of the first
    address at a company domain; never a free-mail or home domain."""
    lines = [line for line in card.contents.get("email", []) if "@" in str(line.value)]
    lines.sort(key=lambda line: ("work" not in _types(line), "home" in _types(line)))
    for line in lines:
        if "home" in _types(line):
            continue
        domain = str(line.value).strip().rsplit("@", 1)[1].strip(" >").lower()
        if is_company_domain(domain):
            return domain
    return ""


def _card_web(card) -> str:
    """The LinkedIn profile when there is one (URL or Apple's X-SOCIALPROFILE), else the URL."""
    # Google Contacts escapes the colon ("https\\://"), which is text syntax, not URI syntax.
    urls = [str(line.value).strip().replace("\\:", ":") for key in ("url", "x-socialprofile")
            for line in card.contents.get(key, []) if str(line.value).strip()]
    linkedin = [url for url in urls if _is_linkedin(url)]
    return (linkedin or urls or [""])[0]


# --- pasted card text ----------------------------------------------------------------------

def _find_email(text: str) -> str:
    match = _EMAIL_RE.search(text)
    return match.group(0).rstrip(".") if match else ""


def _find_phone(text: str, region: str) -> str:
    """The phone number a short piece of text is, as written; "" when it is something else."""
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7 or digits < len(re.sub(r"\s", "", text)) // 2:
        return ""
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    for match in matcher:
        return match.raw_string.strip()
    return ""


def _is_web(text: str) -> bool:
    return bool(_WEB_RE.match(text)) and "@" not in text


def _is_linkedin(url: str) -> bool:
    return "linkedin.com" in url.lower()


def _labelled_phone(piece: str) -> str:
    """The number of a line labelled as a phone ("Mob. 0170 1234567"), as written; "" when
    there is no phone label or the rest is not shaped like a number. A label makes a number a
    phone in any region, so it is not checked against the user's own numbering plan."""
    match = _PHONE_LABEL_RE.match(piece.strip())
    if not match:
        return ""
    number = piece.strip()[match.end():].strip()
    digits = sum(ch.isdigit() for ch in number)
    return number if _PHONE_SHAPE_RE.match(number) and digits >= _MIN_PHONE_DIGITS else ""


def _classify(piece: str, region: str) -> tuple[str, str]:
    """("email" | "phone" | "fax" | "web" | "text", value) for one line or field of a card."""
    if number := _labelled_phone(piece):
        return ("fax" if _FAX_LABEL_RE.match(piece.strip()) else "phone"), number
    bare = _LABEL_RE.sub("", piece).strip()
    if "@" in bare and (email := _find_email(bare)):
        return "email", email
    if phone := _find_phone(bare, region):
        return "phone", phone
    if _is_web(bare):
        return "web", bare
    return "text", piece.strip()


def _assign_texts(texts: list[str], person: dict[str, str], name_first: bool) -> None:
    """Name (when `name_first`), title and company from the lines that are none of email,
    phone or web."""
    rest = list(texts)
    if name_first and rest:
        person["name"] = rest.pop(0)
    leftover = []
    for text in rest:
        if _POSTAL_RE.search(text):
            leftover.append(text)
        elif not person["company"] and _COMPANY_RE.search(text):
            person["company"] = text
        elif not person["title"] and _TITLE_RE.search(text):
            person["title"] = text
        else:
            leftover.append(text)
    unknown = [text for text in leftover if not _POSTAL_RE.search(text)]
    for field in ("title", "company"):  # order on a card: title, then company
        if not person[field] and unknown:
            person[field] = unknown.pop(0)
            leftover.remove(person[field])
    person["notes"] = "\n".join(leftover)  # postal address lines end up here


def _person_from(pieces: list[str], region: str, name: str | None = None) -> CardPerson:
    """A person from card pieces; with `name` None the first plain piece is the name."""
    person: dict[str, str] = dict.fromkeys(
        ("name", "title", "company", "email", "phone", "web", "notes"), "")
    person["name"] = name or ""
    texts, extras = [], []  # extras: a second email or phone, kept as a note
    for piece in pieces:
        kind, value = _classify(piece, region)
        if kind == "text":
            texts.append(value)
        elif kind == "fax":  # a number no one answers: kept, never the one to call
            extras.append(piece.strip())
        elif not person[kind]:
            person[kind] = value
        elif kind == "web" and _is_linkedin(value) and not _is_linkedin(person["web"]):
            extras.append(person["web"])  # a LinkedIn profile beats the company's site
            person["web"] = value
        elif value != person[kind]:
            extras.append(piece.strip())
    _assign_texts(texts, person, name_first=name is None)
    person["notes"] = "\n".join(filter(None, [person["notes"], *extras]))
    if not person["name"] and person["email"]:
        person["name"] = name_from_address(person["email"])
    if not person["name"]:
        raise ParseError("no name found: the first line should be the person's name")
    return CardPerson(name=person["name"], title=person["title"], company=person["company"],
                      email=person["email"], phone=person["phone"], web=person["web"],
                      notes=person["notes"])


def split_title_company(line: str) -> list[str]:
    """A line of a card as its parts: "Head of Data | Kettle & Co" -> ["Head of Data",
    "Kettle & Co"]; "CTO - Kettle", "CTO at Kettle" the same, since a title stands before
    them. A line with none of these separators, or an email, phone or web line, is one part."""
    if "@" in line and _find_email(line) or _labelled_phone(line) or _is_web(line):
        return [line]
    parts = [p.strip() for p in _STRONG_SPLIT_RE.split(line) if p.strip()]
    found = []
    for part in parts:
        left, *rest = _TITLE_SPLIT_RE.split(part, maxsplit=1)
        if rest and _TITLE_RE.search(left) and rest[0].strip():
            found += [left.strip(), rest[0].strip()]
        else:
            found.append(part)
    return found or [line]


def split_card_text(text: str, region: str = DEFAULT_REGION) -> CardPerson:
    """Fields of a business card typed or pasted as text, one item a line.

    Emails, phones (read by phonenumbers; numbers without a +code as in `region`) and web
    addresses are recognised wherever they stand; of the other lines, the first is the name,
    a line that looks like a company ("Acme Corp", "Initech GmbH") or a job title goes there,
    otherwise the title comes before the company. Lines left over become notes.
    """
    lines = [part for line in text.splitlines() if line.strip()
             for part in split_title_company(line.strip())]
    if not lines:
        raise ParseError("the card text is empty")
    first = next((i for i, line in enumerate(lines) if _classify(line, region)[0] == "text"),
                 None)
    if first is not None:  # the name line: "Oluwaseun Adeyemi - CTO", "Wei Zhang (CTO)"
        name, titles, company = _name_and_title(lines[first])
        lines[first:first + 1] = [name, *titles, *([company] if company else [])]
    person = _person_from(lines, region)
    if person.name.isupper():  # cards often print names in capitals
        person = replace(person, name=person.name.title())
    return person


# The first mailbox of an RFC 5322 address list: a display name (quoted strings may hold
# commas, "Roe, Bob") followed by an address in angle brackets.
_MAILBOX_RE = re.compile(
    r'^\s*(?P<name>(?:"(?:[^"\\]|\\.)*"|[^<>"])*)<(?P<address>[^<>]+@[^<>]+)>')
# An address with the name as a comment: jane@acme.com (Jane Doe)
_COMMENT_RE = re.compile(r"^\s*(?P<address>[^\s,;|<>()]+@[^\s,;|<>()]+)\s*\((?P<name>[^()]*)\)")


def _split_mailbox(line: str) -> tuple[str, str, str] | None:
    """(display name, address, the rest of the line) when the line opens with a mailbox."""
    match = _MAILBOX_RE.match(line) or _COMMENT_RE.match(line)
    if not match:
        return None
    name = match.group("name").strip()
    rest = line[match.end():].lstrip(" ,;|\t-–—")  # "<o@kettle.co> - CTO"
    if name.startswith('"') and name.endswith('"') and len(name) > 1:
        return re.sub(r"\\(.)", r"\1", name[1:-1]), match.group("address"), rest
    return _unquoted_name(name), match.group("address"), rest


def _unquoted_name(name: str) -> str:
    """An unquoted display name: "Doe, Jane" is directory order, but in "Jane Doe, Staff
    Engineer" the part after the comma is a title; it is kept as a field (see callers)."""
    left, comma, right = name.partition(",")
    if comma and _TITLE_RE.search(right) and not _TITLE_RE.search(left):
        return f"{left.strip()}\t{right.strip()}"  # a tab: split into name and title below
    return name


# A title after the name: "Oluwaseun Adeyemi - CTO", "Ada Obi – Recruiter", "Wei Zhang (CTO)",
# "Ana Ruiz @ Kettle", "Ana Ruiz at Kettle" (after "@" or "at", a company unless a title).
_NAME_TITLE_RE = re.compile(r"\s+(?P<sep>[-–—@]|at)\s+|\s*(?P<dash>[–—])\s*", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"^[A-Z]{2,5}$")  # CTO, SVP, HR


def _name_and_title(name: str) -> tuple[str, list[str], str]:
    """(name, title pieces, company) of a name that carries a title or a company."""
    bracket = re.match(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]+)\)\s*$", name)
    if bracket and (_TITLE_RE.search(bracket["inside"])
                    or _ACRONYM_RE.match(bracket["inside"].strip())):
        return bracket["name"].strip(), [bracket["inside"].strip()], ""  # "(Liz)" stays
    match = _NAME_TITLE_RE.search(name)
    if not match or not name[:match.start()].strip() or not name[match.end():].strip():
        return name, [], ""
    head, tail = name[:match.start()].strip(), name[match.end():].strip()
    if (match["sep"] or "").lower() in ("@", "at") and not _TITLE_RE.search(tail):
        return head, [], tail
    return head, split_title_company(tail), ""


def _given_name_second(pieces: list[str], region: str) -> bool:
    """Whether "Ó Súilleabháin, Aoife, aoife@kettle.co" is in directory order: the second
    field is one or two words of a name (no title, company or number) and either the address
    holds it ("aoife@", "aoife.osuilleabhain@", "abyrne@") or the first field opens with a surname
    particle ("van der Berg, Jan", "Ó Súilleabháin, Aoife")."""
    if len(pieces) < 2:
        return False
    surname, given = pieces[0], pieces[1]
    words = given.split()
    if not 1 <= len(words) <= 2 or not all(re.fullmatch(r"[^\W\d_][\w'’.-]*", w) for w in words):
        return False
    if _TITLE_RE.search(given) or _COMPANY_RE.search(given) or (
            _classify(given, region)[0] != "text"):
        return False
    email = next((_find_email(p) for p in pieces[2:] if "@" in p and _find_email(p)), "")
    local = re.sub(r"[^a-z]", "", latin_spelling(email.split("@")[0]).lower())
    first = re.sub(r"[^a-z]", "", latin_spelling(words[0]).lower())
    family = re.sub(r"[^a-z]", "", latin_spelling(surname).lower())
    initial_forms = {first[:1] + family, family + first[:1]} if first and family else set()
    return bool(local and first and (first in local or local in initial_forms)) or (
        surname_particle(surname.split()[0]))


# A name in quotes at the start of a line, as some mailers write it: 'Kim, Soo-jin', ...
_QUOTED_FIRST_RE = re.compile(r"^\s*(['\"‘“])(?P<name>[^'\"‘’“”]+)['\"’”]\s*(?:[,;|\t]|$)")


def _quoted_first(line: str) -> list[str]:
    """The pieces of a line that opens with a quoted name: the name (commas and all), then the
    other fields; [] when it does not open with one."""
    match = _QUOTED_FIRST_RE.match(line)
    if not match:
        return []
    rest = [p.strip() for p in re.split(r"[,;|\t]", line[match.end():]) if p.strip()]
    return [match.group("name").strip(), *rest]


def parse_person_line(line: str, region: str = DEFAULT_REGION) -> CardPerson:
    """One person from "Jane Doe, Engineering Manager, jane@acme.com".

    The name comes first, also as an RFC 5322 mailbox: "Jane Doe <jane@acme.com>", "Doe,
    Jane <jane@acme.com>" and '"Roe, Bob" <bob@acme.com>' (a name in directory order is put
    in reading order), or "jane@acme.com (Jane Doe)". The other fields, separated by commas,
    semicolons or |, may come in any order: an email by its @, a phone by phonenumbers, a web
    address by its form, and the rest is the title (then the company). Raises ParseError for
    an empty line or an address that is not valid.
    """
    mailbox = _split_mailbox(line)
    if mailbox:
        name, address, rest = mailbox
        try:
            address = normalise_address(address)
        except BadAddress as exc:
            raise ParseError(str(exc)) from None
        name, _, title = name.partition("\t")
        pieces = [address, *([title] if title else []),
                  *(p.strip() for p in re.split(r"[,;|\t]", rest) if p.strip())]
        name = display_name(name)
    else:
        pieces = _quoted_first(line) or [p.strip() for p in re.split(r"[,;|\t]", line)
                                         if p.strip()]
        if not pieces:
            raise ParseError("the line is empty: expected a name, then title, email or phone")
        if _given_name_second(pieces, region):  # "Ó Súilleabháin, Aoife, aoife@kettle.co"
            pieces = [f"{pieces[1]} {pieces[0]}", *pieces[2:]]
        name, pieces = pieces[0], pieces[1:]
        if _classify(name, region)[0] != "text":  # no name given, just an address or number
            name, pieces = "", [name, *pieces]
    name, titles, company = _name_and_title(display_name(name) if name else name)
    person = _person_from([*titles, *pieces], region, name=name)
    if company and not person.company:
        person = replace(person, company=company)
    if person.email:
        try:
            person = replace(person, email=normalise_address(person.email))
        except BadAddress as exc:
            raise ParseError(str(exc)) from None
    return person

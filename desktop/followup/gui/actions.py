"""The window's commands in one table: menus, their actions and shortcuts, the shortcut help.

`MainWindow` builds its menus and QActions from `ACTIONS` (`build_actions`); Help › Keyboard
shortcuts lists `ACTIONS` and `WIDGET_KEYS` (`shortcut_help`). A new command is one row here
and one method on the window, and its shortcut is in the help by construction.

The table is plain data: the menus' titles are read before the first frame, and Qt's action
and key classes are imported only when the actions are built, just after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu, QWidget


class Menu(StrEnum):
    """The menu bar's menus, in their order; the value is the title with its mnemonic."""

    FILE = "&File"
    MEETING = "&Meeting"
    VIEW = "&View"
    FOLLOWUP = "F&ollow-up"
    HELP = "&Help"


@dataclass(frozen=True)
class ActionSpec:
    """One menu command.

    `slot`: the window's method that runs it, a dotted path from the window
    ("workspace.start_meeting" is `window.workspace.start_meeting`). `shortcut`: portable
    text ("Ctrl+Shift+E"), or "Standard:" and the name of a platform's standard key
    (`QKeySequence.StandardKey`: "Standard:New" is Ctrl+N on Linux and Windows, ⌘N on a Mac).
    `help`: its line in the shortcut help (the menu text, when empty). `writes`: it changes
    the library, so it is off while the library is read-only. `separator`: a line above it
    in its menu."""

    name: str
    text: str
    menu: Menu
    slot: str
    shortcut: str = ""
    help: str = ""
    writes: bool = False
    checkable: bool = False
    separator: bool = False

    def key_sequence(self) -> QKeySequence:
        """The shortcut as Qt takes it (empty without one)."""
        from PySide6.QtGui import QKeySequence

        standard = self.shortcut.removeprefix(STANDARD)
        if standard != self.shortcut:
            return QKeySequence(getattr(QKeySequence.StandardKey, standard))
        return QKeySequence(self.shortcut)

    def help_text(self) -> str:
        return self.help or self.text.replace("&", "").removesuffix("…")


@dataclass(frozen=True)
class WidgetKeys:
    """Keys a widget handles itself rather than through a menu: listed in the help only.
    `keys` is what the help shows ("Ctrl+1…9"); `where` says which widget answers them."""

    keys: str
    help: str
    where: str


STANDARD = "Standard:"

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("newMeetingAction", "&New meeting…", Menu.FILE, "new_meeting", "Standard:New",
               writes=True),
    ActionSpec("importAction", "&Import…", Menu.FILE, "files.import_file", "Ctrl+I",
               "Import an export, an .ics invitation or .vcf cards", writes=True),
    ActionSpec("exportAction", "&Export…", Menu.FILE, "files.export_file", "Ctrl+Shift+X",
               "Export the whole library"),
    ActionSpec("exportHtmlAction", "Export as &HTML…", Menu.FILE, "files.export_html"),
    ActionSpec("profileAction", "&Profile…", Menu.FILE, "edit_profile", "Ctrl+,",
               "Your profile", writes=True, separator=True),
    ActionSpec("accountAction", "Sending &account…", Menu.FILE, "edit_account", writes=True),
    ActionSpec("quitAction", "&Quit", Menu.FILE, "quit", "Standard:Quit", separator=True),
    ActionSpec("addPersonAction", "&Add person", Menu.MEETING, "workspace.focus_add_person",
               "Ctrl+Shift+A", "Add a person", writes=True),
    ActionSpec("startMeetingAction", "&Start meeting", Menu.MEETING,
               "workspace.start_meeting", "Ctrl+Shift+S", "Start the meeting", writes=True),
    ActionSpec("endMeetingAction", "&End meeting", Menu.MEETING, "workspace.end_meeting",
               "Ctrl+Shift+E", "End the meeting: the 24-hour clock starts", writes=True),
    ActionSpec("editMeetingAction", "Ed&it meeting…", Menu.MEETING, "workspace.edit_meeting",
               writes=True),
    ActionSpec("editCardAction", "Edit person's &card…", Menu.MEETING, "workspace.edit_card",
               "Ctrl+E", "Edit the selected person's card (email suggestions, business card)",
               writes=True),
    ActionSpec("deleteMeetingAction", "&Delete meeting…", Menu.MEETING, "delete_meeting",
               writes=True, separator=True),
    ActionSpec("followUpsAction", "&Follow-ups beside notes", Menu.VIEW, "toggle_followups",
               "Ctrl+Shift+D", "Follow-ups beside the notes (drafts one per person)",
               checkable=True),
    ActionSpec("statusListAction", "Send-&status list", Menu.VIEW, "show_status_list",
               "Ctrl+L", "Send-status list"),
    ActionSpec("workspaceAction", "&Meeting notes", Menu.VIEW, "show_workspace",
               "Ctrl+Shift+L", "Back to the meeting notes"),
    ActionSpec("renderedNotesAction", "Notes &rendered: this person, whole meeting, edit",
               Menu.VIEW, "workspace.cycle_notes_mode", "Ctrl+Shift+O",
               "Notes rendered: this person's, the whole meeting's, back to editing"),
    ActionSpec("peopleAction", "&People", Menu.VIEW, "show_people", "Ctrl+Shift+P",
               "People: everyone, with their card, meetings and follow-ups"),
    ActionSpec("filterAction", "&Filter meetings", Menu.VIEW, "focus_filter", "Standard:Find"),
    ActionSpec("searchAction", "Search &everything…", Menu.VIEW, "open_search", "Ctrl+Shift+F",
               "Search every note, draft, card and company"),
    ActionSpec("regenerateAction", "&Regenerate from notes", Menu.FOLLOWUP,
               "workspace.regenerate", "Ctrl+R",
               "Regenerate the draft from the notes (asks before replacing your edits)",
               writes=True),
    ActionSpec("readyAction", "Mark &ready / back to draft", Menu.FOLLOWUP,
               "workspace.toggle_ready", "Ctrl+Shift+R", writes=True),
    ActionSpec("markSentAction", "Mark &sent…", Menu.FOLLOWUP, "workspace.mark_sent",
               "Ctrl+Shift+M", "Mark sent by hand", writes=True),
    ActionSpec("sendAction", "Se&nd…", Menu.FOLLOWUP, "send_current", "Ctrl+Return",
               "Send this follow-up (to this person only)", writes=True),
    ActionSpec("sendReadyAction", "Send all &ready in this meeting…", Menu.FOLLOWUP,
               "send_ready", "Ctrl+Shift+Return",
               "Send every follow-up of the meeting marked ready, one by one", writes=True),
    ActionSpec("shortcutsAction", "&Keyboard shortcuts", Menu.HELP, "show_shortcuts", "F1",
               "These keyboard shortcuts"),
    ActionSpec("aboutAction", "&About Followup", Menu.HELP, "show_about"),
)

WIDGET_KEYS: tuple[WidgetKeys, ...] = (
    WidgetKeys("Ctrl+1…9", "Notes on person 1…9", "the meeting (workspace.add_shortcuts)"),
    WidgetKeys("Ctrl+0", "General notes", "the meeting (workspace.add_shortcuts)"),
    WidgetKeys("Ctrl+Up / Ctrl+Down", "Previous / next person",
               "the meeting (workspace.add_shortcuts)"),
    WidgetKeys("Ctrl+K", "Toggle ! (key point) on the current line", "the notes editor"),
    WidgetKeys("Ctrl+Z / Ctrl+Shift+Z",
               "Undo / redo (each person's notes have their own history)", "the notes editor"),
)


def shortcut_text(spec: ActionSpec) -> str:
    """The action's shortcut as the help shows it ("Ctrl+Shift+E"), "" without one."""
    from PySide6.QtGui import QKeySequence

    return spec.key_sequence().toString(QKeySequence.SequenceFormat.PortableText)


def shortcut_help() -> str:
    """The text of Help › Keyboard shortcuts: the keys of the notes, then each menu's."""
    lines = ["Notes"] + [f"  {keys.keys}  {keys.help}" for keys in WIDGET_KEYS]
    for menu in Menu:
        # A standard key the platform has no binding for (Quit on some desktops) is none.
        rows = [f"  {shortcut_text(spec)}  {spec.help_text()}"
                for spec in ACTIONS if spec.menu is menu and shortcut_text(spec)]
        if rows:
            lines += ["", menu.replace("&", ""), *rows]
    return "\n".join(lines) + "\n"


def slot_of(window: QWidget, spec: ActionSpec) -> Callable[[], object]:
    """The bound method `spec.slot` names, looked up from `window` along its dots."""
    return attrgetter(spec.slot)(window)


def build_actions(window: QWidget, menus: dict[Menu, QMenu]) -> dict[str, QAction]:
    """Every row of `ACTIONS` as a QAction of `window`, in its menu, connected to its slot;
    returned by object name."""
    from PySide6.QtGui import QAction

    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.separator:
            menu.addSeparator()
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        action.setShortcut(spec.key_sequence())
        action.setCheckable(spec.checkable)
        action.triggered.connect(slot_of(window, spec))
        menu.addAction(action)
        actions[spec.name] = action
    return actions


def writing_actions() -> Iterator[str]:
    """The object names of the actions that change the library."""
    return (spec.name for spec in ACTIONS if spec.writes)

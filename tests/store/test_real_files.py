"""Real calendar and contact files from the public test suites of other programs (see
tests/data/real/README.md), imported as a user would: each one into an empty library.

Each file imports right (people, names, addresses, the organizer as coordinator, the start
in UTC, the company and its domain) or is refused with a message that names the line, and
the results are the same whatever the hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store.real_files import REAL, import_result, real_files

ROOT = Path(__file__).resolve().parents[2]


def meetings(*rows):
    return {
        "meetings": [
            {
                "start": start,
                "company": company,
                "domain": domain,
                "people": [list(p) for p in people],
            }
            for start, company, domain, people in rows
        ]
    }


def people(*rows):
    return {"people": [list(row) for row in rows]}


def refused(message):
    return {"refused": message}


EXPECTED = {
    "ics/icalendar-alarm_etar_future.ics": meetings(
        ("2024-10-05T12:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-alarm_google_future.ics": meetings(
        ("2024-10-04T18:15:00+00:00", "", "", []),
    ),
    "ics/icalendar-alarm_thunderbird_future.ics": meetings(
        ("2024-10-23T14:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-bom_calendar.ics": refused(
        "line 2: the calendar ends without an event (no VEVENT)"
    ),
    "ics/icalendar-broken_ical.ics": refused(
        "the event that starts on line 2 has no start time (no DTSTART)"
    ),
    "ics/icalendar-event_with_rsvp.ics": refused(
        "the event that starts on line 1 has no start time (no DTSTART)"
    ),
    "ics/icalendar-event_with_unicode_organizer.ics": refused(
        "the event that starts on line 1 has no start time (no DTSTART)"
    ),
    "ics/icalendar-example.ics": meetings(
        ("2021-12-31T23:00:00+00:00", "", "", []),
        ("2022-01-06T23:00:00+00:00", "", "", []),
        ("2022-03-07T23:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-invalid_duration.ics": refused(
        "line 8: a broken DURATION in an event: Impractical iCalendar duration:"
    ),
    "ics/icalendar-issue_101_icalendar_chokes_on_umlauts_in_organizer.ics": meetings(
        (
            "2013-04-16T10:00:00+00:00",
            "Mydomain",
            "mydomain.de",
            [("ädmin acme", "adm-acme@mydomain.de", "coordinator")],
        ),
    ),
    "ics/icalendar-issue_1426_value_parameters.ics": meetings(
        ("1996-12-31T23:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-issue_218_bad_tzid.ics": meetings(
        ("2017-02-28T12:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": meetings(
        ("2017-05-11T16:30:00+00:00", "", "", []),
    ),
    "ics/icalendar-issue_351_whitespace_in_property_and_params.ics": meetings(
        ("2026-03-19T09:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-issue_53_description_parsed_properly.ics": meetings(
        ("2012-07-12T22:30:00+00:00", "", "", []),
    ),
    "ics/icalendar-issue_64_event_with_non_ascii_summary.ics": refused(
        "the event that starts on line 1 has no start time (no DTSTART)"
    ),
    "ics/icalendar-issue_722_missing_VTIMEZONE_custom.ics": meetings(
        ("2014-08-29T06:00:00+00:00", "", "", []),
    ),
    "ics/icalendar-rfc_7986_conferences.ics": refused(
        "the event that starts on line 2 has no start time (no DTSTART)"
    ),
    "ics/icalendar-rfc_9074_example_1.ics": meetings(
        ("2021-03-02T15:30:00+00:00", "", "", []),
    ),
    "ics/icalendar-x_location.ics": meetings(
        ("2026-01-01T13:00:00+00:00", "", "", []),
    ),
    "ics/khal-cal_lots_of_timezones.ics": meetings(
        ("2014-09-09T07:30:00+00:00", "", "", []),
        ("2014-05-09T18:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_d.ics": meetings(
        ("2014-04-08T22:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_d_long.ics": meetings(
        ("2014-04-08T22:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_description.ics": meetings(
        ("2023-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_duration.ics": meetings(
        (
            "2014-04-09T07:30:00+00:00",
            "",  # .tld is no top-level domain: nord.tld names no company
            "",
            [("Frank Nord", "frank@nord.tld", "coordinator")],
        ),
    ),
    "ics/khal-event_dt_floating.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_local_missing_tz.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_london.ics": meetings(
        ("2014-04-09T13:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_multi_recuid_no_master.ics": meetings(
        ("2014-07-07T06:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_multi_uid.ics": meetings(
        ("2017-12-28T18:00:00+00:00", "", "", []),
        ("2018-01-04T21:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_no_end.ics": meetings(
        ("2016-01-16T07:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_partstat.ics": meetings(
        (
            "2014-04-09T07:30:00+00:00",
            "Example",
            "example.com",
            [
                ("Henry Cabot", "hcabot@example.com", "interviewer"),
                ("The Big Cheese", "iamboss@example.com", "interviewer"),
                ("Jane Doe", "jdoe@example.com", "interviewer"),
                ("Jqpublic", "jqpublic@example.com", "interviewer"),
                ("Another", "another@example.com", "other (no follow-up)"),
                ("Tent", "tent@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/khal-event_dt_recuid_no_master.ics": meetings(
        ("2017-03-29T14:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_rr.ics": meetings(
        ("2014-04-18T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_simple.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_simple_zulu.ics": meetings(
        ("2014-04-09T09:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_status_confirmed.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_two_tz.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_dt_url.ics": meetings(
        ("2014-04-09T07:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_no_dst.ics": meetings(
        ("2014-04-09T14:30:00+00:00", "", "", []),
    ),
    "ics/khal-event_rrule_recuid.ics": meetings(
        ("2014-08-04T05:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_rrule_recuid_cancelled.ics": meetings(
        ("2014-08-04T05:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_rrule_recuid_invalid_tzid.ics": meetings(
        ("2014-08-04T05:00:00+00:00", "", "", []),
    ),
    "ics/khal-event_rrule_recuid_update.ics": meetings(
        ("2014-08-04T05:00:00+00:00", "", "", []),
    ),
    "ics/khal-invalid_tzoffset.ics": meetings(
        # The zone's definition is broken (+5328): left out, its TZID read by name.
        ("2012-12-02T07:00:00+00:00", "", "", []),
    ),
    "ics/khal-mult_uids_and_recuid_no_order.ics": meetings(
        ("2014-08-04T05:00:00+00:00", "", "", []),
        ("2013-12-31T23:00:00+00:00", "", "", []),
    ),
    "ics/khal-tz_windows_format.ics": meetings(
        ("2019-11-20T12:00:00+00:00", "", "", []),
    ),
    "ics/khal-without_uid.ics": meetings(
        ("2014-04-08T22:00:00+00:00", "", "", []),
    ),
    "ics/nylas-bogus_sequence_number.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "other (no follow-up)"),
            ],
        ),
    ),
    "ics/nylas-event_with_no_participants.ics": meetings(
        (
            "2015-03-15T23:00:00+00:00",
            "",
            "",
            [("Ben Bitdiddle", "benbitdiddle@icloud.com", "coordinator")],
        ),
    ),
    "ics/nylas-event_without_sequence.ics": meetings(
        (
            "2015-03-15T23:00:00+00:00",
            "",
            "",
            [("Ben Bitdiddle", "benbitdiddle@icloud.com", "coordinator")],
        ),
    ),
    "ics/nylas-gcal_recur.ics": meetings(
        (
            "2026-01-05T21:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Person 1", "foobar@nilas.com", "coordinator"),
                ("Person 2", "foobar2@nilas.com", "interviewer"),
                ("Person 3", "foobar3@nilas.com", "interviewer"),
                ("Person 4", "foobar4@nilas.com", "interviewer"),
                ("Person 5", "foobar5@nilas.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-gcal_v1.ics": meetings(
        (
            "2015-03-19T23:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Karim Hamidou", "karim@nilas.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-gcal_v2.ics": meetings(
        (
            "2015-03-19T23:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Karim Hamidou", "karim@nilas.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-google_cancelled1.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "",
            "",
            [
                ("Inbox Apptest", "inboxapptest.french@gmail.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-google_cancelled2.ics": refused(
        "the file cancels “Buffalo Buffalo”, a meeting that is not in the libra"
    ),
    "ics/nylas-icloud_cancelled1.ics": meetings(
        (
            "2015-03-31T02:30:00+00:00",
            "Example",
            "example.com",
            [
                ("Karim Hamidou", "invalid@example.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-icloud_cancelled2.ics": refused(
        "the file cancels “New Era”, a meeting that is not in the library (no e"
    ),
    "ics/nylas-icloud_oneday_event.ics": meetings(
        (
            "2015-03-15T23:00:00+00:00",
            "",
            "",
            [
                ("Ben Bitdiddle", "benbitdiddle@icloud.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-invalid_rsvp.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "other (no follow-up)"),
            ],
        ),
    ),
    "ics/nylas-invalid_rsvp2.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "other (no follow-up)"),
            ],
        ),
    ),
    "ics/nylas-invite.ics": meetings(
        (
            "2014-09-27T22:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Charles Gruenwald", "charles@inboxapp.com", "coordinator"),
                ("Alyssa P Hacker", "alyssaphacker@example.com", "interviewer"),
                ("Benbitdit", "benbitdit@example.com", "other (no follow-up)"),
                ("Filet Minyon", "filet.minyon@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-invite_w_rsvps1.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "interviewer"),
                ("Test", "test1@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-invite_w_rsvps2.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Test2", "test2@example.com", "coordinator"),
                ("Inbox Apptest", "test1@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-invite_w_rsvps3.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-invite_w_rsvps_4.ics": meetings(
        (
            "2015-04-01T14:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Inbox Apptest2", "test2@example.com", "coordinator"),
                ("Karim Hamidou", "karim@example.com", "other (no follow-up)"),
            ],
        ),
    ),
    "ics/nylas-iphone_through_exchange.ics": meetings(
        (
            "2014-12-27T15:00:00+00:00",
            "",
            "",
            [
                ("Inbox Apptest2", "inbox.apptest2@inboxapp.onmicrosoft.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-meetup_infinite.ics": meetings(
        (
            "2011-04-20T00:00:00+00:00",
            "Meetup",
            "meetup.com",
            [],  # "Meetup Reminder" <info@meetup.com> is a mailbox, not a person
        ),
    ),
    "ics/nylas-multiple_events.ics": meetings(
        (
            "2015-03-16T23:00:00+00:00",
            "",
            "",
            [("Ben Bitdiddle", "benbitdiddle@icloud.com", "coordinator")],
        ),
    ),
    "ics/nylas-multiple_summaries.ics": meetings(
        (
            "2015-03-19T23:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Karim Hamidou", "test@nilas.com", "coordinator"),
            ],
        ),
    ),
    "ics/nylas-self_sent_v1.ics": meetings(
        (
            "2015-03-19T23:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Karim Hamidou", "inboxapptest@gmail.com", "coordinator"),
                ("Karim Hamidou", "karim@nilas.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-self_sent_v2.ics": meetings(
        (
            "2015-03-19T23:30:00+00:00",
            "Nilas",
            "nilas.com",
            [
                ("Karim Hamidou", "inboxapptest@gmail.com", "coordinator"),
                ("Karim Hamidou", "karim@nilas.com", "interviewer"),
            ],
        ),
    ),
    "ics/nylas-windows_event.ics": meetings(
        (
            "2015-02-20T08:30:00+00:00",
            "",
            "",
            [
                ("Inbox Apptest2", "inbox.apptest2@inboxapp.onmicrosoft.com", "coordinator"),
            ],
        ),
    ),
    "ics/sabre-UntilRespectsTimezoneTest.ics": meetings(
        ("2013-11-11T23:30:00+00:00", "", "", []),
    ),
    "ics/vobject-ms_tzid.ics": meetings(
        ("2008-05-30T05:00:00+00:00", "", "", []),
    ),
    "ics/vobject-radicale-0816.ics": meetings(
        ("2016-06-16T08:00:00+00:00", "", "", []),
    ),
    "ics/vobject-radicale-0827.ics": meetings(
        ("2018-06-18T18:30:00+00:00", "", "", []),
    ),
    "ics/vobject-simple_test.ics": refused(
        "the event that starts on line 2 has no start time (no DTSTART)"
    ),
    "ics/vobject-tzid_8bit.ics": meetings(
        ("2008-05-30T09:00:00+00:00", "", "", []),
    ),
    "vcf/ezvcard-John_Doe_ANDROID.vcf": people(
        ("John Doe", "john.doe@company.com", "Company", "company.com"),
        ("Jane Doe", "jane.doe@company.com", "Company", "company.com"),
        ("Ñ Ñ Ñ Ñ Ñ", "", "", ""),
        ("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "", "", ""),
        ("Ñ Ñ Ñ Ñ", "bob@company.com", "ÑÑÑÑÑÑÑÑÑÑÑÑ", "company.com"),
        (
            "ÑÑÑÑ",
            "henry@company.com",
            "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ",
            "company.com",
        ),
    ),
    "vcf/ezvcard-John_Doe_BLACK_BERRY.vcf": people(
        ("John Doe", "", "Acme Solutions", ""),
    ),
    "vcf/ezvcard-John_Doe_EVOLUTION.vcf": people(
        ("Mr. John Richter, James Doe Sr.", "john.doe@ibm.com", "IBM", "ibm.com"),
    ),
    "vcf/ezvcard-John_Doe_GMAIL.vcf": people(
        ("Mr. John Richter, James Doe Sr.", "john.doe@ibm.com", "IBM", ""),
    ),
    "vcf/ezvcard-John_Doe_IPHONE.vcf": people(
        ("Mr. John Richter James Doe Sr.", "john.doe@ibm.com", "IBM", "ibm.com"),
    ),
    "vcf/ezvcard-John_Doe_LOTUS_NOTES.vcf": people(
        ("Mr. Doe John I Johny", "john.doe@ibm.com", "IBM", "ibm.com"),
    ),
    "vcf/ezvcard-John_Doe_MAC_ADDRESS_BOOK.vcf": people(
        ("Mr. John Richter,James Doe Sr.", "john.doe@ibm.com", "IBM", "ibm.com"),
    ),
    "vcf/ezvcard-John_Doe_MS_OUTLOOK.vcf": people(
        ("Mr. John Richter James Doe Sr.", "john.doe@ibm.cm", "IBM", "ibm.cm"),
    ),
    "vcf/ezvcard-fullcontact.vcf": people(
        (
            "Prefix FirstName MiddleName LastName Suffix",
            "work@example.com",
            "Organization1",
            "example.com",
        ),
    ),
    "vcf/ezvcard-gmail-list.vcf": people(
        ("Arnold Smith", "asmithk@gmail.com", "", ""),
        ("Chris Beatle", "chrisy55d@yahoo.com", "", ""),
        ("Doug White", "dwhite@gmail.com", "", ""),
    ),
    "vcf/ezvcard-gmail-single.vcf": people(
        ("Greg Dartmouth", "gdartmouth@hotmail.com", "TheCompany", ""),
    ),
    "vcf/ezvcard-gmail-single2.vcf": people(
        ("VCard Test", "workemail@example.com", "TheCompany", "example.com"),
    ),
    "vcf/ezvcard-issue114.vcf": people(
        ("Dummy Dummy", "dummy.dummy@dummy.com", "Dummy GmbH", ""),
    ),
    "vcf/ezvcard-outlook-2003.vcf": people(
        ("John Doe III", "jdoe@hotmail.com", "Company, The", ""),
    ),
    "vcf/ezvcard-outlook-2007.vcf": people(
        ("Mr. Michael Angstadt Jr.", "mike.angstadt@gmail.com", "TheCompany", ""),
    ),
    "vcf/ezvcard-rfc2426-example.vcf": people(
        ("Frank Dawson", "frank_dawson@lotus.com", "Lotus Development Corporation", "lotus.com"),
        ("Tim Howes", "howes@netscape.com", "Netscape Communications Corp.", "netscape.com"),
    ),
    "vcf/ezvcard-rfc6350-example.vcf": people(
        ("Simon Perreault", "simon.perreault@viagenie.ca", "Viagenie", "viagenie.ca"),
    ),
    "vcf/ezvcard-thunderbird-MoreFunctionsForAddressBook-extension.vcf": people(
        ("John Doe", "doe.john@hotmail.com", "TheOrganization", "company.com"),
    ),
    "vcf/ical4j-4b62872a-849-0.vcf": people(
        ("Herr Franz M. Branntwein", "franz.m.branntwein@example.com", "Example", "example.com"),
    ),
    "vcf/ical4j-Denis_Hennessy.vcf": people(
        ("Denis Hennessy", "denis.hennessy@isocor.com", "ISOCOR", "isocor.com"),
    ),
    "vcf/ical4j-Frank_Dawson.vcf": people(
        ("Frank Dawson", "frank_dawson@lotus.com", "Lotus Development Corporation", "lotus.com"),
    ),
    "vcf/ical4j-Simon_Perreault.vcf": people(
        ("Simon Perreault", "simon.perreault@viagenie.ca", "Viagenie", "viagenie.ca"),
    ),
    "vcf/ical4j-Simon_Perreault_03.vcf": people(
        ("Simon Perreault", "simon.perreault@viagenie.ca", "Viagenie", "viagenie.ca"),
    ),
    "vcf/ical4j-Tony_Small.vcf": people(
        ("Tony Small", "tony@xpertsite.com", "XpertSite.Com", "xpertsite.com"),
    ),
    "vcf/ical4j-vcard-antoni-kontact.vcf": people(
        ("Antoni Mylka", "antoni.mylka.kde@somedomain.com", "Aperture Project", "somedomain.com"),
    ),
    "vcf/ical4j-vcard-antoni-outlook2003-valueurl.vcf": people(
        ("Antoni Jozef Mylka jun.", "antoni_mylka@somedomain.com", "DFKI", "somedomain.com"),
    ),
    "vcf/ical4j-vcard-antoni-outlook2003.vcf": people(
        ("Antoni Jozef Mylka jun.", "antoni_mylka@somedomain.com", "DFKI", "somedomain.com"),
    ),
    "vcf/ical4j-vcard-dirk-whitespaceafterbegin.vcf": people(
        ("Dirk", "dirk@sap.com", "Sap", "sap.com"),
    ),
    "vcf/ical4j-vcard-dirk.vcf": people(
        ("Dirk", "dirk@sap.com", "Sap", "sap.com"),
    ),
    "vcf/ical4j-vcard-group.vcf": refused(
        "the card that begins on line 1 has no name (neither FN nor N) and no e"
    ),
    "vcf/ical4j-vcard-incompletenproperty.vcf": people(
        ("Antoni Mylka", "antoni@mylka.pl", "Mylka", "mylka.pl"),
    ),
    "vcf/ical4j-vcard-lowercase.vcf": people(
        ("Xy", "xy@zz.com", "Zz", "zz.com"),
    ),
    "vcf/ical4j-vcard-rfc2426.vcf": people(
        ("Frank Dawson", "frank_dawson@lotus.com", "Lotus Development Corporation", "lotus.com"),
        ("Tim Howes", "howes@netscape.com", "Netscape Communications Corp.", "netscape.com"),
    ),
    "vcf/ical4j-vcard-url.vcf": refused(
        "the card that begins on line 1 has no name (neither FN nor N) and no e"
    ),
    "vcf/ical4j-vcard-vCards-SAP.vcf": refused(
        "line 15 is not UTF-8 text; save the file as UTF-8 and import it again"
    ),
    "vcf/kcontacts-testfullvcard.vcf": people(
        (
            "Sherlock Holmes",
            "detective@sherlockholmes.com",
            "Sherlock Holmes",
            "sherlockholmes.com",
        ),
    ),
    "vcf/kcontacts-vcard1.vcf": people(
        ("Frank Dawson", "frank_dawson@lotus.com", "Lotus Development Corporation", "lotus.com"),
    ),
    "vcf/kcontacts-vcard10.vcf": refused(
        "the card that begins on line 1 has no name (neither FN nor N) and no e"
    ),
    "vcf/kcontacts-vcard11.vcf": people(
        ("Test User", "johndoe@abc.com", "Abc", "abc.com"),
    ),
    "vcf/kcontacts-vcard12.vcf": people(
        ("Good Looking", "goodlooking@example.com", "Example", "example.com"),
    ),
    "vcf/kcontacts-vcard13.vcf": people(
        ("Test User", "johndoe@abc.com", "Abc", "abc.com"),
    ),
    "vcf/kcontacts-vcard14.vcf": people(
        ("Test User", "thejoe@abc.com", "Abc", "abc.com"),
    ),
    "vcf/kcontacts-vcard15.vcf": people(
        ("Test Tester", "", "", ""),
    ),
    "vcf/kcontacts-vcard2.vcf": people(
        ("Tim Howes", "howes@netscape.com", "Netscape Communications Corp.", "netscape.com"),
    ),
    "vcf/kcontacts-vcard3.vcf": people(
        ("ian geiser", "geiseri@yahoo.com", "Source eXtreme", ""),
    ),
    "vcf/kcontacts-vcard4.vcf": refused('line 3 is not "NAME:value": FN'),
    "vcf/kcontacts-vcard5.vcf": people(
        ("Heiko Mustermann", "heiko.mustermann@freenet.org", "KDE", "freenet.org"),
    ),
    "vcf/kcontacts-vcard6.vcf": people(
        ("Test User", "email1@abc.de", "Abc", "abc.de"),
    ),
    "vcf/kcontacts-vcard7.vcf": refused(
        "the card that begins on line 1 has no name (neither FN nor N) and no e"
    ),
    "vcf/kcontacts-vcard8.vcf": people(
        ("test", "", "", ""),
    ),
    "vcf/kcontacts-vcard9.vcf": people(
        (
            "βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1",
            "",
            "",
            "",
        ),
    ),
    "vcf/kcontacts-vcard_extension_case_normalization.vcf": people(
        ("My Name", "", "", ""),
    ),
    "vcf/kcontacts-vcard_legacy_messaging_fields.vcf": people(
        ("My Name", "", "", ""),
    ),
    "vcf/kcontacts-vcardwithitemasapplesupport.vcf": people(
        ("Name of Broken Card", "", "SOME COMPANY", ""),
    ),
    "vcf/radicale-broken-vcard.vcf": people(
        ("Test Misses N Or Fn", "test-misses-n-or-fn@example.com", "Example", "example.com"),
    ),
    "vcf/radicale-broken-vcards.vcf": people(
        ("Test Misses N Or Fn", "test-misses-n-or-fn@example.com", "Example", "example.com"),
        ("Test Misses N Or Fn", "test-misses-n-or-fn@example1.com", "Example1", "example1.com"),
    ),
    "vcf/radicale-contact1.vcf": people(
        ("Contact", "", "", ""),
    ),
    "vcf/radicale-contact1_v4.vcf": people(
        ("Contact", "", "", ""),
    ),
    "vcf/radicale-contact2-with-bday.vcf": people(
        ("Test-FN", "", "", ""),
    ),
    "vcf/radicale-contact_multiple.vcf": people(
        ("Contact1", "", "", ""),
        ("Contact2", "", "", ""),
    ),
    "vcf/radicale-contact_multiple_v4.vcf": people(
        ("Contact1", "", "", ""),
        ("Contact2", "", "", ""),
    ),
    "vcf/sabre-issue153.vcf": people(
        ("Test Benutzer", "", "", ""),
    ),
    "vcf/vobject-radicale-1587.vcf": people(
        ("Given Family", "", "", ""),
    ),
    "ics/ical4j-Standup.ics": meetings(
        (
            "2026-01-01T22:30:00+00:00",
            "Example",
            "example.com",
            [("Ben Fortuna", "ben.fortuna@example.com", "coordinator")],
        ),
    ),
    "ics/ical4j-blankTzid.ics": meetings(
        (
            "2015-08-26T07:00:00+00:00",
            "Company",
            "company.com",
            [
                ("Bruce Roberts", "roberts@company.com", "coordinator"),
                ("Sam Peter", "sam@company.com", "interviewer"),
            ],
        ),
    ),
    "ics/ical4j-calconnect.ics": meetings(
        (
            "2005-04-15T13:00:00+00:00",
            "Coffeebean",
            "coffeebean.com",
            [
                ("iCal Chair/CoffeeBean", "icalchair@coffeebean.com", "coordinator"),
            ],
        ),
    ),
    "ics/ical4j-groupwise.ics": meetings(
        (
            "2008-12-17T07:30:00+00:00",
            "University",
            "university.edu",
            [("Jane Doe", "jane.doe@university.edu", "coordinator")],
        ),
    ),
    "ics/ical4j-korganizer.ics": meetings(
        (
            "2026-01-15T23:00:00+00:00",
            "Eastmond",
            "eastmond.org",
            [("Tom", "tom@eastmond.org", "coordinator")],
        ),
    ),
    "ics/ical4j-multiple_calendars.ics": meetings(
        (
            "1997-07-01T19:00:00+00:00",
            "Example",
            "example.com",
            [
                ("B", "b@example.com", "coordinator"),
                ("BIG A", "a@example.com", "interviewer"),
                ("C", "c@example.com", "interviewer"),
                ("Hal", "d@example.com", "interviewer"),
                ("E", "e@example.com", "interviewer"),
            ],
        ),
        (
            "1997-07-01T18:00:00+00:00",
            "Example",
            "example.com",
            [
                ("BIG A", "a@example.com", "coordinator"),
                ("B", "b@example.com", "interviewer"),
                ("C", "c@example.com", "interviewer"),
                ("Hal", "d@example.com", "interviewer"),
                ("E", "e@example.com", "interviewer"),
            ],
        ),
    ),
    "ics/ical4j-phpicalendar_sample.ics": refused(
        "line 186: a broken DTEND in an event: Expected datetime, date, or time"
    ),
    "ics/ical4j-tmeher.ics": meetings(
        (
            "2004-10-12T05:30:00+00:00",
            "Verdisoft",
            "verdisoft.com",
            [
                ("Meher Tendjoukian", "meher.tendjoukian@verdisoft.com", "coordinator"),
                ("Tendjoukian", "tendjoukian@yahoo.de", "interviewer"),
                ("Meher T", "meher.t@gmail.com", "interviewer"),
            ],
        ),
    ),
    "ics/libical-calendar.ics": refused(
        "line 57: a broken DTEND in an event: Expected datetime, date, or time."
    ),
    "ics/libical-incoming.ics": refused(
        "line 17: a broken DTEND in an event: Wrong datetime format: 19970701T1"
    ),
    "ics/recurring-ical-events-each_week_but_one_deleted.ics": meetings(
        ("2019-04-21T22:30:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_179_example.ics": refused(
        "“Our Blissful Anniversary” (line 2) is an all-day event that repeats every year and "
        "invites no one (a birthday or an anniversary), not a meeting; nothing to import"
    ),
    "ics/recurring-ical-events-issue_18_cancel_status.ics": meetings(
        ("2020-01-30T21:00:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_243_recurrence_id_is_not_identical_to_dtstart.ics": meetings(
        ("2026-01-01T07:00:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_28_rrule_with_UTC_endinginZ.ics": meetings(
        ("2020-09-16T22:00:00+00:00", "", "", []),
        ("2020-09-23T22:00:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_48_daylight_aware_repeats.ics": meetings(
        ("2026-01-05T11:30:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_62_moved_event.ics": meetings(
        ("2026-01-30T20:30:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_75_range_parameter.ics": meetings(
        ("2025-09-19T14:22:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-issue_86_x_wr_timezone_without_time_zone_in_dt.ics": meetings(
        ("2021-09-16T19:00:00+00:00", "", "", []),
    ),
    "ics/recurring-ical-events-one_day_event_repeat_every_day.ics": meetings(
        ("2025-12-31T23:00:00+00:00", "", "", []),
    ),
    "ics/thunderbird-event.ics": meetings(
        ("2021-03-25T11:00:00+00:00", "", "", []),
    ),
    "ics/thunderbird-import.ics": meetings(
        ("2019-01-01T14:00:00+00:00", "", "", []),
        ("2019-01-01T17:00:00+00:00", "", "", []),
        ("2019-01-01T16:00:00+00:00", "", "", []),
        ("2019-01-01T15:00:00+00:00", "", "", []),
    ),
    "ics/thunderbird-importLatin1.ics": refused(
        "line 20 is not UTF-8 text (byte 17); save the file as UTF-8 and import it again"
    ),
    "vcf/thunderbird-basic_vcard_addressbook.vcf": people(
        ("John Doe", "", "", ""),
        ("Jane Doe", "", "", ""),
    ),
    "vcf/thunderbird-emptylines_vcard_addressbook.vcf": people(
        ("John Doe", "", "", ""),
        ("Jane Doe", "", "", ""),
    ),
    "vcf/thunderbird-export.vcf": people(
        ("contact number one", "", "", ""),
        ("contact number two", "", "", ""),
    ),
    "vcf/thunderbird-v3-binary-jpeg.vcf": people(
        ("Binary JPEG", "", "", ""),
    ),
    "vcf/thunderbird-v4-uri-png.vcf": people(
        ("URI PNG, version 4.0", "", "", ""),
    ),
    "ics/icaljs-day_long_recur_yearly.ics": meetings(
        ("2025-12-31T23:00:00+00:00", "", "", []),
    ),
    "ics/icaljs-google_birthday.ics": refused(
        "“PErson #2's birthday” (line 8) is an all-day event that repeats every year and "
        "invites no one (a birthday or an anniversary), not a meeting; so is the file's other "
        "event; nothing to import"
    ),
    "ics/icaljs-multiple_rrules.ics": meetings(
        (
            "2012-07-29T18:00:00+00:00",
            "Mozilla",
            "mozilla.com",
            [
                ("Faramarz Rashed", "frashed@mozilla.com", "coordinator"),
                ("James Lal", "jlal@mozilla.com", "interviewer"),
            ],
        ),
    ),
    "ics/icaljs-rdate_exdate.ics": meetings(
        ("2024-06-12T03:00:00+00:00", "", "", []),
    ),
    "ics/icaljs-recur_instances.ics": meetings(
        (
            "2026-01-06T18:00:00+00:00",
            "Mozilla",
            "mozilla.com",
            [
                ("James Lal", "jlal@mozilla.com", "coordinator"),
                ("Sahaja Lal", "calmozilla1@gmail.com", "interviewer"),
                ("James", "james@lightsofapollo.com", "interviewer"),
                ("Iam Revelation", "iam.revelation@gmail.com", "interviewer"),
            ],
        ),
    ),
    "ics/thunderbird-meet-meeting-invite.ics": meetings(
        (
            "2021-03-22T09:30:00+00:00",
            "",
            "",
            [
                ("Example", "example@gmail.com", "coordinator"),
            ],
        ),
    ),
    "ics/thunderbird-teams-meeting-invite.ics": meetings(
        (
            "2020-12-02T17:00:00+00:00",
            "Example",
            "example.com",
            [
                ("Marge", "marge@example.com", "coordinator"),
                ("Bart", "bart@example.com", "interviewer"),
                ("Homer", "homer@example.com", "interviewer"),
            ],
        ),
    ),
}
# Refusals that are about the library, not the file: a cancellation of a meeting never
# imported. Every other refusal names the line that cannot be read.
NOT_A_LINE = {"ics/nylas-google_cancelled2.ics", "ics/nylas-icloud_cancelled2.ics"}


@pytest.fixture
def berlin_time(monkeypatch):
    """Floating and all-day times are read in this machine's zone: Berlin's for the table."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def empty_library(tmp_path_factory):
    from followup.store.library import Library

    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    Library(path).close()
    return path


def test_the_corpus_is_large_enough_and_listed():
    names = real_files()
    assert sum(n.endswith(".ics") for n in names) >= 40
    assert sum(n.endswith(".vcf") for n in names) >= 40
    assert set(EXPECTED) == set(names)
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in names)
    assert sum(p.stat().st_size for p in REAL.rglob("*") if p.is_file()) < 2_000_000


@pytest.mark.parametrize("name", real_files())
def test_real_file_imports_right_or_is_refused_naming_the_line(
    name, empty_library, tmp_path, berlin_time
):
    result = import_result(name, empty_library, tmp_path)
    expected = EXPECTED[name]
    if "refused" in expected:
        assert "refused" in result, result
        assert result["refused"].startswith(expected["refused"])
        assert name in NOT_A_LINE or "line " in result["refused"]
    else:
        assert result == expected


@pytest.mark.slow
def test_results_do_not_depend_on_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "4242"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "TZ": "Europe/Berlin",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]),
        }
        done = subprocess.run(
            [sys.executable, "-m", "tests.store.real_files"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len(real_files())

"""The fictional council behind samples/: meetings, people and how each action develops.

All text here was written for minutetrail. The generator renders it as agenda packs; the same
data gives the expected extraction record of each pack and the expected overdue report.
"""
from __future__ import annotations

from datetime import date

BODY = "Fernbrook District Council"
COMMITTEE = "Housing and Communities Scrutiny Committee"
VENUE = "Council Chamber, Fernbrook House, Mill Street, Fernbrook, FB1 2AA"
TIME_TEXT = "6.30 pm"
TIME = "18:30"

# Meeting 0 is only minuted (in pack 1); packs 1..6 are published for meetings 1..6.
MEETINGS = [
    date(2024, 12, 10), date(2025, 1, 14), date(2025, 2, 11), date(2025, 3, 11),
    date(2025, 4, 8), date(2025, 5, 13), date(2025, 6, 10),
]
FIRST_MINUTE_NUMBER = 31

MEMBERS = {
    "chair": "Alan Marsh",
    "vice": "Beth Okafor",
    "members": ["Carl Dunn", "Fiona Grant", "Hamid Iqbal", "Jo Lister", "Neil Parr"],
}
# per minuted meeting: who sent apologies and who substituted
APOLOGIES = {0: ["Neil Parr"], 1: ["Fiona Grant"], 2: [], 3: ["Hamid Iqbal"], 4: ["Neil Parr"], 5: ["Jo Lister"]}
SUBSTITUTES = {0: ["Rosa Quinn"], 1: [], 2: [], 3: ["Sam Turner"], 4: ["Rosa Quinn"], 5: []}
IN_ATTENDANCE = ["Kay Moss"]
# Officers attending each minuted meeting, as (name, post). The Head of Housing Services changes
# in May 2025: role-titled owners resolve to whoever held the post on the meeting date.
OFFICERS = {m: [("Tom Elliott", "Head of Housing Services"), ("Sara Lin", "Democratic Services Officer"),
                ("Priya Shah", "Housing Strategy Manager")] for m in range(5)}
OFFICERS[5] = [("Grace Obi", "Interim Head of Housing Services"), ("Sara Lin", "Democratic Services Officer"),
               ("Priya Shah", "Housing Strategy Manager")]

# Log layouts per pack: ruled or borderless, and which header vocabulary it prints.
HEADERS_A = ["Action Number", "Meeting Date", "Action", "Owner", "Progress Update", "Due date", "Reported complete"]
HEADERS_B = ["Ref", "Date raised", "Action", "Lead officer", "Update", "Target date", "Status"]
LOG_STYLE = {
    1: ("ruled", HEADERS_A, True),
    2: ("borderless", HEADERS_A, True),
    3: ("ruled", HEADERS_A, True),   # runs over a page break, header repeated, a cell split by the break
    4: ("ruled", HEADERS_B, True),
    5: ("borderless", HEADERS_B, False),  # runs over a page break, header not repeated
    6: ("ruled", HEADERS_B, True),
}

# Each action: raised at meeting index `raised`, then its printing in the log of each pack.
# state per pack: (text, owner, progress, due cell, status cell)
ACTIONS: list[dict] = [
    {
        "id": "A0", "raised": 0, "minutes_owner": "Democratic Services Officer",
        "minutes_text": "Democratic Services Officer to confirm the date of the spring tenants' forum.",
        "states": {
            1: ("Confirm the date of the spring tenants' forum", "Democratic Services Officer", "Forum booked for 22 March", "14/01/25", "COMPLETED"),
        },
    },
    {
        "id": "A1", "raised": 1, "minutes_owner": "Priya Shah",
        "minutes_text": "Priya Shah to circulate the tenant satisfaction survey results to members by 11 February 2025.",
        "minutes_due": "11 February 2025",
        "states": {
            2: ("Circulate the tenant satisfaction survey results to members", "Priya Shah", "Results being checked by the survey contractor", "11/02/25", "IN PROGRESS"),
            3: ("Circulate the tenant satisfaction survey results to all members of the committee", "Priya Shah", "Completed - results sent on 3 March", "11/02/25", ""),
        },
    },
    {
        "id": "A2", "raised": 1, "minutes_owner": "Tom Elliott",
        "minutes_text": "Tom Elliott to provide a breakdown of void properties by ward.",
        "states": {
            2: ("Provide a breakdown of void properties by ward", "Tom Elliott", "Data requested from the housing system", "11/03/25", "IN PROGRESS"),
            3: ("Provide a breakdown of void properties by ward", "Head of Housing Services", "Data extract delayed by the system upgrade", "11/03/25 revised 30/04/25", "IN PROGRESS"),
            4: ("Provide a breakdown of void properties by ward, with the length of each void", "Head of Housing Services", "Extract received; analysis by ward under way", "11/03/25 revised 30/04/25", "IN PROGRESS"),
            5: ("Provide a breakdown of void properties by ward, with the length of each void", "T Elliott", "Awaiting sign off", "30/04/25", "OVERDUE"),
            6: ("Provide a breakdown of void properties by ward, with the length of each void", "Tom Elliott", "Awaiting sign off", "30/04/25", "OVERDUE"),
        },
    },
    {
        "id": "A3", "raised": 1, "minutes_owner": "Housing Strategy Manager",
        "minutes_text": "Housing Strategy Manager to review the damp and mould risk register and report back.",
        "states": {
            2: ("Review the damp and mould risk register and report back", "Housing Strategy Manager", "", "March 2025", ""),
            3: ("Review the damp and mould risk register and report back", "Housing Strategy Manager", "Review complete; report at item 7", "March 2025", "COMPLETED"),
        },
    },
    {
        "id": "A4", "raised": 1, "minutes_owner": "Housing Strategy Manager",
        "minutes_text": "Housing Strategy Manager to review the procurement waivers register for housing repairs.",
        "states": {
            2: ("Review the procurement waivers register for housing repairs", "Housing Strategy Manager", "Not yet started", "April 2025", "NOT STARTED"),
            3: ("Review the procurement waivers register for housing repairs", "Housing Strategy Manager", "Waivers listed; review of the largest ten in hand", "April 2025", "IN PROGRESS"),
            4: ("Review the procurement waivers register for housing repairs", "Housing Strategy Manager", "Review of the largest ten waivers in hand", "April 2025", "IN PROGRESS"),
            5: ("Review the procurement waivers register for housing repairs", "Housing Strategy Manager", "Done", "April 2025", ""),
        },
    },
    {
        "id": "A5", "raised": 2, "minutes_owner": "Democratic Services Officer",
        "minutes_text": "Democratic Services Officer to arrange a site visit to the Millbrook regeneration scheme.",
        "states": {
            3: ("Arrange a site visit to the Millbrook regeneration scheme", "Democratic Services Officer", "Dates offered to members: 2, 3 and 9 April. Members are asked to reply to the clerk by the end of March so that transport for the visit can be booked with the contractor and site safety briefings arranged in advance of the visit", "April 2025", "IN PROGRESS"),
            4: ("Arrange a site visit to the Millbrook regeneration scheme", "Democratic Services Officer", "Visit took place on 3 April", "April 2025", "COMPLETED"),
        },
    },
    {
        "id": "A6", "raised": 3, "minutes_owner": "Claire Ward",
        "minutes_text": "Claire Ward to report back on the use of temporary accommodation for families.",
        "states": {
            4: ("Report back on the use of temporary accommodation for families", "Claire Ward", "Figures being compiled", "13/05/25", "IN PROGRESS"),
            5: ("Report back on the use of temporary accommodation for families with children", "C Ward", "Figures compiled; report being drafted", "13/05/25", "IN PROGRESS"),
            6: ("Report back on the use of temporary accommodation for families with children", "Ward, Claire", "Report being drafted", "13/05/25", "IN PROGRESS"),
        },
    },
    {
        "id": "A7", "raised": 4, "minutes_owner": "Tom Elliott",
        "minutes_text": "Tom Elliott to share the KPIs for the responsive repairs contract.",
        "states": {
            5: ("Share the KPIs for the responsive repairs contract", "Tom Elliott", "Contractor to confirm figures", "TBC", "IN PROGRESS"),
            6: ("Share the Key Performance Indicators for the responsive repairs contract", "Tom Elliott", "Contractor to confirm figures", "TBC", "IN PROGRESS"),
        },
    },
    {
        "id": "A8", "raised": 2, "minutes_owner": "Priya Shah",
        "minutes_text": "Priya Shah to update the allocations policy equality impact assessment.",
        "states": {
            3: ("Update the allocations policy equality impact assessment", "Priya Shah", "Drafting", "31/03/25", "IN PROGRESS"),
            4: ("Update the allocations policy equality impact assessment", "Priya Shah", "Consultation extended; new date agreed", "31/03/25 revised 31/07/25", "OVERDUE"),
            5: ("Update the allocations policy equality impact assessment", "Priya Shah", "Consultation closes 30 June", "31/03/25 revised 31/07/25", "OVERDUE"),
            6: ("Update the allocations policy equality impact assessment", "Priya Shah", "Consultation closes 30 June", "31/03/25 revised 31/07/25", "OVERDUE"),
        },
    },
    {
        "id": "A9", "raised": 5, "minutes_owner": "Democratic Services Officer",
        "minutes_text": "Democratic Services Officer to add homelessness prevention to the work programme for September.",
        "states": {
            6: ("Add homelessness prevention to the work programme for September", "Democratic Services Officer", "", "September 2025", ""),
        },
    },
]

# Decisions of each minuted meeting (beyond approving the minutes).
TOPICS = {
    0: ("TENANT ENGAGEMENT STRATEGY", "The committee considered the draft tenant engagement strategy.",
        [("a", "The draft strategy be amended to include a digital engagement target"), ("b", "Tenants' forum members be invited to the February meeting")]),
    1: ("HOUSING REPAIRS PERFORMANCE", "The Head of Housing Services presented the quarterly repairs report.",
        [("a", "The executive consider additional funding for the repairs backlog"), ("b", "A further update on void properties be brought to the April meeting")]),
    2: ("ALLOCATIONS POLICY REVIEW", "Members discussed the proposed changes to the allocations policy.",
        [("a", "The equality impact assessment be updated before the policy goes to Cabinet")]),
    3: ("DAMP AND MOULD", "The committee received the review of the damp and mould risk register.",
        [("a", "Quarterly reporting on damp and mould cases continue until March 2026"), ("b", "Tenants be told how to report damp through the new online form")]),
    4: ("MILLBROOK REGENERATION SCHEME", "Members reported on the site visit of 3 April.",
        [("a", "The committee's thanks be passed to the contractor for hosting the visit")]),
    5: ("TEMPORARY ACCOMMODATION", "The Housing Strategy Manager introduced the report on temporary accommodation.",
        [("a", "Cabinet be asked to review the budget for temporary accommodation"), ("b", "A briefing on homelessness prevention be held for all councillors"),
         ("c", "Tenants be told how to report damp through the online form")]),  # made again (see meeting 3)
}

# Report in each pack, with its recommendations.
REPORTS = {
    1: ("Housing repairs performance - quarter 3", "Head of Housing Services",
        ["Notes the repairs performance for quarter 3", "Identifies any areas for further scrutiny"]),
    2: ("Allocations policy review", "Housing Strategy Manager",
        ["Comments on the proposed changes to the allocations policy"]),
    3: ("Damp and mould risk register review", "Housing Strategy Manager",
        ["Notes the findings of the damp and mould risk register review", "Agrees the reporting arrangements for the coming year"]),
    4: ("Housing improvement plan - progress", "Head of Housing Services",
        ["Notes progress against the housing improvement plan", "Identifies actions rated red for further scrutiny"]),
    5: ("Temporary accommodation", "Housing Strategy Manager",
        ["Considers the use of temporary accommodation for families", "Makes recommendations to Cabinet as appropriate"]),
    6: ("Work programme 2025/26", "Democratic Services Officer",
        ["Agrees the work programme for 2025/26"]),
}

# An improvement plan whose RAG rating is shown only by cell fill colour (in packs 4 and 6).
PLAN = [
    ("1: Repairs and maintenance", [
        ("1.1", "Clear the backlog of routine repairs older than 90 days", "Head of Housing Services", "June 2025",
         {4: ("Backlog reduced from 1,240 to 610 jobs", "amber"), 6: ("Backlog cleared", "blue")}),
        ("1.2", "Introduce a damp and mould case tracker shared with tenants", "Housing Strategy Manager", "March 2025",
         {4: ("Tracker live since February", "blue"), 6: ("Tracker live since February", "blue")}),
    ]),
    ("2: Voids and lettings", [
        ("2.1", "Reduce the average time to re-let an empty home to 28 days", "Tom Elliott", "September 2025",
         {4: ("Average now 41 days", "red"), 6: ("Average now 33 days", "amber")}),
        ("2.2", "Publish a lettings plan for the Millbrook scheme", "Priya Shah", "May 2025",
         {4: ("Draft plan with members", "green"), 6: ("Plan published", "blue")}),
    ]),
]
RAG_FILL = {"red": (0.90, 0.25, 0.25), "amber": (1.0, 0.75, 0.1), "green": (0.30, 0.70, 0.30), "blue": (0.25, 0.45, 0.85)}
RAG_STATUS = {"blue": "completed", "green": "in_progress", "amber": "at_risk", "red": "at_risk"}

# A substantive topic that comes back every other meeting (a recurring agenda topic).
QUARTERLY_ITEM = {1: "HOUSING REPAIRS PERFORMANCE - QUARTER 3", 3: "HOUSING REPAIRS PERFORMANCE", 5: "HOUSING REPAIRS PERFORMANCE - QUARTER 4"}

# A recommendation tracker in pack 6: recommendations made in minutes, followed up (reworded).
TRACKER = {6: [
    ("R1", "Quarterly reporting on damp and mould cases to continue until March 2026", 3, "Accepted; first report due in July",
     "Housing Strategy Manager", "OPEN", "D3a"),
    ("R2", "Cabinet be asked to review the temporary accommodation budget", 5, "Referred to Cabinet on 19 June",
     "Head of Housing Services", "IN PROGRESS", "D5a"),
]}
